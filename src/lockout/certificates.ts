/**
 * Logins with a user certificate the repository holds (`*-cert.pub`): who logs in with it, and
 * whether sshd trusts it for that user (auth2-pubkey.c `user_cert_trusted_ca`, auth2-pubkeyfile.c
 * `auth_check_authkey_line`, sshkey.c `sshkey_cert_check_authority`). Two routes trust a CA: the
 * file TrustedUserCAKeys names (principals must name the user, unless AuthorizedPrincipalsFile
 * maps them), and a `cert-authority` line in the user's authorized_keys (its `principals=`
 * option, else the user's name). The login works when one route accepts the certificate.
 *
 * The users: the certificate's principals (the names sshd compares with the user), the owner of
 * the home it lies in, and the users whose authorized_keys trust its CA. A user for whom the
 * repository installs no authorized_keys is taken to have no `cert-authority` line.
 */
import type { DecodedKey } from '../ssh/key-blob.js';
import type { KeyEntry } from '../parse/key-file-model.js';
import type { RepositoryModel } from '../repository/repository-model.js';
import { parsedEntries } from '../rules/rule.js';
import { formatCertTime } from '../rules/public-key/certificate-validity.js';
import type { SourceLine } from '../core/source.js';
import { fileRead } from './authorized-files.js';
import { expandTilde } from './expand-path.js';
import { across, DENIED, isCause, label, placeOf, relatedTo, type Cause, type Check } from './checks.js';
import { filePlace, governingServer, machinePrefix, setupsGoverned, type KeySource } from './installed-keys.js';
import type { Setting, UserSettings } from './server-view.js';

type Cert = NonNullable<DecodedKey['cert']>;

/** A certificate login to judge: the certificate, and the user who presents it. */
export interface CertificateLogin {
  source: KeySource;
  line: SourceLine;
  entry: KeyEntry;
}

const OWNER = /(?:^|\/)home\/([^/]+)\/|(?:^|\/)(root)\//;
/** A principal that can be a login name (sshd compares it with the user's name as written). */
const LOGIN_NAME = /^[a-z_][a-z0-9_.-]*\$?$/i;

function isCertAuthorityFor(entry: KeyEntry, ca: DecodedKey): boolean {
  return entry.options.some((option) => option.name === 'cert-authority') && !entry.key.key.certificate && entry.key.key.fingerprint === ca.fingerprint;
}

/** The user certificates of each machine with the users who would present them. */
export function certificateLogins(model: RepositoryModel, keySources: readonly KeySource[]): CertificateLogin[] {
  const logins: CertificateLogin[] = [];
  for (const file of model.keyFiles) {
    if (file.kind !== 'public_key') continue;
    const server = governingServer(model.servers, file.source.path);
    if (!server) continue;
    for (const { line, entry } of parsedEntries(file)) {
      const cert = entry.key.key.cert;
      if (!cert || cert.certType !== 'user') continue;
      const owner = OWNER.exec(file.source.path);
      const users = new Set([...(owner ? [owner[1] ?? owner[2]!] : []), ...cert.principals.filter((principal) => LOGIN_NAME.test(principal))]);
      for (const source of keySources) {
        if (source.server === server && parsedEntries(source.model).some((e) => isCertAuthorityFor(e.entry, cert.signatureKey))) users.add(source.user);
      }
      for (const user of users) logins.push({ source: { user, path: file.source.path, model: file, place: filePlace(file.source.path), server, setups: setupsGoverned(model, server) }, line, entry });
    }
  }
  return logins;
}

// ------------------------------------------------------------------ the checks

const REISSUE = 'Issue a new certificate: `ssh-keygen -s CA_KEY -I ID -n PRINCIPALS -V +52w KEY.pub`.';

/** sshkey_cert_check_authority: the validity window, then the principals (`name` undefined: not compared). */
function authority(cert: Cert, now: number, name: string | undefined, requirePrincipal: boolean): { reason: string; sshd: string; fix: string; validity?: true } | undefined {
  const time = BigInt(Math.floor(now));
  if (time < cert.validAfter) return { reason: `it is not valid until ${formatCertTime(cert.validAfter)}`, sshd: 'Certificate invalid: not yet valid', fix: REISSUE, validity: true };
  if (time >= cert.validBefore) return { reason: `it expired on ${formatCertTime(cert.validBefore)}`, sshd: 'Certificate invalid: expired', fix: REISSUE, validity: true };
  if (cert.principals.length === 0) {
    return requirePrincipal ? { reason: 'it has no principals, and a CA in TrustedUserCAKeys needs them', sshd: 'Certificate lacks principal list', fix: `Issue it with \`-n ${name}\`.` } : undefined;
  }
  if (name !== undefined && !cert.principals.includes(name)) {
    return { reason: `its principals (${cert.principals.join(', ')}) do not include ${name}`, sshd: 'Certificate invalid: name is not a listed principal', fix: `Issue it with \`-n ${[...cert.principals, name].join(',')}\`, or map the principals with AuthorizedPrincipalsFile.` };
  }
  return undefined;
}

function certificateCause(at: Cause['at'], reason: string, sshd: string, fix: string, chain: Cause['chain'], validity?: boolean): Cause {
  return {
    family: 'certificate-refused',
    ...(at ? { at } : {}),
    reason,
    error: `sshd logs "${sshd}"; the client sees ${DENIED}`,
    fix,
    chain,
    // certificate-validity says so on the certificate.
    ...(validity ? { reportedBy: 'SSH301' } : {}),
  };
}

type Route = Check | 'absent';

/** The only value a keyword can have for the user, or unknown when a Match block may change it. */
function single(view: UserSettings, keyword: string): { setting: Setting | undefined } | undefined {
  const candidates = view.candidates(keyword);
  return candidates.length === 1 ? { setting: candidates[0] } : undefined;
}

function isNone(setting: Setting | undefined): boolean {
  return !setting || setting.values[0]?.toLowerCase() === 'none';
}

/** TrustedUserCAKeys: the file (held by the repository) must list the CA; then principals and validity. */
function trustedCaRoute(view: UserSettings, cert: Cert, model: RepositoryModel, now: number): Route {
  const trusted = single(view, 'TrustedUserCAKeys');
  if (!trusted) return { unknown: 'TrustedUserCAKeys depends on the connection' };
  const setting = trusted.setting;
  if (isNone(setting)) return 'absent';
  // sshd expands `~` when it reads its configuration, as root (servconf.c parse_filename).
  const path = expandTilde(setting!.values[0]!, 'root');
  if (!path.startsWith('/') || path.includes('%')) return { unknown: `TrustedUserCAKeys ${path} is not an absolute path` };
  const repoPath = machinePrefix(view.analysis.tree.main.source.path) + path.slice(1);
  const file = model.keyFiles.find((candidate) => candidate.source.path === repoPath);
  if (!file) return { unknown: `${path} is not in the repository` };
  const caLine = parsedEntries(file).find(({ entry }) => !entry.key.key.certificate && entry.key.key.fingerprint === cert.signatureKey.fingerprint);
  if (!caLine) {
    return certificateCause(
      placeOf(setting!.directive),
      `${label(setting!)} trusts only the CAs in ${repoPath}, which does not list the CA that signed it (${cert.signatureKey.fingerprint})`,
      `CA ${cert.signatureKey.fingerprint} is not listed in ${path}`,
      `Add the CA's public key to ${repoPath}, or sign the certificate with a CA listed there.`,
      [{ file: repoPath, line: 1, column: 1, message: 'the CAs sshd trusts' }],
    );
  }
  const mapped = single(view, 'AuthorizedPrincipalsFile');
  const command = single(view, 'AuthorizedPrincipalsCommand');
  if (!mapped || !command || !isNone(mapped.setting) || !isNone(command.setting)) return { unknown: 'AuthorizedPrincipalsFile/Command maps the principals' };
  const problem = authority(cert, now, view.user, true);
  if (!problem) return 'ok';
  const chain = [relatedTo(setting!.directive, 'trusts its CA'), { file: repoPath, line: caLine.line.number, column: 1, message: 'the CA' }];
  return certificateCause(undefined, `${label(setting!)} trusts its CA, but ${problem.reason}`, problem.sshd, problem.fix, chain, problem.validity);
}

/** `cert-authority` lines for the CA in the user's authorized_keys files that sshd reads. */
function certAuthorityRoute(view: UserSettings, release: string, login: CertificateLogin, cert: Cert, keySources: readonly KeySource[], now: number): Route {
  const routes: Route[] = [];
  for (const source of keySources) {
    if (source.user !== view.user || source.server !== login.source.server) continue;
    const lines = parsedEntries(source.model).filter(({ entry }) => isCertAuthorityFor(entry, cert.signatureKey));
    if (lines.length === 0) continue;
    const read = fileRead(view, release, source);
    if (read.some((check) => check !== 'ok')) {
      routes.push(read.some(isCause) ? 'absent' : { unknown: `sshd may not read ${source.path}` });
      continue;
    }
    for (const { line, entry } of lines) {
      if (entry.options.some((option) => option.name === 'from' || option.name === 'expiry-time')) {
        routes.push({ unknown: 'the cert-authority line has from= or expiry-time=' });
        continue;
      }
      const principals = entry.options.find((option) => option.name === 'principals')?.value;
      const listed = principals?.split(',');
      const problem =
        listed && !cert.principals.some((principal) => listed.includes(principal))
          ? { reason: `its principals (${cert.principals.join(', ') || 'none'}) include none of \`principals="${principals}"\``, sshd: 'Certificate does not contain an authorized principal', fix: `Add one of its principals to \`principals=\`, or issue it with \`-n ${listed[0]}\`.` }
          : authority(cert, now, listed ? undefined : view.user, false);
      const at = source.place(line.number, entry.optionsRange);
      routes.push(problem ? certificateCause(undefined, `${at.file}:${at.span.line} trusts its CA for ${view.user}, but ${problem.reason}`, problem.sshd, problem.fix, [{ file: at.file, ...at.span, message: 'cert-authority' }], 'validity' in problem) : 'ok');
    }
  }
  if (routes.includes('ok')) return 'ok';
  return routes.find((route) => route !== 'absent' && !isCause(route)) ?? routes.find((route) => route !== 'absent') ?? 'absent';
}

/** A keyword set to anything but `none` brings in what the repository cannot show (a command that may accept the certificate, a revocation list). */
function setOutside(view: UserSettings, release: string, keyword: string): Check {
  return across(view, release, keyword, (_values, setting) => (isNone(setting) ? 'ok' : { unknown: `${keyword} is set` }));
}

/** CASignatureAlgorithms must hold the algorithm of the CA's signature (sshkey_check_cert_sigtype). */
function caSignature(view: UserSettings, release: string, cert: Cert, allowed: (setting: Setting | undefined) => readonly string[] | undefined): Check {
  return across(view, release, 'CASignatureAlgorithms', (_values, setting) => {
    const list = allowed(setting);
    if (!list) return { unknown: 'CASignatureAlgorithms does not resolve' };
    if (list.includes(cert.signatureAlgorithm)) return 'ok';
    const by = setting ? label(setting) : `OpenSSH ${release}'s default CASignatureAlgorithms`;
    return {
      ...certificateCause(setting ? placeOf(setting.directive) : undefined, `${by} does not allow its CA signature (${cert.signatureAlgorithm})`, `certificate signature algorithm ${cert.signatureAlgorithm}: signature algorithm not supported`, `Re-sign it with an allowed algorithm (\`ssh-keygen -s CA_KEY -t rsa-sha2-512 …\` for an RSA CA)${setting ? ', or add the algorithm to CASignatureAlgorithms' : ''}.`, []),
      // certificate-signed-with-ssh-rsa says so on the certificate.
      ...(!setting && cert.signatureAlgorithm === 'ssh-rsa' ? { reportedBy: 'SSH302' } : {}),
    };
  });
}

/** Whether sshd accepts the certificate for the user: the CA signature, then a route that trusts it. */
export function certificateChecks(
  view: UserSettings,
  release: string,
  login: CertificateLogin,
  context: { model: RepositoryModel; keySources: readonly KeySource[]; now: number; caAlgorithms: (setting: Setting | undefined) => readonly string[] | undefined },
): Check[] {
  const cert = login.entry.key.key.cert!;
  const routes = [trustedCaRoute(view, cert, context.model, context.now), certAuthorityRoute(view, release, login, cert, context.keySources, context.now)];
  let trust: Check;
  if (routes.includes('ok')) trust = 'ok';
  else if (routes.every((route) => route === 'absent')) {
    const setting = view.candidates('TrustedUserCAKeys')[0];
    trust = certificateCause(
      setting ? placeOf(setting.directive) : undefined,
      `nothing trusts its CA (${cert.signatureKey.fingerprint}) for ${view.user}: ${setting ? `${label(setting)}` : 'no TrustedUserCAKeys'}, and no \`cert-authority\` line for it in ${view.user}'s authorized_keys`,
      `Failed publickey for ${view.user} from … ${login.entry.key.typeName.replace(/-v01@openssh\.com$/, '')}`,
      `Add the CA's public key to the file TrustedUserCAKeys names (\`TrustedUserCAKeys /etc/ssh/user_ca.pub\`), or a \`cert-authority\` line to ${view.user}'s authorized_keys.`,
      [],
    );
  } else trust = routes.find((route): route is Check => route !== 'absent' && route !== 'ok' && !isCause(route)) ?? (routes.find(isCauseRoute) as Cause);
  // AuthorizedKeysCommand may accept what the routes refuse; RevokedKeys may refuse what they accept.
  const command = setOutside(view, release, 'AuthorizedKeysCommand');
  if (isCause(trust) && command !== 'ok') trust = command;
  const sourceAddress = cert.criticalOptions.some((option) => option.name === 'source-address') ? [{ unknown: "the certificate's source-address" }] : [];
  return [caSignature(view, release, cert, context.caAlgorithms), trust, command, setOutside(view, release, 'RevokedKeys'), ...sourceAddress];
}

function isCauseRoute(route: Route): boolean {
  return route !== 'absent' && isCause(route);
}

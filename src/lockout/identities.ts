/**
 * "Too many authentication failures": a user's own ssh configuration offers the one key sshd
 * accepts only after MaxAuthTries keys it refuses, so sshd disconnects before reaching it.
 *
 * ssh offers the IdentityFile keys in the order it obtains them (the user's ~/.ssh/config, then
 * the machine's /etc/ssh/ssh_config), skipping files that do not exist, and each key the server
 * refuses is one failure; sshd disconnects when the failures reach MaxAuthTries (auth2.c
 * `userauth_finish`: `failures >= max_authtries`), so with the default 6 the seventh key is never
 * tried. Tested with 9.2: the same key in two files counts twice, and an agent that holds one of
 * the listed keys moves it to the front even with IdentitiesOnly (sshconnect2.c `pubkey_prepare`).
 *
 * Claimed only when the repository fixes every part of it: the configuration is
 * `home/<user>/.ssh/config` (or root's) on a machine whose sshd configuration it holds, the
 * destination is that machine (a loopback HostName, the port sshd listens on), IdentitiesOnly yes
 * and IdentityAgent none make the list exactly the files, each file is in the repository with its
 * public key known, and sshd's verdict on each key is certain: the keys sshd reads for the user
 * are the files the repository holds, nothing else (AuthorizedKeysCommand, GSSAPI, host-based)
 * can let the user in first, and MaxAuthTries has one value for the user.
 */
import type { RelatedLocation } from '../core/finding.js';
import { formatVersion } from '../core/version.js';
import { isRelease } from '../openssh/releases.js';
import { sshdKeyword } from '../openssh/sshd-keywords.js';
import type { PrivateKeyBlock } from '../parse/private-key.js';
import { effectiveConfig, firstValue, hostNameFor, type Setting } from '../parse/config/effective-config.js';
import type { RepositoryModel } from '../repository/repository-model.js';
import type { ConfigAnalysis, RuleContext } from '../rules/rule.js';
import { parsedEntries } from '../rules/rule.js';
import { placeOf, relatedTo } from './checks.js';
import { expandTilde, expandTokens, homeOf } from './expand-path.js';
import { governingServer, setupsGoverned, type Place } from './installed-keys.js';
import { analyseLogins, startFailure, type KeyLogin } from './logins.js';
import { settingsFor } from './server-view.js';

export interface IdentityLockout {
  user: string;
  /** The Host alias the configuration gives the destination. */
  host: string;
  /** The IdentityFile line of the key sshd accepts, never offered. */
  accepted: Setting;
  /** The login the analysis judged accepted with that key. */
  login: KeyLogin;
  /** The IdentityFile lines offered before it, all refused. */
  refused: Setting[];
  maxAuthTries: number;
  /** The MaxAuthTries line, when one sets it. */
  limit?: Setting;
}

/** `home/<user>/.ssh/config` or `root/.ssh/config`, after any machine prefix. */
const USER_CONFIG = /(?:^|\/)(?:home\/([^/]+)|(root))\/\.ssh\/config$/;
const LOOPBACK = /^(?:localhost|::1|127\.\d+\.\d+\.\d+)$/i;
/** Client keywords that would offer something before the files, or change which of them are offered. */
const UNJUDGED_CLIENT_KEYWORDS = ['CertificateFile', 'PreferredAuthentications', 'PubkeyAcceptedAlgorithms', 'PKCS11Provider', 'SecurityKeyProvider'];

/** The client's view: the user's configuration first, then the machine's (ssh reads both, keeping the first value). */
interface ClientView {
  first(keyword: string): Setting | undefined;
  all(keyword: string): Setting[];
}

function clientView(analyses: readonly ConfigAnalysis[], host: string, localUser: string, context: Pick<RuleContext, 'version'>): ClientView {
  const maps = analyses.map((analysis) => effectiveConfig(analysis, context).for({ host, localUser }));
  const all = (keyword: string): Setting[] => maps.flatMap((map) => map.get(keyword.toLowerCase()) ?? []);
  return { all, first: (keyword) => all(keyword)[0] };
}

/** Host blocks, Includes and Match blocks all resolve statically: no `Match exec`, no missing Include. */
function fullyKnown(analysis: ConfigAnalysis): boolean {
  return analysis.tree.problems.length === 0 && analysis.tree.entries.every((entry) => !/^match$/i.test(entry.directive.keyword));
}

/** The key an IdentityFile names, as ssh loads it: the private key file's own public part (OpenSSH format), else the `.pub` beside it. */
function identityFingerprint(model: RepositoryModel, repoPath: string): { fingerprint: string; type: string } | undefined {
  const blocks = model.privateKeys.find((file) => file.path === repoPath)?.keys ?? [];
  if (blocks.length !== 1) return undefined;
  const block: PrivateKeyBlock = blocks[0]!;
  if (block.format === 'openssh') return block.fingerprint && block.type ? { fingerprint: block.fingerprint, type: block.type } : undefined;
  const pub = model.keyFiles.find((file) => file.kind === 'public_key' && file.source.path === `${repoPath}.pub`);
  const entries = pub ? parsedEntries(pub) : [];
  const key = entries.length === 1 ? entries[0]!.entry.key : undefined;
  if (!key || (block.fingerprint !== undefined && block.fingerprint !== key.key.fingerprint)) return undefined;
  return { fingerprint: key.key.fingerprint, type: key.typeName };
}

/** An IdentityFile value as a path on the machine (`~`, `%d` the home, `%u` the user); undefined when it depends on more. */
function identityPath(value: string, user: string): string | undefined {
  const path = expandTokens(expandTilde(value, user), { d: homeOf(user), u: user });
  return path?.startsWith('/') && !value.includes('$') ? path : undefined;
}

function certainlyOff(values: readonly (Setting | undefined)[]): boolean {
  return values.every((setting) => setting === undefined || firstValue(setting).toLowerCase() === 'no');
}

/** The one MaxAuthTries sshd applies to the user's connections, or undefined when a Match block on the connection may change it. */
function maxAuthTries(view: ReturnType<typeof settingsFor>, release: string): { value: number; setting?: Setting } | undefined {
  const candidates = view.candidates('MaxAuthTries');
  const values = candidates.map((setting) => Number.parseInt(setting ? firstValue(setting) : ((isRelease(release) ? sshdKeyword('MaxAuthTries', release)?.default : undefined) ?? '6'), 10));
  if (values.some((value) => value !== values[0] || !Number.isFinite(value))) return undefined;
  return { value: values[0]!, ...(candidates[0] ? { setting: candidates[0] } : {}) };
}

/** Whether sshd listens where `port` on the loopback reaches it. */
function listensOn(server: ConfigAnalysis, port: number, context: Pick<RuleContext, 'version'>): boolean {
  const config = effectiveConfig(server, context);
  if (config.all('ListenAddress').length > 0) return false;
  const ports = config.all('Port').map((setting) => Number(firstValue(setting)));
  return (ports.length === 0 ? [22] : ports).includes(port);
}

export function identityLockouts(model: RepositoryModel, context: Pick<RuleContext, 'version' | 'now'>): IdentityLockout[] {
  const release = formatVersion(context.version);
  const lockouts: IdentityLockout[] = [];
  for (const client of model.clients) {
    const path = client.tree.main.source.path;
    const match = USER_CONFIG.exec(path);
    if (!match) continue;
    const prefix = path.slice(0, match.index + (match[0].startsWith('/') ? 1 : 0));
    const server = governingServer(model.servers, path);
    const system = model.clients.find((candidate) => candidate.tree.main.source.path === `${prefix}etc/ssh/ssh_config`);
    const analyses = system ? [client, system] : [client];
    if (!server || startFailure(server) || !analyses.every(fullyKnown)) continue;
    const localUser = match[1] ?? match[2]!;
    const hosts = client.tree.entries.filter((entry) => /^host$/i.test(entry.directive.keyword)).flatMap((entry) => entry.directive.args.map((arg) => arg.value));
    for (const host of new Set(hosts.filter((pattern) => !/[*?!]/.test(pattern)))) {
      const found = judgeDestination({ model, context, release, server, analyses, prefix, localUser, host });
      if (found) lockouts.push(found);
    }
  }
  return lockouts;
}

interface Destination {
  model: RepositoryModel;
  context: Pick<RuleContext, 'version' | 'now'>;
  release: string;
  server: ConfigAnalysis;
  analyses: ConfigAnalysis[];
  prefix: string;
  localUser: string;
  host: string;
}

function judgeDestination(d: Destination): IdentityLockout | undefined {
  const client = clientView(d.analyses, d.host, d.localUser, d.context);
  const value = (keyword: string): string | undefined => {
    const setting = client.first(keyword);
    return setting && firstValue(setting);
  };
  const hostname = hostNameFor(value('HostName'), d.host);
  if (!LOOPBACK.test(hostname) || !listensOn(d.server, Number(value('Port') ?? '22'), d.context)) return undefined;
  if (value('IdentitiesOnly')?.toLowerCase() !== 'yes' || value('IdentityAgent')?.toLowerCase() !== 'none' || value('PubkeyAuthentication')?.toLowerCase() === 'no') return undefined;
  if (UNJUDGED_CLIENT_KEYWORDS.some((keyword) => client.first(keyword))) return undefined;
  const user = value('User') ?? d.localUser;
  if (/[%$]/.test(user)) return undefined;

  const view = settingsFor(d.server, d.context, user);
  // Another way in that may come first, or keys sshd gets from elsewhere than the repository's files.
  if (!certainlyOff(view.candidates('GSSAPIAuthentication')) || !certainlyOff(view.candidates('HostbasedAuthentication'))) return undefined;
  if (!view.candidates('AuthorizedKeysCommand').every((setting) => setting === undefined || firstValue(setting).toLowerCase() === 'none')) return undefined;
  if (setupsGoverned(d.model, d.server).some((setup) => setup.installations.some((installation) => installation.user === undefined || installation.user === user))) return undefined;
  const limit = maxAuthTries(view, d.release);
  if (!limit) return undefined;

  const logins = analyseLogins(d.model, d.context).filter((login) => login.user === user && login.source.server === d.server);
  const refused: Setting[] = [];
  for (const setting of client.all('IdentityFile')) {
    const machinePath = identityPath(firstValue(setting), d.localUser);
    const repoPath = machinePath && `${d.prefix}${machinePath.slice(1)}`;
    // A file the repository does not hold may or may not exist; a certificate beside it is offered too.
    const key = repoPath === undefined ? undefined : identityFingerprint(d.model, repoPath);
    if (!key || key.type === 'ssh-dss' || d.model.keyFiles.some((file) => file.source.path === `${repoPath}-cert.pub`)) return undefined;
    const verdicts = logins.filter((login) => login.entry.key.key.fingerprint === key.fingerprint);
    const accepted = verdicts.find((login) => login.verdict.outcome === 'accepted');
    if (accepted) {
      return refused.length >= limit.value ? { user, host: d.host, accepted: setting, login: accepted, refused, maxAuthTries: limit.value, ...(limit.setting ? { limit: limit.setting } : {}) } : undefined;
    }
    if (verdicts.some((login) => login.verdict.outcome === 'unknown')) return undefined;
    refused.push(setting);
  }
  return undefined;
}

/** The lines of the chain, for a finding's related locations. */
export function lockoutChain(lockout: IdentityLockout): RelatedLocation[] {
  const key = lockout.login.keyAt;
  return [
    ...lockout.refused.map((setting) => relatedTo(setting.directive, 'offered first, refused')),
    ...(lockout.limit ? [relatedTo(lockout.limit.directive, `MaxAuthTries ${lockout.maxAuthTries}`)] : []),
    { file: key.file, ...key.span, message: `the key sshd accepts for ${lockout.user}` },
  ];
}

export function acceptedPlace(lockout: IdentityLockout): Place {
  return placeOf(lockout.accepted.directive);
}

/**
 * Lockout analysis: for every key the repository installs, whether sshd (the configuration
 * that governs its machine, at the target release) accepts a login with it, and if not, the
 * line that causes the refusal. The checks follow sshd's own (auth.c `allowed_user`,
 * `auth_root_allowed`, auth2.c, auth2-pubkey.c, auth2-pubkeyfile.c, misc.c `safe_path`); each
 * says `ok`, gives a cause, or says the outcome depends on what the repository does not show
 * (the client's address, group membership, a value hidden in a template). A login is refused
 * only when some check is certain to refuse it: a lockout is never claimed where a login works.
 *
 * The client is taken to be a current OpenSSH that offers the key alone, with whatever
 * signature algorithm the server accepts (what `ssh -i key -o IdentitiesOnly=yes` does).
 */
import type { SourceLine } from '../core/source.js';
import { atLeast, formatVersion, type OpenSSHVersion } from '../core/version.js';
import { resolveAlgorithmList, type AlgorithmKeyword } from '../openssh/algorithm-list.js';
import { defaultAlgorithms, isAlgorithmRelease, type AlgorithmClass } from '../openssh/algorithms.js';
import { matchPattern } from '../openssh/match.js';
import type { Directive } from '../parse/config/config-model.js';
import type { KeyEntry } from '../parse/key-file-model.js';
import type { RepositoryModel } from '../repository/repository-model.js';
import type { ConfigAnalysis, RuleContext } from '../rules/rule.js';
import { parsedEntries } from '../rules/rule.js';
import { groupsOf, type UserGroups } from './accounts.js';
import { fileRead } from './authorized-files.js';
import { certificateChecks, certificateLogins } from './certificates.js';
import { across, cause, DENIED, isCause, label, outcomeOf, placeOf, type Cause, type Check, type Outcome } from './checks.js';
import { chrootChecks } from './chroot.js';
import { installedKeySources, type KeySource, type Place } from './installed-keys.js';
import { settingsFor, userPatternApplies, where, type Setting, type UserSettings } from './server-view.js';

export type { Cause, CauseFamily, Outcome } from './checks.js';
export { placeOf, relatedTo } from './checks.js';

export interface KeyLogin {
  user: string;
  /** The authorized-keys file that lists the key, or for a certificate the file that holds it. */
  source: KeySource;
  line: SourceLine;
  /** The key, or the certificate (`entry.key.key.cert`). */
  entry: KeyEntry;
  /** Where the key is written in the repository. */
  keyAt: Place;
  verdict: Outcome;
}

// ------------------------------------------------------------------ the server

/** The first line that stops sshd from starting, with sshd's words. */
export function startFailure(analysis: ConfigAnalysis): { directive: Directive; message: string } | undefined {
  for (const entry of analysis.tree.entries) {
    const problem = analysis.verdicts.get(entry.directive)?.problem;
    if (problem) return { directive: entry.directive, message: problem.message };
  }
  const loop = analysis.tree.problems.find((problem) => problem.code === 'too-deep');
  return loop && { directive: loop.directive, message: 'Include nesting too deep' };
}

// ------------------------------------------------------------------ the user

function allowedUser(view: UserSettings, groups: UserGroups | undefined): Check {
  const user = view.user;
  const denyUsers = view.lines('DenyUsers');
  const allow = view.lines('AllowUsers');
  if (!denyUsers || !allow) return { unknown: `a Match block that may apply to ${user}'s connections sets AllowUsers or DenyUsers` };
  let unknown: string | undefined;
  for (const setting of denyUsers) {
    for (const pattern of setting.values) {
      const applies = userPatternApplies(pattern, user);
      if (applies === 'yes') {
        return cause('user-refused', setting, `${label(setting)} denies ${user}`, `sshd logs "User ${user} from … not allowed because listed in DenyUsers"; the client sees ${DENIED}`, `Remove ${user} from DenyUsers, or narrow the pattern \`${pattern}\`.`);
      }
      if (applies === 'maybe') unknown = `DenyUsers ${pattern} depends on the client's host`;
    }
  }
  if (allow.length > 0) {
    const results = allow.flatMap((setting) => setting.values.map((pattern) => userPatternApplies(pattern, user)));
    if (!results.includes('yes')) {
      if (results.includes('maybe')) unknown ??= `AllowUsers lets ${user} in from some hosts only`;
      else {
        const first = allow[0]!;
        const commas = allow.some((setting) => setting.values.some((pattern) => pattern.includes(',') && pattern.split(',').includes(user)));
        const hint = commas ? ' (AllowUsers takes names separated by spaces: a comma is part of the pattern)' : '';
        return cause('user-refused', first, `${label(first)} does not list ${user}${hint}`, `sshd logs "User ${user} from … not allowed because not listed in AllowUsers"; the client sees ${DENIED}`, `Add ${user} to AllowUsers (names separated by spaces).`, allow.slice(1));
      }
    }
  }
  const groupCheck = allowedGroups(view, groups);
  if (isCause(groupCheck)) return groupCheck;
  if (groupCheck !== 'ok') unknown ??= groupCheck.unknown;
  return unknown === undefined ? 'ok' : { unknown };
}

/** DenyGroups, then AllowGroups (auth.c `allowed_user`, groupaccess.c `ga_match`: one pattern per name), over the groups etc/group shows. */
function allowedGroups(view: UserSettings, groups: UserGroups | undefined): Check {
  const user = view.user;
  const deny = view.lines('DenyGroups');
  const allow = view.lines('AllowGroups');
  if (!deny || !allow) return { unknown: `a Match block that may apply to ${user}'s connections sets AllowGroups or DenyGroups` };
  if (deny.length === 0 && allow.length === 0) return 'ok';
  if (!groups) return { unknown: `AllowGroups/DenyGroups depend on ${user}'s groups` };
  const matching = (settings: readonly Setting[]) =>
    settings.flatMap((setting) => setting.values.flatMap((pattern) => groups.groups.filter((group) => matchPattern(group.name, pattern)).map((group) => ({ setting, group }))));
  const denied = matching(deny)[0];
  if (denied) {
    return {
      ...cause('user-refused', denied.setting, `${label(denied.setting)} denies group ${denied.group.name}, and ${groups.file} puts ${user} in it`, `sshd logs "User ${user} from … not allowed because a group is listed in DenyGroups"; the client sees ${DENIED}`, `Take ${user} out of ${denied.group.name}, or narrow DenyGroups.`),
      chain: [{ ...denied.group.line, message: `${user} is a member of ${denied.group.name}` }],
    };
  }
  if (allow.length === 0 || matching(allow).length > 0) return 'ok';
  if (!groups.complete) return { unknown: `${user}'s primary group is not known (no etc/passwd entry)` };
  const first = allow[0]!;
  const names = groups.groups.map((group) => group.name).join(', ') || 'none';
  return {
    ...cause('user-refused', first, `${label(first)} lists none of ${user}'s groups (${names}, per ${groups.file})`, `sshd logs "User ${user} from … not allowed because none of user's groups are listed in AllowGroups"; the client sees ${DENIED}`, `Add ${user} to one of the allowed groups in ${groups.file} (\`usermod -aG GROUP ${user}\`), or list one of its groups in AllowGroups.`, allow.slice(1)),
    chain: [...allow.slice(1).map((s) => ({ file: s.directive.file, line: s.directive.line.number, column: 1, message: 'AllowGroups' })), ...groups.groups.map((group) => group.line)],
  };
}

function pubkeyAuthentication(view: UserSettings, release: string): Check {
  return across(view, release, 'PubkeyAuthentication', (values, setting) =>
    setting && values[0]?.toLowerCase() === 'no'
      ? {
          ...cause('user-refused', setting, `${label(setting)} switches public-key authentication off for ${view.user}`, `sshd ignores every key; the client sees "Permission denied" without publickey in the list of methods`, `Keep \`PubkeyAuthentication yes\` for ${view.user}.`),
          // Off for every connection: pubkey-authentication-off says so on that line.
          ...(setting.scope.coversAll ? { reportedBy: 'SSH451' } : {}),
        }
      : 'ok',
  );
}

function authenticationMethods(view: UserSettings, release: string): Check {
  return across(view, release, 'AuthenticationMethods', (values, setting) => {
    if (!setting || values.some((list) => list === 'any' || list === 'publickey')) return 'ok';
    // `publickey,publickey` needs two keys: one key alone cannot do, but a client with two can.
    if (values.some((list) => list.split(',').every((method) => method === 'publickey'))) return { unknown: 'AuthenticationMethods asks for several keys' };
    const needs = values.map((list) => list.split(',').filter((method) => method !== 'publickey').join(' and '));
    return cause(
      'user-refused',
      setting,
      `${label(setting)} requires ${needs.join(', or ')} besides a key`,
      `sshd answers the key with "partial success" and asks for more; a login with the key alone (CI, BatchMode) ends in "Permission denied (${values[0]!.split(',').filter((m) => m !== 'publickey')[0] ?? 'publickey'})"`,
      `Add \`publickey\` as a list of its own (\`AuthenticationMethods publickey ${values.join(' ')}\`) for accounts that log in with a key alone, or give them the other method.`,
    );
  });
}

function rootLogin(view: UserSettings, release: string, entry: KeyEntry): Check {
  if (view.user !== 'root') return 'ok';
  return across(view, release, 'PermitRootLogin', (values, setting) => {
    const value = values[0]?.toLowerCase();
    // A certificate forces its command with the force-command critical option.
    const forced = entry.options.some((option) => option.name === 'command' && !option.negated) || (entry.key.key.cert?.criticalOptions.some((option) => option.name === 'force-command') ?? false);
    if (value === 'no' || (value === 'forced-commands-only' && !forced)) {
      const what = value === 'no' ? 'forbids root logins' : 'lets root in only with keys that carry `command=`';
      // The default never refuses a key, so a refusal always has its line.
      // Tested with 9.2: `no` fails the authentication; `forced-commands-only` accepts the key, then closes the connection.
      const error = value === 'no' ? `sshd logs "ROOT LOGIN REFUSED"; the client sees ${DENIED}` : 'sshd accepts the key, then closes the connection (the client sees "Broken pipe" or "Connection closed")';
      return cause('user-refused', setting!, `${label(setting!)} ${what}`, error, value === 'no' ? 'Log in as a named user with sudo, or set `PermitRootLogin prohibit-password` to allow root with keys only.' : 'Add `command="…"` to the keys root uses, or set `PermitRootLogin prohibit-password`.');
    }
    return 'ok';
  });
}

// ------------------------------------------------------------------ the key

/** The signature algorithm names that let the key (or certificate) through PubkeyAcceptedAlgorithms. */
function algorithmCheck(entry: KeyEntry, list: readonly string[]): 'ok' | 'refused' | 'unknown' {
  const key = entry.key.key;
  if (key.family === 'rsa') {
    const suffix = key.certificate ? '-cert-v01@openssh.com' : '';
    if (list.includes(`rsa-sha2-512${suffix}`) || list.includes(`rsa-sha2-256${suffix}`)) return 'ok';
    // Only SHA-1 signatures: clients from 8.8 do not make them unless told to.
    return list.includes(`ssh-rsa${suffix}`) ? 'unknown' : 'refused';
  }
  return list.includes(key.type) ? 'ok' : 'refused';
}

/** "ssh-rsa 2048-bit key", "ssh-ed25519 certificate". */
export function describeKey(entry: KeyEntry): string {
  const key = entry.key.key;
  if (key.certificate) return `${entry.key.typeName.replace(/-cert-v01@openssh\.com$/, '')} certificate`;
  const bits = key.family === 'rsa' || key.family === 'dss' ? ` ${key.bits}-bit` : '';
  return `${entry.key.typeName}${bits} key`;
}

/** The list an algorithm keyword resolves to for one line (or the release's default without one); undefined when it does not resolve. */
function algorithmList(keyword: AlgorithmKeyword, cls: AlgorithmClass, setting: Setting | undefined, release: string): readonly string[] | undefined {
  if (!isAlgorithmRelease(release)) return undefined;
  if (!setting) return defaultAlgorithms(cls, release, 'server');
  const list = resolveAlgorithmList(keyword, setting.values[0] ?? '', release, 'server');
  return list.ok ? list.effective : undefined;
}

function acceptedAlgorithms(view: UserSettings, release: string, entry: KeyEntry): Check {
  return across(view, release, 'PubkeyAcceptedAlgorithms', (_values, setting) => {
    const effective = algorithmList('PubkeyAcceptedAlgorithms', 'key', setting, release);
    if (!effective) return { unknown: `PubkeyAcceptedAlgorithms does not resolve at ${release}` };
    const check = algorithmCheck(entry, effective);
    if (check !== 'refused') return check === 'ok' ? 'ok' : { unknown: 'only ssh-rsa (SHA-1) signatures are accepted' };
    const by = setting ? `${label(setting)} leaves out` : `OpenSSH ${release}'s default PubkeyAcceptedAlgorithms leaves out`;
    return {
      family: 'key-refused',
      ...(setting ? { at: placeOf(setting.directive) } : {}),
      reason: `${by} ${entry.key.typeName}`,
      error: `sshd logs "key type ${entry.key.typeName} not in PubkeyAcceptedAlgorithms"; the client sees ${DENIED}`,
      fix: `Replace the key with an Ed25519 key (\`ssh-keygen -t ed25519\`)${setting ? ', or add its type to PubkeyAcceptedAlgorithms' : ''}.`,
      chain: [],
      // A DSA key refused by the default list: key-dsa says so on the key.
      ...(!setting && entry.key.key.family === 'dss' ? { reportedBy: 'SSH110' } : {}),
    };
  });
}

function rsaSize(view: UserSettings, release: string, entry: KeyEntry, version: OpenSSHVersion): Check {
  const key = entry.key.key;
  if (key.family !== 'rsa' || !atLeast(version, '9.1')) return 'ok';
  return across(view, release, 'RequiredRSASize', (values, setting) => {
    const required = Number.parseInt(values[0] ?? '', 10);
    if (!(key.bits < required)) return 'ok';
    return {
      family: 'key-refused',
      ...(setting ? { at: placeOf(setting.directive) } : {}),
      reason: `${setting ? label(setting) : `RequiredRSASize (${required} by default)`} refuses RSA keys under ${required} bits`,
      error: `sshd logs "refusing RSA key: Invalid key length"; the client sees ${DENIED}`,
      fix: `Replace the key with an Ed25519 key, or an RSA key of at least ${Math.max(required, 3072)} bits.`,
      chain: [],
    };
  });
}

/** Options that make the outcome depend on the client or the clock. */
function keyOptions(entry: KeyEntry): Check {
  const option = entry.options.find((o) => ['from', 'expiry-time', 'principals'].includes(o.name));
  return option ? { unknown: `the key's ${option.name}= option` } : 'ok';
}

// ------------------------------------------------------------------ all of it

function startCause(server: ConfigAnalysis): Cause | undefined {
  const start = startFailure(server);
  return (
    start && {
      family: 'sshd-will-not-start',
      at: placeOf(start.directive),
      reason: `sshd refuses to start: ${where(start.directive)}: ${start.message}`,
      error: 'nothing listens on the SSH port; the client sees "Connection refused" (or the old sshd keeps running until the next restart)',
      fix: 'Fix the line, and run `sshd -t` before every restart.',
      chain: [],
    }
  );
}

interface Judgement {
  model: RepositoryModel;
  keySources: readonly KeySource[];
  version: OpenSSHVersion;
  now: number;
  /** What depends only on the source (its server and user), worked out once for all its keys. */
  perSource: Map<KeySource, SourceChecks>;
}

interface SourceChecks {
  start: Cause | undefined;
  view: UserSettings;
  user: Check;
  pubkey: Check;
  methods: Check;
  fileRead: Check[];
  chroot: Check;
}

function sourceChecks(source: KeySource, context: Judgement): SourceChecks {
  const known = context.perSource.get(source);
  if (known) return known;
  const release = formatVersion(context.version);
  const view = settingsFor(source.server, context, source.user);
  const checks: SourceChecks = {
    start: startCause(source.server),
    view,
    user: allowedUser(view, groupsOf(context.model.accounts, source.server, source.user)),
    pubkey: pubkeyAuthentication(view, release),
    methods: authenticationMethods(view, release),
    fileRead: fileRead(view, release, source),
    chroot: chrootChecks(view, release, source),
  };
  context.perSource.set(source, checks);
  return checks;
}

/** sshd's verdict on `user` presenting `entry` (a key `source` lists, or a certificate): the user, the key, then the session. */
function judge(source: KeySource, line: SourceLine, entry: KeyEntry, context: Judgement): Outcome {
  const checks = sourceChecks(source, context);
  if (checks.start) return { outcome: 'refused', cause: checks.start };
  const release = formatVersion(context.version);
  const view = checks.view;
  const accepted = entry.key.key.cert
    ? [acceptedAlgorithms(view, release, entry), ...certificateChecks(view, release, { source, line, entry }, { ...context, caAlgorithms: (setting) => algorithmList('CASignatureAlgorithms', 'sig', setting, release) })]
    : [...checks.fileRead, acceptedAlgorithms(view, release, entry), rsaSize(view, release, entry, context.version), keyOptions(entry)];
  return outcomeOf([checks.user, checks.pubkey, checks.methods, rootLogin(view, release, entry), ...accepted, checks.chroot]);
}

const cache = new WeakMap<RepositoryModel, Map<string, KeyLogin[]>>();

/** Every key the repository installs for a user, and every user certificate it holds, with sshd's verdict on a login with it. */
export function analyseLogins(model: RepositoryModel, context: Pick<RuleContext, 'version' | 'now'>): KeyLogin[] {
  const key = `${formatVersion(context.version)}@${context.now}`;
  const byContext = cache.get(model) ?? new Map<string, KeyLogin[]>();
  cache.set(model, byContext);
  const cached = byContext.get(key);
  if (cached) return cached;
  const keySources = installedKeySources(model, context.version);
  const judgement: Judgement = { model, keySources, version: context.version, now: context.now, perSource: new Map() };
  const logins: KeyLogin[] = [];
  const add = (source: KeySource, line: SourceLine, entry: KeyEntry): void => {
    logins.push({ user: source.user, source, line, entry, keyAt: source.place(line.number, entry.key.typeRange), verdict: judge(source, line, entry, judgement) });
  };
  for (const source of keySources) {
    for (const { line, entry } of parsedEntries(source.model)) {
      // A certificate in authorized_keys is no key login (certificate-as-key says so); a CA key authenticates certificates.
      if (entry.key.key.certificate || entry.options.some((option) => option.name === 'cert-authority')) continue;
      add(source, line, entry);
    }
  }
  for (const login of certificateLogins(model, keySources)) add(login.source, login.line, login.entry);
  byContext.set(key, logins);
  return logins;
}

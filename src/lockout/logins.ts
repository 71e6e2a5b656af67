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
import type { RelatedLocation } from '../core/finding.js';
import { atLeast, formatVersion, type OpenSSHVersion } from '../core/version.js';
import { resolveAlgorithmList } from '../openssh/algorithm-list.js';
import { defaultAlgorithms, isAlgorithmRelease } from '../openssh/algorithms.js';
import { isRelease } from '../openssh/releases.js';
import { sshdKeyword } from '../openssh/sshd-keywords.js';
import type { Directive } from '../parse/config/config-model.js';
import type { KeyEntry } from '../parse/key-file-model.js';
import type { RepositoryModel } from '../repository/repository-model.js';
import type { ConfigAnalysis, RuleContext } from '../rules/rule.js';
import { parsedEntries } from '../rules/rule.js';
import type { SourceLine } from '../core/source.js';
import { strictModesVerdict } from './file-modes.js';
import { homeOf, installedKeySources, type KeySource, type Place } from './installed-keys.js';
import { settingsFor, userPatternApplies, where, written, type Setting, type UserSettings } from './server-view.js';

/** One finding family per rule. */
export type CauseFamily = 'sshd-will-not-start' | 'user-refused' | 'keys-not-read' | 'unsafe-modes' | 'key-refused';

export interface Cause {
  family: CauseFamily;
  /** The line that causes the refusal; undefined when a built-in default does (the finding goes on the key). */
  at?: Place;
  /** Why sshd refuses, as a clause naming the lines: "`RequiredRSASize 2048` (sshd_config:12) refuses RSA keys under 2048 bits". */
  reason: string;
  /** What the user sees. */
  error: string;
  fix: string;
  /** The other lines of the chain. */
  chain: RelatedLocation[];
  /** A per-file rule already reports this line with the same consequence (its id); the lockout rules leave it to that rule. */
  reportedBy?: string;
}

export type Outcome = { outcome: 'accepted' } | { outcome: 'refused'; cause: Cause } | { outcome: 'unknown'; why: string };

export interface KeyLogin {
  user: string;
  source: KeySource;
  line: SourceLine;
  entry: KeyEntry;
  /** Where the key is written in the repository. */
  keyAt: Place;
  verdict: Outcome;
}

const DENIED = '"Permission denied (publickey)"';

type Check = 'ok' | { unknown: string } | Cause;

function isCause(check: Check): check is Cause {
  return typeof check === 'object' && 'family' in check;
}

export function placeOf(directive: Directive): Place {
  return { file: directive.file, span: { line: directive.line.number, column: directive.keywordRange.start + 1, endColumn: directive.line.text.length + 1 } };
}

export function relatedTo(directive: Directive, message: string): RelatedLocation {
  return { file: directive.file, line: directive.line.number, column: directive.keywordRange.start + 1, message };
}

function label(setting: Setting): string {
  return `\`${written(setting.directive)}\` (${where(setting.directive)})`;
}

/**
 * Judges a keyword over every value it may have for the user: refused only when every
 * candidate refuses (the first cause is reported), ok when every one accepts.
 */
function across(view: UserSettings, release: string, keyword: string, judge: (values: string[], setting: Setting | undefined) => Check): Check {
  const checks = view.candidates(keyword).map((setting) => {
    const values = setting ? setting.values : (defaultOf(keyword, release) ?? '').split(' ').filter((v) => v !== '');
    return judge(values, setting);
  });
  if (checks.every(isCause)) return checks[0]!;
  if (checks.every((check) => check === 'ok')) return 'ok';
  return { unknown: `${keyword} may differ for ${view.user} depending on the connection` };
}

function defaultOf(keyword: string, release: string): string | undefined {
  return isRelease(release) ? (sshdKeyword(keyword, release)?.default ?? undefined) : undefined;
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

function allowedUser(view: UserSettings): Check {
  const user = view.user;
  let unknown: string | undefined;
  for (const setting of view.lines('DenyUsers')) {
    for (const pattern of setting.values) {
      const applies = userPatternApplies(pattern, user);
      if (applies === 'yes') {
        return cause('user-refused', setting, `${label(setting)} denies ${user}`, `sshd logs "User ${user} from … not allowed because listed in DenyUsers"; the client sees ${DENIED}`, `Remove ${user} from DenyUsers, or narrow the pattern \`${pattern}\`.`);
      }
      if (applies === 'maybe') unknown = `DenyUsers ${pattern} depends on the client's host`;
    }
  }
  const allow = view.lines('AllowUsers');
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
  if (view.lines('AllowGroups').length > 0 || view.lines('DenyGroups').length > 0) unknown ??= `AllowGroups/DenyGroups depend on ${user}'s groups`;
  return unknown === undefined ? 'ok' : { unknown };
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
    const forced = entry.options.some((option) => option.name === 'command' && !option.negated);
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

// ------------------------------------------------------------------ the file

/** AuthorizedKeysFile patterns as sshd expands them for `user` (`~` at parse time, for root: servconf.c `tilde_expand_filename(arg, getuid())`). */
function authorizedKeysPaths(patterns: readonly string[], user: string): string[] | undefined {
  const paths: string[] = [];
  for (const pattern of patterns) {
    if (pattern.toLowerCase() === 'none') continue;
    let path = pattern;
    if (path === '~' || path.startsWith('~/')) path = `/root${path.slice(1)}`;
    else if (path.startsWith('~')) {
      const slash = path.indexOf('/');
      path = homeOf(path.slice(1, slash === -1 ? undefined : slash)) + (slash === -1 ? '' : path.slice(slash));
    }
    let unknown = false;
    path = path.replace(/%(.)/g, (_, token: string) => {
      if (token === '%') return '%';
      if (token === 'u') return user;
      if (token === 'h') return homeOf(user);
      unknown = true; // %U (the uid) and anything else: not known here
      return '';
    });
    if (unknown) return undefined;
    paths.push(path.startsWith('/') ? path : `${homeOf(user)}/${path}`);
  }
  return paths;
}

function keysRead(view: UserSettings, release: string, source: KeySource): Check {
  return across(view, release, 'AuthorizedKeysFile', (values, setting) => {
    const paths = authorizedKeysPaths(values, view.user);
    if (paths === undefined) return { unknown: 'AuthorizedKeysFile uses %U' };
    if (paths.includes(source.path)) return 'ok';
    const reads = paths.length === 0 ? 'no file at all (`none`)' : paths.join(' and ');
    const tilde = setting?.values.some((value) => value.startsWith('~')) ? ' (sshd expands `~` once, when it reads its configuration, to root\'s home)' : '';
    const by = setting ? label(setting) : `AuthorizedKeysFile (not set: the default ${values.join(' ')})`;
    return {
      family: 'keys-not-read',
      ...(setting ? { at: placeOf(setting.directive) } : {}),
      reason: `${by} makes sshd read ${reads} for ${view.user}${tilde}, never ${source.path}`,
      error: `sshd never opens the file; the client sees ${DENIED}`,
      fix: setting ? `Use a path relative to the home (\`.ssh/authorized_keys\`) or with %u/%h, so that it names ${source.path}, or install the keys where it points.` : `Install the keys at ${homeOf(view.user)}/.ssh/authorized_keys, or set AuthorizedKeysFile to where they are.`,
      chain: [],
    };
  });
}

function strictModes(view: UserSettings, release: string, source: KeySource): Check {
  return across(view, release, 'StrictModes', (values, setting) => {
    if (values[0]?.toLowerCase() === 'no') return 'ok';
    const verdict = strictModesVerdict(source.path, view.user, source.setups);
    if (verdict.safe) return 'ok';
    if (!verdict.certain) return { unknown: `${verdict.path} is group-writable, which Debian's sshd accepts when the group has no other member` };
    const by = setting ? label(setting) : 'StrictModes (yes by default)';
    return {
      family: 'unsafe-modes',
      at: verdict.place,
      reason: `\`${verdict.setting.written}\` makes ${verdict.path} writable by others, and ${by} makes sshd refuse ${source.path} for it`,
      error: `sshd logs "Authentication refused: bad ownership or modes for ${verdict.path === source.path ? 'file' : 'directory'} ${verdict.path}"; the client sees ${DENIED}`,
      fix: `Use mode ${verdict.path === source.path ? '600' : '700'} (or 755 for a home); never make a path sshd checks writable by others.`,
      chain: setting ? [relatedTo(setting.directive, 'StrictModes')] : [],
    };
  });
}

// ------------------------------------------------------------------ the key

/** The signature algorithm names that let the key through PubkeyAcceptedAlgorithms. */
function algorithmCheck(entry: KeyEntry, list: readonly string[]): 'ok' | 'refused' | 'unknown' {
  const key = entry.key.key;
  if (key.family === 'rsa') {
    if (list.includes('rsa-sha2-512') || list.includes('rsa-sha2-256')) return 'ok';
    // Only SHA-1 signatures: clients from 8.8 do not make them unless told to.
    return list.includes('ssh-rsa') ? 'unknown' : 'refused';
  }
  return list.includes(key.type) ? 'ok' : 'refused';
}

export function describeKey(entry: KeyEntry): string {
  const key = entry.key.key;
  const bits = key.family === 'rsa' || key.family === 'dss' ? ` ${key.bits}-bit` : '';
  return `${entry.key.typeName}${bits}`;
}

function acceptedAlgorithms(view: UserSettings, release: string, entry: KeyEntry): Check {
  if (!isAlgorithmRelease(release)) return { unknown: `no algorithm tables for ${release}` };
  return across(view, release, 'PubkeyAcceptedAlgorithms', (values, setting) => {
    const list = setting ? resolveAlgorithmList('PubkeyAcceptedAlgorithms', values[0] ?? '', release, 'server') : undefined;
    const effective = list ? (list.ok ? list.effective : undefined) : defaultAlgorithms('key', release, 'server');
    if (!effective) return { unknown: 'PubkeyAcceptedAlgorithms does not resolve' };
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

function cause(family: CauseFamily, setting: Setting, reason: string, error: string, fix: string, more: readonly Setting[] = []): Cause {
  return { family, at: placeOf(setting.directive), reason, error, fix, chain: more.map((s) => relatedTo(s.directive, written(s.directive))) };
}

// ------------------------------------------------------------------ all of it

function judge(source: KeySource, entry: KeyEntry, version: OpenSSHVersion): Outcome {
  const release = formatVersion(version);
  const start = startFailure(source.server);
  if (start) {
    return {
      outcome: 'refused',
      cause: {
        family: 'sshd-will-not-start',
        at: placeOf(start.directive),
        reason: `sshd refuses to start: ${where(start.directive)}: ${start.message}`,
        error: 'nothing listens on the SSH port; the client sees "Connection refused" (or the old sshd keeps running until the next restart)',
        fix: 'Fix the line, and run `sshd -t` before every restart.',
        chain: [],
      },
    };
  }
  const view = settingsFor(source.server, { version }, source.user);
  const checks: Check[] = [
    allowedUser(view),
    pubkeyAuthentication(view, release),
    authenticationMethods(view, release),
    rootLogin(view, release, entry),
    keysRead(view, release, source),
    strictModes(view, release, source),
    acceptedAlgorithms(view, release, entry),
    rsaSize(view, release, entry, version),
    keyOptions(entry),
  ];
  const refusal = checks.find(isCause);
  if (refusal) return { outcome: 'refused', cause: refusal };
  const unknown = checks.find((check): check is { unknown: string } => typeof check === 'object' && 'unknown' in check);
  return unknown ? { outcome: 'unknown', why: unknown.unknown } : { outcome: 'accepted' };
}

const cache = new WeakMap<RepositoryModel, Map<string, KeyLogin[]>>();

/** Every key the repository installs for a user, with sshd's verdict on a login with it. */
export function analyseLogins(model: RepositoryModel, context: Pick<RuleContext, 'version'>): KeyLogin[] {
  const release = formatVersion(context.version);
  const byRelease = cache.get(model) ?? new Map<string, KeyLogin[]>();
  cache.set(model, byRelease);
  const cached = byRelease.get(release);
  if (cached) return cached;
  const logins: KeyLogin[] = [];
  for (const source of installedKeySources(model, context.version)) {
    for (const { line, entry } of parsedEntries(source.model)) {
      // Certificates and CA keys authenticate certificates, not a key login.
      if (entry.key.key.certificate || entry.options.some((option) => option.name === 'cert-authority')) continue;
      logins.push({ user: source.user, source, line, entry, keyAt: source.place(line.number, entry.key.typeRange), verdict: judge(source, entry, context.version) });
    }
  }
  byRelease.set(release, logins);
  return logins;
}


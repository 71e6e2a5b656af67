/**
 * Which line of a configuration takes effect, so rules judge the winning line and never a dead one.
 *
 * OpenSSH keeps the first value it obtains for almost every keyword (`accumulation` in the
 * keyword tables says which ones append instead). What "first" means depends on the program:
 *
 * - sshd, at startup, reads the top level (and `Match all`, which is active without a
 *   connection). For each connection it reads the file again with the top level *inactive*:
 *   values from matching Match blocks (first matching block wins) then replace the top-level
 *   ones (servconf.c `parse_server_match_config`, `copy_set_server_options`). So:
 *   - a top-level line is dead when an earlier top-level line set the keyword, or when a block
 *     that matches every connection (`Match all`, `Match User *`) sets it anywhere;
 *   - a line in a Match block is dead when an earlier line in a block with the same criteria,
 *     or in an earlier block that matches every connection, set it.
 * - ssh reads the file once per destination and keeps the first value obtained from the top
 *   level or any matching Host/Match block. The top level, `Host *` (no negation) and
 *   `Match all` apply to every host and form one scope: a line there makes every later line of
 *   the keyword dead, whatever block it is in (the reason `Host *` belongs at the end). A line
 *   in a Host block is also dead after a block with the same patterns set it. `Match canonical`
 *   and `Match final` blocks are read in a later pass; they are never judged dead or winning
 *   over others here.
 *
 * Includes are already expanded in place by the config tree (a drop-in included at the top wins
 * over the main file), and aliases resolve to the canonical keyword (`ChallengeResponseAuthentication`
 * sets KbdInteractiveAuthentication from 8.7). Lines the validator rejects (a verdict with a
 * `problem`) and keywords that store nothing (deprecated, ignored, unsupported) are left out:
 * other rules report them.
 */
import { groupBy } from '../../core/collections.js';
import { formatVersion, type OpenSSHVersion } from '../../core/version.js';
import { matchHostList, matchPattern, matchPatternList } from '../../openssh/match.js';
import { matchAddressList } from '../address-patterns.js';
import { isRelease, type Release } from '../../openssh/releases.js';
import { sshKeyword } from '../../openssh/ssh-keywords.js';
import { sshdKeyword } from '../../openssh/sshd-keywords.js';
import type { Accumulation, ResolvedKeywordFacts } from '../../openssh/value-grammar.js';
import type { ConfigKind, Directive } from './config-model.js';
import type { ConfigAnalysis, TreeEntry } from './config-tree.js';
import type { DirectiveVerdict } from './directive-verdict.js';
import { sshReleaseString } from './openssh-values.js';
import type { MatchCriteria } from './validate-match.js';

/** Where a line applies: the top level, or one Match/Host block (identified by its criteria). */
export interface Scope {
  /** `top`, or the block keyword with its normalised criteria (`match user=bob`, `host web*`). */
  key: string;
  /** The Match/Host line; undefined at top level. */
  block?: Directive;
  /** The block's criteria as the validator read them for the target release (a Host line: one `host` criterion); none at top level. */
  match: MatchCriteria;
  /** OpenSSH rejects the Match/Host line itself: what it would match is unknown, and it shares its scope with no other block. */
  rejected?: true;
  /** Applies to every connection (sshd) or every destination (ssh): top level, `Match all`, `Host *`, criteria that are all `*`. */
  coversAll: boolean;
  /** Applies to nearly everyone: `coversAll`, or wildcard patterns with exceptions (`Host * !bastion`, `Match User *,!admin`, `Match final all`). */
  broad: boolean;
  /** ssh `Match canonical` / `Match final`: read in a later pass. */
  laterPass: boolean;
}

export interface Setting {
  entry: TreeEntry;
  directive: Directive;
  verdict: DirectiveVerdict;
  /** Canonical keyword, aliases resolved (KbdInteractiveAuthentication for ChallengeResponseAuthentication from 8.7). */
  keyword: string;
  accumulation: Accumulation;
  scope: Scope;
  /** The arguments, unquoted. */
  values: string[];
  /** Position in reading order (`tree.entries`). */
  index: number;
}

export type DeadReason =
  /** An earlier line in the same scope set it. */
  | 'same-scope'
  /** An earlier line in a scope that covers every connection / destination set it. */
  | 'earlier-covering'
  /** sshd: a top-level line that a block matching every connection overrides. */
  | 'overridden-by-match';

export interface DeadSetting {
  setting: Setting;
  /** The line whose value is used instead. */
  winner: Setting;
  reason: DeadReason;
}

/**
 * One configuration as OpenSSH reads it for the target release: every line that stores a
 * value, which of them are dead, and queries by canonical keyword (any case).
 */
export interface EffectiveConfig {
  kind: ConfigKind;
  release: Release;
  /** Every line that stores a value, in the order OpenSSH reads them. */
  settings: readonly Setting[];
  /** Lines of single-valued keywords that never take effect, with the line used instead. */
  dead: readonly DeadSetting[];
  /** The lines that take effect (appending keywords: every line). */
  live: readonly Setting[];
  /** Every line of `keyword`, dead or not. */
  all(keyword: string): Setting[];
  /** The lines of `keyword` that take effect: for single-valued keywords at most one per scope. */
  winners(keyword: string): Setting[];
  /**
   * The line that sets `keyword` for everyone: sshd — the first line in a block that matches
   * every connection (it replaces the top level), else the top-level winner; ssh — the winner
   * of the top level / `Host *` / `Match all` scope. Undefined: the built-in default applies.
   */
  global(keyword: string): Setting | undefined;
  /** The line that sets `keyword` where `scope` matches: the block's own winner, else `global`. */
  in(keyword: string, scope: Scope): Setting | undefined;
  /** The lines that supply each keyword's value for one sshd connection or ssh destination (`settingsFor`). */
  for(peer: SshdConnection | SshDestination): ReadonlyMap<string, Setting[]>;
}

const cache = new WeakMap<ConfigAnalysis, Map<string, EffectiveConfig>>();

/** Lower-cased canonical name, the key every query takes. */
function norm(keyword: string): string {
  return keyword.toLowerCase();
}

/** The canonical keyword a verdict sets, aliases resolved; undefined for unknown keywords. */
export function canonicalKeyword(verdict: DirectiveVerdict): string | undefined {
  return verdict.canonical ?? verdict.keyword?.aliasOf ?? verdict.keyword?.name;
}

/** The keyword's facts at the release: the verdict's, else the tables' (for the written spelling, which carries its own accumulation). */
function factsOf(analysis: ConfigAnalysis, verdict: DirectiveVerdict, release: Release): ResolvedKeywordFacts | undefined {
  if (verdict.keyword && verdict.keyword.release === release) return verdict.keyword;
  const written = verdict.directive.keyword;
  return analysis.kind === 'sshd_config' ? sshdKeyword(written, release) : sshKeyword(written, release);
}

/** Works out, once per analysis and release, which lines take effect. */
export function effectiveConfig(analysis: ConfigAnalysis, context: { version: OpenSSHVersion }): EffectiveConfig {
  const release = formatVersion(context.version);
  let byRelease = cache.get(analysis);
  if (!byRelease) {
    byRelease = new Map();
    cache.set(analysis, byRelease);
  }
  const cached = byRelease.get(release);
  if (cached) return cached;
  if (!isRelease(release)) throw new Error(`no keyword tables for OpenSSH ${release}`);
  const settings: Setting[] = [];
  const scopes = new Map<Directive | undefined, Scope>();
  const scopeFor = (block: Directive | undefined): Scope => {
    let scope = scopes.get(block);
    if (!scope) {
      scope = scopeOf(block, analysis);
      scopes.set(block, scope);
    }
    return scope;
  };
  for (const [index, entry] of analysis.tree.entries.entries()) {
    const verdict = analysis.verdicts.get(entry.directive);
    if (!verdict || verdict.problem) continue;
    const facts = factsOf(analysis, verdict, release);
    if (!facts || (verdict.status ?? facts.status) !== 'active') continue;
    const accumulation = facts.accumulation;
    if (accumulation === 'none' || accumulation === 'structural') continue;
    const keyword = canonicalKeyword(verdict) ?? facts.aliasOf ?? facts.name;
    settings.push({
      entry,
      directive: entry.directive,
      verdict,
      keyword,
      accumulation,
      scope: scopeFor(entry.block),
      values: entry.directive.args.map((arg) => arg.value),
      index,
    });
  }
  // A file included twice is read twice: its second reading repeats itself, it is not a dead line.
  const dead = (analysis.kind === 'sshd_config' ? deadInSshd(settings) : deadInSsh(settings)).filter((d) => d.setting.directive !== d.winner.directive);
  const deadSet = new Set(dead.map((d) => d.setting));
  const live = settings.filter((s) => !deadSet.has(s));
  // Indexed by keyword: rules ask per block, and a file of 10,000 Host blocks made a scan per question quadratic.
  const allByKeyword = groupBy(settings, (s) => norm(s.keyword));
  const liveByKeyword = groupBy(live, (s) => norm(s.keyword));
  const of = (index: ReadonlyMap<string, Setting[]>, keyword: string): Setting[] => [...(index.get(norm(keyword)) ?? [])];
  const liveInScope = new Map<string, Map<string, Setting>>();
  const inScope = (keyword: string, scopeKey: string): Setting | undefined => {
    let byScope = liveInScope.get(norm(keyword));
    if (!byScope) {
      byScope = new Map();
      for (const setting of liveByKeyword.get(norm(keyword)) ?? []) if (!byScope.has(setting.scope.key)) byScope.set(setting.scope.key, setting);
      liveInScope.set(norm(keyword), byScope);
    }
    return byScope.get(scopeKey);
  };
  const global = (keyword: string): Setting | undefined => {
    const winners = of(liveByKeyword, keyword);
    if (analysis.kind === 'sshd_config') {
      return winners.find((s) => s.scope.block !== undefined && s.scope.coversAll) ?? winners.find((s) => s.scope.block === undefined);
    }
    return winners.find((s) => s.scope.coversAll);
  };
  const config: EffectiveConfig = {
    kind: analysis.kind,
    release,
    settings,
    dead,
    live,
    all: (keyword) => of(allByKeyword, keyword),
    winners: (keyword) => of(liveByKeyword, keyword),
    global,
    in: (keyword, scope) => (scope.block === undefined ? undefined : inScope(keyword, scope.key)) ?? global(keyword),
    for: (peer) => {
      // A rejected Match/Host line matches nothing.
      const criteria: CriteriaOf = (block) => {
        const scope = scopeFor(block);
        return scope.rejected ? undefined : scope.match;
      };
      return 'localUser' in peer ? settingsForDestination(settings, criteria, peer) : settingsForConnection(settings, criteria, peer, release);
    },
  };
  byRelease.set(release, config);
  return config;
}

/** The slot a single-valued line fills, or undefined for keywords whose lines add up. */
function slotOf(setting: Setting): string | undefined {
  switch (setting.accumulation) {
    case 'first-wins':
    case 'first-line-wins':
      return norm(setting.keyword);
    case 'per-name':
      return `${norm(setting.keyword)}\0${setting.values[0] ?? ''}`;
    default:
      return undefined;
  }
}

function deadInSshd(settings: readonly Setting[]): DeadSetting[] {
  const dead: DeadSetting[] = [];
  const firstInScope = new Map<string, Setting>();
  const firstCovering = new Map<string, Setting>();
  const topWinners: Setting[] = [];
  for (const setting of settings) {
    const slot = slotOf(setting);
    if (slot === undefined) continue;
    const { scope } = setting;
    const inBlock = scope.block !== undefined;
    const covering = inBlock && setting.accumulation !== 'per-name' ? firstCovering.get(slot) : undefined;
    const same = firstInScope.get(`${scope.key}\0${slot}`);
    if (covering) {
      dead.push({ setting, winner: covering, reason: covering.scope.key === scope.key ? 'same-scope' : 'earlier-covering' });
      continue;
    }
    if (same) {
      dead.push({ setting, winner: same, reason: 'same-scope' });
      continue;
    }
    firstInScope.set(`${scope.key}\0${slot}`, setting);
    if (!inBlock) topWinners.push(setting);
    else if (scope.coversAll) firstCovering.set(slot, setting);
  }
  // Per connection, a block that matches everyone replaces the top-level value.
  for (const top of topWinners) {
    const covering = top.accumulation === 'per-name' ? undefined : firstCovering.get(slotOf(top)!);
    if (covering) dead.push({ setting: top, winner: covering, reason: 'overridden-by-match' });
  }
  return dead;
}

function deadInSsh(settings: readonly Setting[]): DeadSetting[] {
  const dead: DeadSetting[] = [];
  const firstInScope = new Map<string, Setting>();
  const firstCovering = new Map<string, Setting>();
  for (const setting of settings) {
    const slot = slotOf(setting);
    if (slot === undefined || setting.scope.laterPass) continue;
    // SyslogFacility is taken from the first line even in a block that does not match.
    const scope = norm(setting.keyword) === 'syslogfacility' ? { ...setting.scope, key: 'top', coversAll: true } : setting.scope;
    const covering = firstCovering.get(slot);
    if (covering) {
      dead.push({ setting, winner: covering, reason: covering.scope.key === scope.key ? 'same-scope' : 'earlier-covering' });
      continue;
    }
    const same = firstInScope.get(`${scope.key}\0${slot}`);
    if (same) {
      dead.push({ setting, winner: same, reason: 'same-scope' });
      continue;
    }
    firstInScope.set(`${scope.key}\0${slot}`, setting);
    if (scope.coversAll) firstCovering.set(slot, setting);
  }
  return dead;
}

// ------------------------------------------------------------------ one connection

/**
 * What sshd knows of a connection when it reads the Match blocks (`sshd -T -C user=…,host=…`).
 * A criterion whose input is missing does not match, as with `-C`.
 */
export interface SshdConnection {
  user?: string;
  /** The user's groups, for `Match Group` (sshd asks the system's group database). */
  groups?: readonly string[];
  host?: string;
  addr?: string;
  laddr?: string;
  lport?: number;
  rdomain?: string;
}

/** What ssh knows of a destination when it reads Host and Match blocks (`ssh -G [-l user] host`). */
export interface SshDestination {
  /** As given on the command line. */
  host: string;
  /** `-l user`: set before the files are read, so it wins over every `User` line. */
  user?: string;
  /** The local user: `Match LocalUser`, and the remote user while no `User` is obtained. */
  localUser: string;
}

/** A block's criteria as the validator read them; undefined when OpenSSH rejects the line. */
type CriteriaOf = (block: Directive) => MatchCriteria | undefined;

/**
 * The blocks a line depends on, outermost first: the block around each Include that led to
 * its file, then its own. A file included from a block that does not apply is read with
 * every Host/Match "never matching" (servconf.c / readconf.c `*_NEVERMATCH`), so a line
 * applies only when every block on the way applies.
 */
function blockChain(entry: TreeEntry): Directive[] {
  const chain: Directive[] = [];
  let outer: Directive | undefined;
  for (const include of entry.via) {
    outer = include.block ?? outer;
    if (outer) chain.push(outer);
  }
  if (entry.block && entry.block !== outer) chain.push(entry.block);
  return chain;
}

/** ssh keeps one copy of an identity or certificate path written twice (readconf.c `add_identity_file`, `add_certificate_file`). */
const SSH_DISTINCT_PATHS = new Set(['identityfile', 'certificatefile']);

/**
 * Adds a line that applies to the lines already obtained, by lower-cased canonical keyword:
 * single-valued keywords keep the first line (last-wins ones the last), Subsystem one line
 * per name, appending keywords every line.
 */
function obtain(obtained: Map<string, Setting[]>, setting: Setting, kind: ConfigKind): void {
  const key = norm(setting.keyword);
  const have = obtained.get(key) ?? [];
  const sameFirstValue = have.some((h) => h.values[0] === setting.values[0]);
  switch (setting.accumulation) {
    case 'appends':
      if (!(kind === 'ssh_config' && SSH_DISTINCT_PATHS.has(key) && sameFirstValue)) obtained.set(key, [...have, setting]);
      return;
    case 'last-wins':
      obtained.set(key, [setting]);
      return;
    case 'per-name':
    case 'unique-name':
      if (!sameFirstValue) obtained.set(key, [...have, setting]);
      return;
    default:
      if (have.length === 0) obtained.set(key, [setting]);
  }
}

/**
 * sshd: the values read at startup (top level and `Match all`), replaced keyword by keyword by
 * those the matching Match blocks set when the file is read again for the connection
 * (servconf.c `parse_server_match_config`, `copy_set_server_options`: a list set in a block
 * replaces the startup list, it does not add to it). The top level is not read again.
 */
function settingsForConnection(settings: readonly Setting[], criteria: CriteriaOf, connection: SshdConnection, release: Release): Map<string, Setting[]> {
  const startup = new Map<string, Setting[]>();
  const matched = new Map<string, Setting[]>();
  const matches = new Map<Directive, { all: boolean; now: boolean }>();
  const judge = (block: Directive): { all: boolean; now: boolean } => {
    let result = matches.get(block);
    if (!result) {
      const match = criteria(block);
      result = { all: match?.all === true, now: match !== undefined && sshdBlockMatches(match, connection, release) };
      matches.set(block, result);
    }
    return result;
  };
  for (const setting of settings) {
    const chain = blockChain(setting.entry);
    if (chain.every((block) => judge(block).all)) obtain(startup, setting, 'sshd_config');
    if (chain.length > 0 && chain.every((block) => judge(block).now)) obtain(matched, setting, 'sshd_config');
  }
  return new Map([...startup, ...matched]);
}

/** servconf.c `match_cfg_line` with connection info. */
function sshdBlockMatches(match: MatchCriteria, c: SshdConnection, release: Release): boolean {
  if (match.all) return true;
  return match.criteria.every(({ name, value = '' }) => {
    switch (name) {
      case 'user':
        return c.user !== undefined && matchPatternList(c.user, value) === 1;
      case 'group':
        return c.user !== undefined && groupsMatch(c.groups ?? [], value);
      case 'host':
        return c.host !== undefined && matchHostList(c.host, value) === 1;
      case 'address':
        return c.addr !== undefined && matchAddressList(c.addr, value, release) === 1;
      case 'localaddress':
        return c.laddr !== undefined && matchAddressList(c.laddr, value, release) === 1;
      case 'localport':
        return c.lport !== undefined && Number(value) === c.lport;
      case 'rdomain':
        return c.rdomain !== undefined && matchPatternList(c.rdomain, value) === 1;
      case 'version':
        return matchPatternList(sshReleaseString(release), value) === 1;
      default:
        return false;
    }
  });
}

/** groupaccess.c `ga_match_pattern_list`: some group matches, and none is excluded by a negation. */
function groupsMatch(groups: readonly string[], list: string): boolean {
  const results = groups.map((group) => matchPatternList(group, list));
  return !results.includes(-1) && results.includes(1);
}

/**
 * ssh: one reading in file order; a Host/Match block is judged when it is reached, with the
 * values obtained so far (`Match host` sees the `Hostname` already set, `Match user` the
 * `User`). `Match canonical`/`final` blocks belong to a later pass and are left out.
 */
function settingsForDestination(settings: readonly Setting[], criteria: CriteriaOf, destination: SshDestination): Map<string, Setting[]> {
  const obtained = new Map<string, Setting[]>();
  const applies = new Map<Directive, boolean>();
  const judge = (block: Directive): boolean => {
    let result = applies.get(block);
    if (result === undefined) {
      const match = criteria(block);
      result = match !== undefined && sshBlockApplies(block, match, destination, obtained);
      applies.set(block, result);
    }
    return result;
  };
  for (const setting of settings) {
    if (setting.scope.laterPass) continue;
    // SyslogFacility is taken from the first line even in a block that does not match.
    if (blockChain(setting.entry).every(judge) || norm(setting.keyword) === 'syslogfacility') obtain(obtained, setting, 'ssh_config');
  }
  if (destination.user !== undefined) obtained.delete('user');
  return obtained;
}

/** The host ssh connects to: `HostName` with `%h` (and `%%`) expanded (ssh.c percent_expand "h"), else the host given. */
export function hostNameFor(hostName: string | undefined, host: string): string {
  return hostName === undefined ? host : hostName.replace(/%([%h])/g, (_, key: string) => (key === 'h' ? host : '%'));
}

/** readconf.c: a `Host` line (some pattern matches, no negated one) or `match_cfg_line`. */
function sshBlockApplies(block: Directive, match: MatchCriteria, d: SshDestination, obtained: ReadonlyMap<string, Setting[]>): boolean {
  if (block.keyword.toLowerCase() === 'host') {
    const results = (match.criteria[0]?.patterns ?? []).map((p) => (p.startsWith('!') ? (matchPattern(d.host, p.slice(1)) ? -1 : 0) : matchPattern(d.host, p) ? 1 : 0));
    return !results.includes(-1) && results.includes(1);
  }
  const host = hostNameFor(obtained.get('hostname')?.[0]?.values[0], d.host);
  const user = d.user ?? obtained.get('user')?.[0]?.values[0] ?? d.localUser;
  // `all` after one criterion adds nothing (`Match host x all` is `Match host x`); `!all` matches nothing (readconf.c match_cfg_line).
  if (match.negatedAll) return false;
  return match.criteria.every(({ name, value = '', negated }) => {
    let result: boolean;
    switch (name) {
      case 'host':
        result = matchHostList(host, value) === 1;
        break;
      case 'originalhost':
        result = matchHostList(d.host, value) === 1;
        break;
      case 'user':
        result = matchPatternList(user, value) === 1;
        break;
      case 'localuser':
        result = matchPatternList(d.localUser, value) === 1;
        break;
      default:
        // exec (a command; taken as one that failed), localnetwork (the interfaces), tagged (-P): not known statically.
        result = false;
    }
    return result !== (negated === true);
  });
}

// ------------------------------------------------------------------ values

/** The first argument, lower-cased ('' when there is none). */
export function firstValue(setting: Setting | undefined): string {
  return (setting?.values[0] ?? '').toLowerCase();
}

/** yes / true (ssh also takes true). */
export function isOn(setting: Setting | undefined): boolean {
  const value = firstValue(setting);
  return value === 'yes' || value === 'true';
}

/** no / false. */
export function isOff(setting: Setting | undefined): boolean {
  const value = firstValue(setting);
  return value === 'no' || value === 'false';
}

// ------------------------------------------------------------------ scopes

/** Patterns that take in everyone: `*` and nothing else (a negation makes exceptions). */
function patternsCoverAll(patterns: readonly string[]): boolean {
  return patterns.includes('*') && patterns.every((p) => p === '*');
}

/**
 * Wildcard patterns with at most some exceptions: `*,!admin`. A list of negations alone
 * (`!root`) matches nobody: `match_pattern_list` needs a positive match.
 */
function patternsBroad(patterns: readonly string[]): boolean {
  return patterns.some((p) => !p.startsWith('!') && /^[*?.]+$/.test(p));
}

const NETWORK_ANY = new Set(['*', '0.0.0.0/0', '::/0']);

/** The scope of the lines under `block` (a Match or Host line), from the criteria the validator read on it. */
export function scopeOf(block: Directive | undefined, analysis: ConfigAnalysis): Scope {
  if (!block) return { key: 'top', match: { criteria: [] }, coversAll: true, broad: true, laterPass: false };
  const verdict = analysis.verdicts.get(block);
  const match = verdict?.match ?? { criteria: [] };
  if (!verdict?.match || verdict.problem) {
    return { key: `rejected ${block.file}:${block.line.number}`, block, match, rejected: true, coversAll: false, broad: false, laterPass: false };
  }
  const { criteria } = match;
  if (block.keyword.toLowerCase() === 'host') {
    const patterns = (criteria[0]?.patterns ?? []).filter((p) => p !== '');
    const coversAll = patterns.includes('*') && !patterns.some((p) => p.startsWith('!'));
    return { key: `host ${patterns.map((p) => p.toLowerCase()).sort().join(' ')}`, block, match, coversAll, broad: patternsBroad(patterns), laterPass: false };
  }
  const written = criteria.map((c) => `${c.negated ? '!' : ''}${c.name}=${c.patterns.join(',')}`);
  if (match.all || match.negatedAll) written.push(match.all ? 'all=' : '!all=');
  const laterPass = analysis.kind === 'ssh_config' && criteria.some((c) => c.name === 'canonical' || c.name === 'final');
  const real = criteria.filter((c) => c.name !== 'canonical' && c.name !== 'final');
  // ssh reads `Match host x all` as `Match host x`.
  const all = match.all === true && real.length === 0;
  const coversAll =
    all || (real.length > 0 && real.every((c) => !c.negated && (patternsCoverAll(c.patterns) || (isNetwork(c.name) && c.patterns.every((p) => NETWORK_ANY.has(p))))));
  const broad = coversAll || (real.length > 0 && real.every((c) => !c.negated && c.name !== 'exec' && (patternsBroad(c.patterns) || (isNetwork(c.name) && c.patterns.some((p) => NETWORK_ANY.has(p))))));
  return { key: `match ${written.sort().join(' ')}`, block, match, coversAll: coversAll && !laterPass, broad, laterPass };
}

function isNetwork(criterion: string): boolean {
  return criterion === 'address' || criterion === 'localaddress';
}

export type Applies = 'yes' | 'no' | 'maybe';

/**
 * sshd: whether the lines of a scope apply to `user`'s connections (servconf.c `match_cfg_line`,
 * all criteria ANDed). `no` when a User criterion excludes the name (or `invalid-user`); the
 * other criteria depend on the connection (Address, Host, LocalPort, …) or on what a
 * configuration does not show (Group): they may apply.
 */
export function scopeAppliesToUser(scope: Scope, user: string): Applies {
  if (scope.rejected) return 'maybe';
  if (!scope.block || scope.block.keyword.toLowerCase() !== 'match') return 'yes';
  let result: Applies = 'yes';
  for (const criterion of scope.match.criteria) {
    if (criterion.name === 'invalid-user') return 'no';
    if (criterion.name !== 'user') result = 'maybe';
    else if (matchPatternList(user, criterion.patterns.join(',')) !== 1) return 'no';
  }
  return result;
}

/** sshd: the block is limited by where connections come from (Address, Host, LocalAddress, LocalPort, RDomain) to a part of the network. */
export function blockLimitsNetwork(scope: Scope): boolean {
  if (!scope.block || scope.block.keyword.toLowerCase() !== 'match') return false;
  return scope.match.criteria.some(
    (c) => ['address', 'host', 'localaddress', 'localport', 'rdomain'].includes(c.name) && !c.patterns.every((p) => NETWORK_ANY.has(p)) && !patternsBroad(c.patterns),
  );
}

/** The range of argument `index` (the whole line after the keyword when it is missing). */
export function argRange(setting: Setting, index = 0): { start: number; end: number } {
  return setting.directive.args[index]?.range ?? setting.directive.restRange;
}


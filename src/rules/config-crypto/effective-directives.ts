/**
 * Shared by the config-crypto rules: which directives of a first-wins keyword take effect,
 * and, for the algorithm-list keywords, the list OpenSSH ends up with and which written
 * element put each name there.
 *
 * "Takes effect" follows OpenSSH's first-obtained-value rule:
 * - sshd: per scope (the top level, or one Match block); a later line of the same keyword in
 *   the same scope is dead. Match blocks are judged on their own.
 * - ssh: the top level, `Host *` (an un-negated `*`) and `Match all` all apply to every host,
 *   so they form one scope; a later line there is dead, and so is a line in any block after
 *   it (the value was already obtained). Blocks for some hosts are judged on their own.
 * Malformed lines (a verdict with a `problem`) take their slot and are never judged.
 */
import { matchPatternList } from '../../openssh/match.js';
import type { Range } from '../../parse/read-key.js';
import type { Directive } from '../../parse/config/config-model.js';
import type { TreeEntry } from '../../parse/config/config-tree.js';
import type { DirectiveVerdict } from '../../parse/config/directive-verdict.js';
import { compareReleases, formatVersion } from '../../core/version.js';
import {
  algorithmKeyword,
  resolveAlgorithmList,
  KEYWORD_CLASS,
  type AlgorithmKeyword,
} from '../../openssh/algorithm-list.js';
import {
  assessAlgorithm,
  defaultAlgorithms,
  isAlgorithmRelease,
  type AlgorithmClass,
  type AssessmentReason,
  type Side,
} from '../../openssh/algorithms.js';
import type { ConfigAnalysis, RuleContext } from '../rule.js';

export const CRYPTO_CONFIG_KINDS = ['sshd_config', 'ssh_config'] as const;

export interface EffectiveDirective<K extends string> {
  entry: TreeEntry;
  directive: Directive;
  verdict: DirectiveVerdict;
  key: K;
  /**
   * The block limits the line to some peers (a `Host`/`Match` for named hosts, users or
   * addresses): a per-peer exception rather than a setting for everyone.
   */
  perPeer: boolean;
}

/** Splits a Match line into criteria: `[name, pattern?]`, `criterion=pattern` (10.0+) too. */
function matchCriteria(block: Directive): { name: string; pattern?: string }[] {
  const out: { name: string; pattern?: string }[] = [];
  const args = block.args.map((a) => a.value);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.toLowerCase();
    const eq = arg.indexOf('=');
    if (eq > 0) {
      out.push({ name: arg.slice(0, eq).toLowerCase(), pattern: arg.slice(eq + 1) });
    } else if (['all', 'canonical', 'final', 'invalid-user'].includes(name)) {
      out.push({ name });
    } else {
      const pattern = args[i + 1];
      out.push(pattern === undefined ? { name } : { name, pattern });
      i++;
    }
  }
  return out;
}

/** Whether a block (Host / Match line) applies to every peer (used for ssh's shared global scope). */
export function coversEveryone(block: Directive): boolean {
  const keyword = block.keyword.toLowerCase();
  if (keyword === 'host') {
    const patterns = block.args.map((a) => a.value);
    return patterns.includes('*') && !patterns.some((p) => p.startsWith('!'));
  }
  const criteria = matchCriteria(block);
  if (criteria.some((c) => c.name === 'all')) return true;
  const real = criteria.filter((c) => c.name !== 'canonical' && c.name !== 'final');
  return real.length > 0 && real.every((c) => c.pattern === '*');
}

/** Whether a block is broad (applies to nearly everyone): `Host * !x`, `Match all`, `Match user *`. */
function isBroad(block: Directive): boolean {
  if (block.keyword.toLowerCase() === 'host') return block.args.some((a) => a.value === '*');
  return coversEveryone(block);
}

/**
 * The directives of the keywords `keyOf` recognises that take effect, in file order.
 * `keyOf` gets the canonical keyword (lowercase) and returns the setting it belongs to,
 * so aliases (PubkeyAcceptedKeyTypes / PubkeyAcceptedAlgorithms) share one slot.
 */
export function effectiveDirectives<K extends string>(
  analysis: ConfigAnalysis,
  keyOf: (canonicalLower: string) => K | undefined,
): EffectiveDirective<K>[] {
  const ssh = analysis.kind === 'ssh_config';
  const taken = new Set<string>();
  const globalTaken = new Set<K>();
  const blockIds = new Map<Directive, number>();
  const out: EffectiveDirective<K>[] = [];
  for (const entry of analysis.tree.entries) {
    const directive = entry.directive;
    const verdict = analysis.verdicts.get(directive);
    if (!verdict) continue;
    const key = keyOf((verdict.canonical ?? directive.keyword).toLowerCase());
    if (key === undefined) continue;
    // Deprecated, ignored or unsupported lines store nothing.
    if (!verdict.problem && verdict.status !== 'active') continue;
    const block = entry.block;
    const global = block === undefined || (ssh && coversEveryone(block));
    let dead: boolean;
    if (ssh) {
      if (globalTaken.has(key)) dead = true;
      else if (global) {
        dead = false;
        globalTaken.add(key);
      } else {
        if (!blockIds.has(block!)) blockIds.set(block!, blockIds.size);
        const slot = `${blockIds.get(block!)}\0${key}`;
        dead = taken.has(slot);
        taken.add(slot);
      }
    } else {
      if (block && !blockIds.has(block)) blockIds.set(block, blockIds.size);
      const slot = `${block ? blockIds.get(block) : 'top'}\0${key}`;
      dead = taken.has(slot);
      taken.add(slot);
    }
    if (dead || verdict.problem) continue;
    out.push({ entry, directive, verdict, key, perPeer: block !== undefined && !isBroad(block) });
  }
  return out;
}

// ----------------------------------------------------------------- algorithm lists

export type ListMode = 'replace' | 'append' | 'prepend' | 'remove';

export interface ListElement {
  /** As written, after the prefix. */
  text: string;
  /** Where it is in the line (the whole argument when quoting or escapes make that unclear). */
  range: Range;
  /** The effective names this element put in the list (first element wins). */
  selects: string[];
}

export interface AlgorithmDirective extends EffectiveDirective<AlgorithmKeyword> {
  cls: AlgorithmClass;
  side: Side;
  release: string;
  mode: ListMode;
  /** The argument's range (quotes included). */
  valueRange: Range;
  elements: ListElement[];
  effective: string[];
  /** The release's default list for this keyword and side. */
  defaults: readonly string[];
  /** Effective names no written element selected: the defaults a `+`/`^`/`-` edit kept. */
  inherited: string[];
}

/** The spellings the keyword tables may give as canonical, mapped to the list they set. */
function algorithmKeyOf(side: Side): (canonical: string) => AlgorithmKeyword | undefined {
  return (canonical) => (canonical === 'hostbasedalgorithms' ? 'HostbasedAcceptedAlgorithms' : algorithmKeyword(canonical, side));
}

/** The target release as the algorithm tables spell it, or undefined when they do not cover it. */
export function algorithmRelease(context: RuleContext): string | undefined {
  const release = formatVersion(context.version);
  return isAlgorithmRelease(release) ? release : undefined;
}

export function releaseAtLeast(release: string, since: string): boolean {
  return compareReleases(release, since) >= 0;
}

function listMode(value: string, release: string): ListMode {
  if (value.startsWith('+')) return 'append';
  if (value.startsWith('-') && releaseAtLeast(release, '7.5')) return 'remove';
  if (value.startsWith('^') && releaseAtLeast(release, '8.1')) return 'prepend';
  return 'replace';
}

/** Every algorithm-list directive that takes effect, with its effective list. */
export function algorithmDirectives(analysis: ConfigAnalysis, context: RuleContext): AlgorithmDirective[] {
  const release = algorithmRelease(context);
  if (release === undefined) return [];
  const side: Side = analysis.kind === 'sshd_config' ? 'server' : 'client';
  const out: AlgorithmDirective[] = [];
  for (const found of effectiveDirectives(analysis, algorithmKeyOf(side))) {
    const args = found.directive.args;
    const arg = args[0];
    if (!arg || args.length !== 1) continue;
    const cls = KEYWORD_CLASS[found.key];
    const defaults = defaultAlgorithms(cls, release, side);
    if (!defaults) continue;
    const result = resolveAlgorithmList(found.key, arg.value, release, side);
    if (!result.ok) continue;
    const mode = listMode(arg.value, release);
    const prefix = mode === 'replace' ? 0 : 1;
    const raw = found.directive.line.text.slice(arg.range.start, arg.range.end);
    const base =
      raw === arg.value ? arg.range.start : raw.length === arg.value.length + 2 && raw.slice(1, -1) === arg.value ? arg.range.start + 1 : undefined;
    const elements: ListElement[] = [];
    const claimed = new Set<string>();
    let at = prefix;
    for (const text of arg.value.slice(prefix).split(',')) {
      const range = base === undefined ? arg.range : { start: base + at, end: base + at + text.length };
      at += text.length + 1;
      if (text === '') continue;
      const selects =
        mode === 'remove'
          ? []
          : result.effective.filter((name) => !claimed.has(name) && (name === text || ((cls === 'key' || cls === 'sig') && matchPatternList(name, text) === 1)));
      for (const name of selects) claimed.add(name);
      elements.push({ text, range, selects });
    }
    out.push({
      ...found,
      cls,
      side,
      release,
      mode,
      valueRange: arg.range,
      elements,
      effective: result.effective,
      defaults,
      inherited: result.effective.filter((name) => !claimed.has(name)),
    });
  }
  return out;
}

// ----------------------------------------------------------------- wording

/** Undisputed reasons that make a name weak or broken. */
export function undisputedReasons(name: string): AssessmentReason[] {
  return assessAlgorithm(name).reasons.filter((r) => !r.disputed && r.severity !== 'note');
}

/** Weak or broken by the reasons every source agrees on (`assessAlgorithm().status`). */
export function isWeak(name: string): boolean {
  return assessAlgorithm(name).status !== 'ok';
}

export function reasonText(reasons: readonly AssessmentReason[]): string {
  return reasons.map((r) => r.summary).join('; ');
}

/** Names with their undisputed reasons, names sharing reasons grouped: "`a` and `b` (SHA-1 …), `c` (CBC mode)". */
export function describeWeak(names: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const reasons = reasonText(undisputedReasons(name));
    groups.set(reasons, [...(groups.get(reasons) ?? []), name]);
  }
  return [...groups].map(([reasons, group]) => `${listing(group.map(code))} (${reasons})`).join(', ');
}

export function code(text: string): string {
  return `\`${text}\``;
}

/** "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** sshd keywords a Match block may set (the other algorithm lists apply to every client). */
const SSHD_MATCH_ALLOWED: readonly AlgorithmKeyword[] = ['PubkeyAcceptedAlgorithms', 'HostbasedAcceptedAlgorithms', 'CASignatureAlgorithms'];

/** How to keep a weak algorithm for one old peer only, for this program and keyword (a sentence). */
export function exceptionAdvice(analysis: ConfigAnalysis, keyword: AlgorithmKeyword): string {
  if (analysis.kind === 'ssh_config') {
    return 'Upgrade the old server, or enable it only for that server in a `Host` block that names it, placed before `Host *`.';
  }
  return SSHD_MATCH_ALLOWED.includes(keyword)
    ? 'Upgrade the old client, or limit the exception to it with a `Match User` / `Match Address` block.'
    : `Upgrade the old client; sshd cannot limit ${keyword} to one client (it is not allowed in \`Match\`).`;
}

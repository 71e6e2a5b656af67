/**
 * Shared by the config-crypto rules: for the algorithm-list keywords that take effect
 * (`effectiveConfig`), the list OpenSSH ends up with and which written element put each
 * name there; and the wording the rules share.
 */
import { matchPatternList } from '../../openssh/match.js';
import type { Range } from '../../parse/read-key.js';
import { effectiveConfig, type Setting } from '../../parse/config/effective-config.js';
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

export interface AlgorithmDirective extends Setting {
  key: AlgorithmKeyword;
  /**
   * The block limits the line to some peers (a `Host`/`Match` for named hosts, users or
   * addresses): a per-peer exception rather than a setting for everyone.
   */
  perPeer: boolean;
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

/** The list a canonical keyword sets (the tables may give HostbasedAlgorithms as canonical). */
function algorithmKeyOf(canonical: string, side: Side): AlgorithmKeyword | undefined {
  const lower = canonical.toLowerCase();
  return lower === 'hostbasedalgorithms' ? 'HostbasedAcceptedAlgorithms' : algorithmKeyword(lower, side);
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
  for (const setting of effectiveConfig(analysis, context).live) {
    const key = algorithmKeyOf(setting.keyword, side);
    if (key === undefined) continue;
    const found = { ...setting, key, perPeer: !setting.scope.broad };
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

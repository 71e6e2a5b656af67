/**
 * Validates a whole configuration tree the way OpenSSH reads it: every directive in order
 * (Include expanded), each judged by `validateDirective` with the state the lines before it
 * left — sshd's Match activity (a block is inactive while `sshd -t` parses, except after
 * `Match all`; an Include inside an inactive block makes its whole file inactive), ssh's
 * IgnoreUnknown in force (ssh looks keywords up before it looks at Host/Match activity, so
 * an unknown keyword is ignored only when every host has a matching IgnoreUnknown by then)
 * — and then the checks `sshd -t` / `ssh -G` make after parsing,
 * which land on the line that set the value:
 *
 * - `checkAuthenticationMethodsSatisfiable`: sshd's `auth2_methods_valid(list, 1)` over the
 *   effective AuthenticationMethods ("cannot be satisfied by enabled authentication methods").
 * - `checkAlgorithmListAssembly`: `kex_assemble_names()` over the effective algorithm lists
 *   (a `!name` or a list that selects nothing).
 * - duplicate `Subsystem` names before 9.5 and sshd's "any" rules for AuthenticationMethods
 *   depend on earlier lines and go through `PriorState`.
 *
 * Verdicts are kept for every directive, also after a fatal one (OpenSSH would stop there;
 * a linter reports each line on its own merits).
 */
import type { Directive } from './config-model.js';
import type { ConfigTree, TreeEntry } from './config-tree.js';
import type { ConfigProblem, DirectiveVerdict } from './directive-verdict.js';
import { isAtLeast } from '../../openssh/releases.js';
import { algorithmKeyword, resolveAlgorithmList } from '../../openssh/algorithm-list.js';
import { authMethodListError, validateDirective, type BlockVerdict, type ValidationContext } from './validate-directive.js';

export type TreeValidationContext = Pick<ValidationContext, 'program' | 'release' | 'build' | 'sshConfigScope'>;

interface WalkedEntry {
  entry: TreeEntry;
  verdict: BlockVerdict;
  /** sshd: active while parsing (global, or after `Match all`); ssh: unconditional (top level, `Host *`, `Match all`). */
  active: boolean;
}

export function validateConfigTree(tree: ConfigTree, context: TreeValidationContext): Map<Directive, DirectiveVerdict> {
  const walked = context.program === 'sshd' ? walkSshd(tree, context) : walkSsh(tree, context);
  if (context.program === 'sshd') checkAuthenticationMethodsSatisfiable(walked, context);
  checkAlgorithmListAssembly(walked, context);
  const verdicts = new Map<Directive, DirectiveVerdict>();
  for (const { entry, verdict } of walked) {
    const earlier = verdicts.get(entry.directive);
    if (!earlier || (!earlier.problem && verdict.problem)) verdicts.set(entry.directive, verdict);
  }
  return verdicts;
}

const lower = (d: Directive): string => d.keyword.toLowerCase();

// =========================================================================== sshd

function walkSshd(tree: ConfigTree, context: TreeValidationContext): WalkedEntry[] {
  const out: WalkedEntry[] = [];
  /** Per Include line: active, and whether its files are parsed "never match". */
  const includeState = new Map<Directive, { active: boolean; neverMatch: boolean }>();
  /** The activity a Match line set. */
  const matchActive = new Map<Directive, boolean>();
  const subsystems = new Set<string>();
  let authenticationMethodsSet = false;
  /** Settings an active line already stored. */
  const settled = new Set<string>();
  for (const entry of tree.entries) {
    const d = entry.directive;
    const via = entry.via[entry.via.length - 1];
    const outer = via ? includeState.get(via) : undefined;
    const neverMatch = outer?.neverMatch ?? false;
    let active: boolean;
    const ownBlock = lower(d) === 'match' ? undefined : d.block;
    if (ownBlock) active = !neverMatch && (matchActive.get(ownBlock) ?? false);
    else active = outer ? outer.active : true;
    const verdict = validateDirective(d, {
      program: 'sshd',
      release: context.release,
      build: context.build,
      inMatch: !active,
      state: { authenticationMethodsSet, subsystems, settled: new Set(settled) },
    });
    if (lower(d) === 'match') {
      matchActive.set(d, !neverMatch && verdict.activeWhileParsing === true && !verdict.problem);
    }
    if (lower(d) === 'include') includeState.set(d, { active, neverMatch: neverMatch || !active });
    if (!verdict.problem && active) {
      const name = verdict.canonical;
      if (name && verdict.status === 'active') settled.add(name);
      if (name === 'AuthenticationMethods') authenticationMethodsSet = true;
      if (name === 'Subsystem' && !isAtLeast(context.release, '9.5') && d.args[0]) subsystems.add(d.args[0].value);
    }
    out.push({ entry, verdict, active });
  }
  return out;
}

/** The first valid active line for a setting (sshd keeps the first value). */
function effectiveLine(walked: WalkedEntry[], canonical: string): WalkedEntry | undefined {
  return walked.find((w) => w.active && w.verdict.canonical === canonical && !w.verdict.problem && w.verdict.status === 'active');
}

function flagSetting(walked: WalkedEntry[], canonical: string, fallback: boolean): boolean {
  const w = effectiveLine(walked, canonical);
  if (!w) return fallback;
  return (w.entry.directive.args[0]?.value ?? '').toLowerCase() === 'yes';
}

/**
 * sshd after parsing: unless AuthenticationMethods is "any", at least one of its lists must
 * name only enabled methods (`auth2_methods_valid(list, 1)`), else fatal.
 */
function checkAuthenticationMethodsSatisfiable(walked: WalkedEntry[], context: TreeValidationContext): void {
  const line = effectiveLine(walked, 'AuthenticationMethods');
  if (!line) return;
  const lists = line.entry.directive.args.map((a) => a.value);
  if (lists.length === 0 || (lists.length === 1 && lists[0] === 'any')) return;
  const r = context.release;
  let kbd = flagSetting(walked, 'KbdInteractiveAuthentication', isAtLeast(r, '8.7'));
  if (!isAtLeast(r, '8.7') && flagSetting(walked, 'ChallengeResponseAuthentication', true)) kbd = true;
  const enabled: Record<string, boolean> = {
    none: true,
    publickey: flagSetting(walked, 'PubkeyAuthentication', true),
    password: flagSetting(walked, 'PasswordAuthentication', true),
    'keyboard-interactive': kbd,
    hostbased: flagSetting(walked, 'HostbasedAuthentication', false),
    'gssapi-with-mic': flagSetting(walked, 'GSSAPIAuthentication', false) || flagSetting(walked, 'GssAuthentication', false),
    'gssapi-keyex': flagSetting(walked, 'GSSAPIKeyExchange', false),
  };
  const satisfiable = lists.some(
    (list) => !authMethodListError(list, context.build) && list.split(',').every((m) => enabled[m.split(':')[0]!] === true),
  );
  if (satisfiable || line.verdict.problem) return;
  line.verdict.problem = {
    code: 'bad-value',
    message: 'AuthenticationMethods cannot be satisfied by enabled authentication methods',
    range: line.entry.directive.restRange,
    severity: 'fatal',
  };
}

// =========================================================================== ssh

/** ssh `Host *` (no negation) and `Match all` blocks apply to every host. */
function unconditionalBlock(block: Directive | undefined, verdicts: Map<Directive, BlockVerdict>): boolean {
  if (!block) return true;
  const v = verdicts.get(block);
  if (!v?.match || v.problem) return false;
  if (lower(block) === 'match') return v.match.all === true;
  const patterns = v.match.criteria[0]?.patterns ?? [];
  return patterns.includes('*') && !patterns.some((p) => p.startsWith('!'));
}

function walkSsh(tree: ConfigTree, context: TreeValidationContext): WalkedEntry[] {
  const out: WalkedEntry[] = [];
  const blockVerdicts = new Map<Directive, BlockVerdict>();
  /**
   * IgnoreUnknown values that can be the first one obtained for some host: those up to (and
   * including) the first that applies to every host. Until one applies to every host, some
   * host has none, and an unknown keyword is an error for it.
   */
  const ignoreUnknown: string[] = [];
  let ignoreUnknownSettled = false;
  /** Settings some earlier line stored (for checks only the storing line makes). */
  const settled = new Set<string>();
  const includeActive = new Map<Directive, boolean>();
  for (const entry of tree.entries) {
    const d = entry.directive;
    const via = entry.via[entry.via.length - 1];
    const outerUnconditional = via ? (includeActive.get(via) ?? false) : true;
    const isBlock = lower(d) === 'host' || lower(d) === 'match';
    const ownBlock = isBlock ? undefined : d.block;
    const active = outerUnconditional && (ownBlock ? unconditionalBlock(ownBlock, blockVerdicts) : true);
    const context2: ValidationContext = {
      program: 'ssh',
      release: context.release,
      build: context.build,
      inMatch: false,
      ignoreUnknown: ignoreUnknownSettled ? [...ignoreUnknown] : [],
      state: { settled: new Set(settled) },
    };
    if (context.sshConfigScope) context2.sshConfigScope = context.sshConfigScope;
    const verdict = validateDirective(d, context2);
    if (isBlock) blockVerdicts.set(d, verdict);
    if (lower(d) === 'include') includeActive.set(d, active);
    if (verdict.canonical && !verdict.problem && verdict.status === 'active') settled.add(verdict.canonical);
    if (verdict.canonical === 'IgnoreUnknown' && !verdict.problem && !ignoreUnknownSettled && d.args[0]) {
      ignoreUnknown.push(d.args[0].value);
      if (active) ignoreUnknownSettled = true;
    }
    out.push({ entry, verdict, active });
  }
  return out;
}

// ================================================================ both programs

const ALGORITHM_SETTINGS = [
  'Ciphers',
  'MACs',
  'KexAlgorithms',
  'HostKeyAlgorithms',
  'PubkeyAcceptedAlgorithms',
  'HostbasedAcceptedAlgorithms',
  'CASignatureAlgorithms',
];

/**
 * `kex_assemble_names()` when the defaults are filled in: an element starting with `!`, or a
 * list that selects no algorithm, is fatal for sshd (on the line whose value took effect).
 * ssh assembles too, but 8.5–10.3 only log the error and go on (HostKeyAlgorithms excepted:
 * it is assembled for the connection and by `ssh -G`, fatally); ssh lines count when they can
 * take effect for some host (up to the first unconditional one).
 */
function checkAlgorithmListAssembly(walked: WalkedEntry[], context: TreeValidationContext): void {
  const side = context.program === 'sshd' ? 'server' : 'client';
  const r = context.release;
  for (const setting of ALGORITHM_SETTINGS) {
    // ssh 8.5–10.3 log an assemble error of fill_default_options() and go on; HostKeyAlgorithms
    // is assembled for the connection (and by `ssh -G` from 8.5), always fatally.
    if (context.program === 'ssh' && setting !== 'HostKeyAlgorithms' && isAtLeast(r, '8.5') && !isAtLeast(r, '10.4')) continue;
    const candidates: WalkedEntry[] = [];
    for (const w of walked) {
      if (w.verdict.canonical !== setting && !(setting === 'HostbasedAcceptedAlgorithms' && w.verdict.canonical === 'HostbasedAlgorithms')) continue;
      if (w.verdict.problem || w.verdict.status !== 'active') continue;
      if (context.program === 'sshd') {
        if (!w.active) continue;
        candidates.push(w);
        break;
      }
      candidates.push(w);
      if (w.active) break;
    }
    for (const w of candidates) {
      const keyword = algorithmKeyword(setting, side) ?? 'PubkeyAcceptedAlgorithms';
      const value = w.entry.directive.args[0]?.value ?? '';
      const result = resolveAlgorithmList(keyword, value, r, side);
      if (result.ok || result.error.stage !== 'assemble') continue;
      const problem: ConfigProblem = {
        code: 'bad-algorithm',
        message: result.error.message,
        range: w.entry.directive.args[0]?.range ?? w.entry.directive.keywordRange,
        severity: 'fatal',
      };
      w.verdict.problem = problem;
    }
  }
}

/**
 * Decides, for one directive, exactly what `sshd -t` (servconf.c) or `ssh -G` (readconf.c)
 * of a release and build decide about its line: is the keyword known, may it stand where it
 * stands, does its handler accept the arguments, are there arguments left over — and whether
 * the complaint stops the parse (fatal) or is counted (error).
 *
 * The keyword tables (src/openssh) say what each keyword is; the grammar comments there are
 * the specification and the C the truth: each handler below follows its `case` in the C,
 * argument by argument, with the messages OpenSSH prints (without "FILE line N: ").
 *
 * Stateless by default: a directive is judged as if it were the first of its kind. The few
 * checks that depend on earlier lines (sshd's AuthenticationMethods "any", a repeated
 * Subsystem name, algorithm lists assembled after parsing, …) take `context.state`, which
 * validate-file.ts fills while it walks a file in order.
 *
 * Split of the line: `directive.args` are the tokenizer's (argv_split, 8.7+). For older
 * releases (strdelim) the words are mostly the same; quoting and `#` differ, see
 * tokenize-line.ts.
 */
import type { Range } from '../read-key.js';
import type { ConfigArg } from './tokenize-line.js';
import type { Directive } from './config-model.js';
import type { ConfigProblem, ConfigProblemCode, DirectiveVerdict, KeywordStatus } from './directive-verdict.js';
import type { BuildProfile, Release } from '../../openssh/releases.js';
import { isAtLeast } from '../../openssh/releases.js';
import { sshdKeyword, sshdKeywordsAt, type ResolvedSshdKeyword } from '../../openssh/sshd-keywords.js';
import { sshKeyword, sshKeywordsAt } from '../../openssh/ssh-keywords.js';
import {
  DIGEST_NAMES,
  flagValues,
  integerSyntax,
  ipqosNames,
  LOG_LEVELS,
  SYSLOG_FACILITIES,
  type ResolvedKeywordFacts,
  type ValueGrammar,
  refusalSeverity,
  type Refusal,
} from '../../openssh/value-grammar.js';
import { algorithmKeyword, resolveAlgorithmList, type AlgorithmKeyword } from '../../openssh/algorithm-list.js';
import {
  a2port,
  atoiErr,
  cleanhostname,
  convtime,
  convtimeDouble,
  cStrtol,
  dollarSyntaxError,
  hasDollarReference,
  hpdelim,
  hpdelim2,
  isCSpace,
  matchPatternList,
  percentSyntaxError,
  scanScaled,
  sscanfInts,
  STRERROR,
  strtonum,
  validDomain,
  validEnvName,
} from './openssh-values.js';
import { matchAddressList } from '../address-patterns.js';
import { validateMatch, validateSshHost, type MatchCriteria } from './validate-match.js';
import { asciiLower } from '../../openssh/match.js';

export type Program = 'sshd' | 'ssh';

/** What earlier lines of the same configuration left behind (filled by validate-file.ts). */
export interface PriorState {
  /** sshd: an earlier line already stored AuthenticationMethods (changes the "any" checks). */
  authenticationMethodsSet?: boolean;
  /** sshd: Subsystem names already defined by active lines (≤9.4: a repeat is fatal). */
  subsystems?: ReadonlySet<string>;
  /** Canonical names of settings an earlier line already stored (checks that only the storing line makes). */
  settled?: ReadonlySet<string>;
}

export interface ValidationContext {
  program: Program;
  release: Release;
  build: BuildProfile;
  /**
   * sshd: the line is in a Match block that is inactive while the file is parsed (every
   * block but `Match all`; validate-file.ts works it out). Global-only keywords are fatal there.
   */
  inMatch: boolean;
  /**
   * ssh: the IgnoreUnknown pattern lists that may be in force (each a comma pattern list,
   * matched against the lower-cased keyword). An unknown keyword is ignored only when every
   * list ignores it; none or an empty array: unknown keywords are errors.
   */
  ignoreUnknown?: string[];
  /**
   * ssh: 'user' for ~/.ssh/config or `ssh -F` (the default), 'system' for /etc/ssh/ssh_config
   * (where `Include ~/…` is an error).
   */
  sshConfigScope?: 'user' | 'system';
  /** Cross-line state; absent: the directive is judged as the first of its kind. */
  state?: PriorState;
}

/** A verdict plus what the Match/Host line means, for Match/Host directives. */
export interface BlockVerdict extends DirectiveVerdict {
  /** sshd: the block is active while parsing without a connection (`Match all`). */
  activeWhileParsing?: boolean;
}

// ======================================================================= entry

export function validateDirective(directive: Directive, context: ValidationContext): BlockVerdict {
  return context.program === 'sshd' ? validateSshd(directive, context) : validateSsh(directive, context);
}

function verdictStatus(k: ResolvedKeywordFacts): KeywordStatus {
  return k.status === 'rejected' ? 'unsupported' : k.status;
}

function baseVerdict(directive: Directive, k: ResolvedKeywordFacts): BlockVerdict {
  const v: BlockVerdict = { directive, canonical: k.aliasOf ?? k.name, status: verdictStatus(k), keyword: k };
  if (k.aliasOf) v.aliasOf = k.name;
  return v;
}

function validateSshd(directive: Directive, ctx: ValidationContext): BlockVerdict {
  const k = sshdKeyword(directive.keyword, ctx.release, ctx.build);
  if (!k) {
    const problem: ConfigProblem = {
      code: 'unknown-keyword',
      message: `Bad configuration option: ${directive.keyword}`,
      range: directive.keywordRange,
      severity: refusalSeverity('sshd', ctx.release, 'bad-option'),
    };
    // The "not allowed within a Match block" check runs with the flags of sBadOption (none).
    if (ctx.inMatch) {
      problem.severity = refusalSeverity('sshd', ctx.release, 'not-in-match');
      problem.message += `; Directive '${directive.keyword}' is not allowed within a Match block`;
    }
    const suggestion = suggestKeyword(directive.keyword, ctx);
    if (suggestion) problem.suggestion = suggestion;
    return { directive, problem };
  }
  const verdict = baseVerdict(directive, k);
  if (ctx.inMatch && !(k as ResolvedSshdKeyword).allowedInMatch) {
    verdict.problem = {
      code: 'not-allowed-in-match',
      message: `Directive '${directive.keyword}' is not allowed within a Match block`,
      range: directive.keywordRange,
      severity: refusalSeverity('sshd', ctx.release, 'not-in-match'),
    };
    return verdict;
  }
  if (k.status === 'rejected') {
    verdict.problem = {
      code: 'not-supported',
      message: 'setting RDomain not supported on this platform.',
      range: directive.keywordRange,
      severity: 'fatal',
    };
    return verdict;
  }
  if (k.status !== 'active') return verdict;
  return runHandler(verdict, directive, k, ctx);
}

function validateSsh(directive: Directive, ctx: ValidationContext): BlockVerdict {
  const k = sshKeyword(directive.keyword, ctx.release, ctx.build);
  const lower = asciiLower(directive.keyword); // lowercase(): tolower() in the C locale
  if (!k) {
    const lists = ctx.ignoreUnknown ?? [];
    if (lists.length > 0 && lists.every((list) => matchPatternList(lower, list, true) === 1)) {
      return { directive };
    }
    const problem: ConfigProblem = {
      code: 'unknown-keyword',
      message: `Bad configuration option: ${lower}`,
      range: directive.keywordRange,
      severity: refusalSeverity('ssh', ctx.release, 'bad-option'),
    };
    const suggestion = suggestKeyword(directive.keyword, ctx);
    if (suggestion) problem.suggestion = suggestion;
    return { directive, problem };
  }
  const verdict = baseVerdict(directive, k);
  if (k.status !== 'active') return verdict;
  return runHandler(verdict, directive, k, ctx);
}

// ================================================================= suggestion

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/**
 * The nearest keyword the release knows (any status but unknown), when it is close: at most
 * 1 edit for names up to 4 letters, 2 up to 10, 3 beyond. Case is ignored.
 */
export function suggestKeyword(keyword: string, context: Pick<ValidationContext, 'program' | 'release' | 'build'>): string | undefined {
  const name = keyword.toLowerCase();
  const limit = name.length <= 4 ? 1 : name.length <= 10 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of suggestable(context)) {
    const d = editDistance(name, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** The keywords a suggestion may name, per build, program and release: resolving every keyword again for each unknown line cost 0.65 ms. */
const SUGGESTABLE = new WeakMap<BuildProfile, Map<string, string[]>>();

function suggestable({ program, release, build }: Pick<ValidationContext, 'program' | 'release' | 'build'>): string[] {
  let byProgram = SUGGESTABLE.get(build);
  if (!byProgram) SUGGESTABLE.set(build, (byProgram = new Map()));
  const key = `${program} ${release}`;
  let names = byProgram.get(key);
  if (!names) {
    const known = program === 'sshd' ? sshdKeywordsAt(release, build) : sshKeywordsAt(release, build);
    names = known.filter((k) => k.status === 'active' || k.status === 'deprecated').map((k) => k.name);
    byProgram.set(key, names);
  }
  return names;
}

// ==================================================================== handlers

/** A cursor over the arguments with the semantics of `argv_next()`. */
class Args {
  private i = 0;
  constructor(readonly list: readonly ConfigArg[]) {}
  next(): ConfigArg | undefined {
    const a = this.list[this.i];
    if (a !== undefined) this.i++;
    return a;
  }
  peek(): ConfigArg | undefined {
    return this.list[this.i];
  }
  consumeAll(): void {
    this.i = this.list.length;
  }
  get remaining(): number {
    return this.list.length - this.i;
  }
  get position(): number {
    return this.i;
  }
}

interface Env {
  d: Directive;
  k: ResolvedKeywordFacts;
  ctx: ValidationContext;
  program: Program;
  release: Release;
  args: Args;
  /** The keyword as the program prints it: as written (sshd), lower-cased (ssh). */
  kw: string;
  /** Severity of an invalid value in this program/release (the handler may override). */
  valueSeverity: 'fatal' | 'error';
  /** Severity of a refusal for this keyword (its grammar refines invalid values: the few fatal() checks). */
  severity(refusal: Refusal): 'fatal' | 'error';
  /** Filled by Match/Host handlers. */
  match?: MatchCriteria;
  activeWhileParsing?: boolean;
}

type Outcome = ConfigProblem | undefined;

const at = (release: Release, since: Release): boolean => isAtLeast(release, since);

function runHandler(verdict: BlockVerdict, d: Directive, k: ResolvedKeywordFacts, ctx: ValidationContext): BlockVerdict {
  const program = ctx.program;
  const env: Env = {
    d,
    k,
    ctx,
    program,
    release: ctx.release,
    args: new Args(d.args),
    kw: program === 'sshd' ? d.keyword : asciiLower(d.keyword),
    valueSeverity: refusalSeverity(program, ctx.release, 'invalid-value'),
    severity: (refusal) => refusalSeverity(program, ctx.release, refusal, k.grammar),
  };
  const problem = handle(env, k.grammar) ?? extraArguments(env);
  if (env.match) verdict.match = env.match;
  if (env.activeWhileParsing !== undefined) verdict.activeWhileParsing = env.activeWhileParsing;
  if (problem) verdict.problem = problem;
  return verdict;
}

function extraArguments(e: Env): Outcome {
  if (e.args.remaining === 0) return undefined;
  const first = e.args.peek()!;
  const last = e.d.args[e.d.args.length - 1]!;
  const range: Range = { start: first.range.start, end: last.range.end };
  const severity = e.severity('extra-arguments');
  if (at(e.release, '8.7')) return { code: 'extra-arguments', message: `keyword ${e.kw} extra arguments at end of line`, range, severity };
  return { code: 'extra-arguments', message: `garbage at end of line; "${first.value.slice(0, 200)}".`, range, severity };
}

function fail(e: Env, code: ConfigProblemCode, message: string, arg?: ConfigArg, severity: 'fatal' | 'error' = e.valueSeverity): ConfigProblem {
  return { code, message, range: arg?.range ?? e.d.keywordRange, severity };
}

/** `!arg || *arg == '\0'`. */
const missing = (a: ConfigArg | undefined): boolean => a === undefined || a.value === '';

function handle(e: Env, g: ValueGrammar): Outcome {
  switch (g.kind) {
    case 'ignored':
      e.args.consumeAll();
      return undefined;
    case 'flag':
      return flag(e);
    case 'choice':
      return choice(e, g.values, g.caseSensitive === true);
    case 'integer':
      return integer(e, g.noneKeyword, g.min, g.max);
    case 'time':
      return time(e, g.none === true);
    case 'algorithms':
      return algorithmList(e, g.list);
    case 'words':
      return wordList(e, g.noneAlone === true, g.nonEmpty === true);
    case 'path':
    case 'string':
      return single(e);
    case 'rest-of-line':
      return restOfLine(e, g.absolutePathOrNone === true);
    case 'port':
      return port(e);
    case 'log-level':
      return named(e, LOG_LEVELS, 'unsupported log level');
    case 'syslog-facility':
      return named(e, SYSLOG_FACILITIES, 'unsupported log facility');
    case 'rekey-limit':
      return rekeyLimit(e);
    case 'ipqos':
      return ipqos(e);
    case 'channel-timeout':
      return channelTimeout(e);
    case 'version-addendum':
      return versionAddendum(e);
    case 'include':
      return include(e);
    case 'match':
      return match(e);
    case 'host-patterns':
      return host(e);
    case 'listen-address':
      return listenAddress(e);
    case 'max-startups':
      return maxStartups(e);
    case 'per-source-net-block-size':
      return perSourceNetBlockSize(e);
    case 'per-source-penalties':
      return perSourcePenalties(e);
    case 'address-list':
      return addressList(e);
    case 'user-patterns':
      return userPatterns(e);
    case 'group-patterns':
      return groupPatterns(e);
    case 'env-names':
      return envNames(e);
    case 'env-assignments':
      return envAssignments(e);
    case 'path-list':
      return pathList(e);
    case 'permit-open':
    case 'permit-listen':
      return permitOpen(e, g.kind === 'permit-listen');
    case 'permit-remote-open':
      return permitRemoteOpen(e);
    case 'authentication-methods':
      return authenticationMethods(e);
    case 'subsystem':
      return subsystem(e);
    case 'permit-user-environment':
      return permitUserEnvironment(e);
    case 'pubkey-auth-options':
      return pubkeyAuthOptions(e);
    case 'octal-mask':
      return octalMask(e);
    case 'rdomain':
      return rdomain(e);
    case 'forward-local':
    case 'forward-remote':
    case 'forward-dynamic':
      return forward(e, g.kind);
    case 'escape-char':
      return escapeChar(e);
    case 'control-persist':
      return controlPersist(e);
    case 'tunnel-device':
      return tunnelDevice(e);
    case 'add-keys-to-agent':
      return addKeysToAgent(e);
    case 'agent-socket':
      return agentSocket(e, e.args.next());
    case 'forward-agent':
      return forwardAgent(e);
    case 'proxy-jump':
      return proxyJump(e);
    case 'canonical-domains':
      return canonicalDomains(e);
    case 'permitted-cnames':
      return permittedCnames(e);
    case 'known-hosts-files':
      return knownHostsFiles(e);
    case 'obscure-keystroke-timing':
      return obscureKeystrokeTiming(e);
  }
}

// ------------------------------------------------------------ simple kinds

/** The "missing argument" words of the generic multistate parsers (both programs). */
function multistateMissing(_e: Env): string {
  return 'missing argument.';
}

function flag(e: Env): Outcome {
  const arg = e.args.next();
  if (e.program === 'sshd' && !at(e.release, '7.7')) {
    if (missing(arg)) return fail(e, 'no-argument', 'missing yes/no argument.', arg);
    if (arg!.value !== 'yes' && arg!.value !== 'no') return fail(e, 'bad-value', `Bad yes/no argument: ${arg!.value}`, arg);
    return undefined;
  }
  const { values } = flagValues(e.program, e.release);
  return multistate(e, arg, values);
}

function multistate(e: Env, arg: ConfigArg | undefined, values: readonly string[]): Outcome {
  if (missing(arg)) return fail(e, 'no-argument', multistateMissing(e), arg);
  const lower = arg!.value.toLowerCase();
  if (!values.some((v) => v.toLowerCase() === lower)) return fail(e, 'bad-value', `unsupported option "${arg!.value}".`, arg);
  return undefined;
}

function choice(e: Env, values: readonly string[], caseSensitive: boolean): Outcome {
  const name = e.k.aliasOf ?? e.k.name;
  if (name === 'FingerprintHash') return fingerprintHash(e);
  if (name === 'PermitTunnel' && e.program === 'sshd') {
    const arg = e.args.next();
    if (missing(arg)) {
      return fail(e, 'no-argument', at(e.release, '8.7') ? `${e.kw} missing argument.` : 'Missing yes/point-to-point/ethernet/no argument.', arg);
    }
    if (!values.includes(arg!.value)) {
      return fail(e, 'bad-value', at(e.release, '8.7') ? `bad ${e.kw} argument ${arg!.value}` : `Bad yes/point-to-point/ethernet/no argument: ${arg!.value}`, arg);
    }
    return undefined;
  }
  if (name === 'Protocol' && e.program === 'ssh') {
    const arg = e.args.next();
    if (missing(arg)) return fail(e, 'no-argument', 'Missing argument.', arg);
    // proto_spec(): comma items read with atoi(); 1 and 2 count, anything else is ignored.
    const parts = arg!.value.split(',');
    const empty = parts.indexOf('');
    const items = (empty === -1 ? parts : parts.slice(0, empty)).map((p) => Number(cStrtol(p, 10).value));
    if (!items.some((n) => n === 1 || n === 2)) return fail(e, 'bad-value', `Bad protocol spec '${arg!.value}'.`, arg);
    return undefined;
  }
  const arg = e.args.next();
  if (caseSensitive) {
    if (missing(arg)) return fail(e, 'no-argument', multistateMissing(e), arg);
    if (!values.includes(arg!.value)) return fail(e, 'bad-value', `unsupported option "${arg!.value}".`, arg);
    return undefined;
  }
  return multistate(e, arg, values);
}

function fingerprintHash(e: Env): Outcome {
  const arg = e.args.next();
  if (missing(arg)) return fail(e, 'no-argument', e.program === 'sshd' && at(e.release, '8.7') ? `${e.kw} missing argument.` : 'Missing argument.', arg);
  if (!DIGEST_NAMES.includes(arg!.value.toLowerCase() as (typeof DIGEST_NAMES)[number])) {
    return fail(e, 'bad-value', e.program === 'sshd' ? `Invalid ${e.kw} algorithm "${arg!.value}".` : `Invalid hash algorithm "${arg!.value}".`, arg);
  }
  return undefined;
}

function integer(e: Env, noneKeyword?: string, min?: number, max?: number): Outcome {
  const arg = e.args.next();
  if (noneKeyword !== undefined) {
    // PerSourceMaxStartups: "%s missing argument." first, then "none" or atoi_err.
    if (missing(arg)) return fail(e, 'no-argument', at(e.release, '8.7') ? `${e.kw} missing argument.` : `Missing ${e.kw} spec.`, arg);
    if (arg!.value === noneKeyword) return undefined;
  }
  const syntax = integerSyntax(e.program, e.release);
  if (syntax === 'atoi') {
    if (missing(arg)) return fail(e, 'no-argument', 'missing integer value.', arg);
    return undefined;
  }
  if (syntax === 'strtol-base0') {
    if (missing(arg)) return fail(e, 'no-argument', 'Missing argument.', arg);
    const v = arg!.value;
    if (v[0]! < '0' || v[0]! > '9') return fail(e, 'bad-value', 'Bad number.', arg);
    return undefined;
  }
  const r = atoiErr(arg?.value);
  if ('error' in r) {
    const code = r.error === 'missing' ? 'no-argument' : 'bad-value';
    const message = e.program === 'sshd' && at(e.release, '8.7') ? `${e.kw} integer value ${r.error}.` : `integer value ${r.error}.`;
    return fail(e, code, message, arg);
  }
  if ((min !== undefined && r.value < min) || (max !== undefined && r.value > max)) {
    return fail(e, 'bad-value', 'value out of range.', arg);
  }
  return undefined;
}

function time(e: Env, none: boolean): Outcome {
  const arg = e.args.next();
  const name = e.k.aliasOf ?? e.k.name;
  if (e.program === 'sshd' && name === 'UnusedConnectionTimeout' && arg && arg.value.toLowerCase() === 'none') return undefined;
  return timeValue(e, arg, e.program === 'ssh' && none);
}

/** `parse_time:` — "missing time value." / "invalid time value." (ssh also takes "none"). */
function timeValue(e: Env, arg: ConfigArg | undefined, none: boolean): Outcome {
  if (missing(arg)) return fail(e, 'no-argument', 'missing time value.', arg);
  if (none && arg!.value === 'none') return undefined;
  if (convtime(arg!.value, e.release) === -1) return fail(e, 'bad-value', 'invalid time value.', arg);
  return undefined;
}

function single(e: Env): Outcome {
  const arg = e.args.next();
  if (!missing(arg)) return undefined;
  return fail(e, 'no-argument', singleMissingMessage(e), arg);
}

function singleMissingMessage(e: Env): string {
  if (e.program === 'ssh') return 'Missing argument.';
  const name = e.k.aliasOf ?? e.k.name;
  const modern = at(e.release, '8.7');
  switch (name) {
    case 'HostKey':
    case 'HostCertificate':
    case 'PidFile':
    case 'ModuliFile':
    case 'Banner':
    case 'XAuthLocation':
    case 'TrustedUserCAKeys':
    case 'RevokedKeys':
    case 'SshdSessionPath':
    case 'SshdAuthPath':
      return 'missing file name.';
    case 'HostKeyAgent':
      return 'missing socket name.';
    case 'AuthorizedKeysCommandUser':
    case 'AuthorizedPrincipalsCommandUser':
      return `missing ${e.kw} argument.`;
    case 'PAMServiceName':
      return 'missing argument.';
    case 'GSSAPIKexAlgorithms':
      return 'Missing argument.';
    default:
      return modern ? `${e.kw} missing argument.` : 'Missing argument.';
  }
}

function restOfLine(e: Env, absolutePathOrNone: boolean): Outcome {
  e.args.consumeAll();
  if (!absolutePathOrNone) return undefined;
  // parse_command: str after the keyword, leading blanks skipped, as written (quotes and all).
  // ≤8.6 only the line that stores the value (active, first) is checked.
  const name = e.k.aliasOf ?? e.k.name;
  if (e.program === 'sshd' && !at(e.release, '8.7') && (e.ctx.inMatch || e.ctx.state?.settled?.has(name))) return undefined;
  let i = 0;
  const str = e.d.rest;
  while (i < str.length && ' \t\r\n'.includes(str[i]!)) i++;
  const text = str.slice(i);
  if (text.startsWith('/') || text.toLowerCase() === 'none') return undefined;
  return { code: 'bad-value', message: `${e.kw} must be an absolute path`, range: e.d.restRange, severity: 'fatal' };
}

function named(e: Env, names: readonly string[], what: string): Outcome {
  const arg = e.args.next();
  if (arg && names.some((n) => n.toLowerCase() === arg.value.toLowerCase())) return undefined;
  return fail(e, arg ? 'bad-value' : 'no-argument', `${what} '${arg ? arg.value : '<NONE>'}'`, arg);
}

// ------------------------------------------------------------ algorithms

function algorithmList(e: Env, list: 'cipher' | 'mac' | 'kex' | 'key' | 'sig' | 'gss-kex'): Outcome {
  const arg = e.args.next();
  const name = e.k.aliasOf ?? e.k.name;
  if (list === 'gss-kex') return gssKexList(e, arg);
  if (missing(arg)) {
    const classic = list === 'cipher' || list === 'mac' || list === 'kex';
    const message = e.program === 'sshd' && classic && at(e.release, '8.7') ? `${e.kw} missing argument.` : 'Missing argument.';
    return fail(e, 'no-argument', message, arg);
  }
  const keyword = algorithmKeywordFor(name, list, e.program);
  const result = resolveAlgorithmList(keyword, arg!.value, e.release, e.program === 'sshd' ? 'server' : 'client');
  if (!result.ok && result.error.stage === 'parse') {
    const message = result.error.detail ? `${result.error.detail}; ${result.error.message}` : result.error.message;
    return fail(e, 'bad-algorithm', message, arg);
  }
  return undefined;
}

function algorithmKeywordFor(name: string, list: 'cipher' | 'mac' | 'kex' | 'key' | 'sig', program: Program): AlgorithmKeyword {
  const known = algorithmKeyword(name, program === 'sshd' ? 'server' : 'client');
  if (known) return known;
  switch (list) {
    case 'cipher':
      return 'Ciphers';
    case 'mac':
      return 'MACs';
    case 'kex':
      return 'KexAlgorithms';
    case 'sig':
      return 'CASignatureAlgorithms';
    case 'key':
      return name.toLowerCase().startsWith('hostbased') ? 'HostbasedAcceptedAlgorithms' : 'PubkeyAcceptedAlgorithms';
  }
}

/** The GSSAPI key-exchange name prefixes Debian's gssapi.patch knows (kex_alg_by_name prefix match). */
const GSS_KEX = [
  'gss-gex-sha1-',
  'gss-group1-sha1-',
  'gss-group14-sha1-',
  'gss-group14-sha256-',
  'gss-group16-sha512-',
  'gss-nistp256-sha256-',
  'gss-curve25519-sha256-',
];

function gssKexList(e: Env, arg: ConfigArg | undefined): Outcome {
  if (missing(arg)) return fail(e, 'no-argument', 'Missing argument.', arg);
  for (const p of arg!.value.split(',')) {
    if (p === '') break;
    if (!p.startsWith('gss-') || !GSS_KEX.some((k) => p.startsWith(k))) {
      return fail(e, 'bad-algorithm', `Unsupported KEX algorithm "${p.slice(0, 100)}"; Bad GSSAPI KexAlgorithms '${arg!.value}'.`, arg);
    }
  }
  return undefined;
}

// ------------------------------------------------------------ lists of words

/** LogVerbose: words; "" and a "none" that is not alone are errors (8.7+). */
function wordList(e: Env, noneAlone: boolean, nonEmpty: boolean): Outcome {
  let count = 0;
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    if (nonEmpty && arg.value === '') return fail(e, 'bad-value', `keyword ${e.kw} empty argument`, arg, e.severity('empty-argument'));
    if (noneAlone && arg.value.toLowerCase() === 'none' && (count > 0 || e.args.remaining > 0)) {
      return fail(e, 'bad-value', `keyword ${e.kw} "none" argument must appear alone.`, arg, e.severity('none-not-alone'));
    }
    count++;
  }
  if (count === 0 && at(e.release, '9.7') && e.program === 'sshd') return fail(e, 'no-argument', `no ${e.kw} specified`, undefined, 'fatal');
  return undefined;
}

function userPatterns(e: Env): Outcome {
  let count = 0;
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    count++;
    const v = arg.value;
    const at8 = v.indexOf('@');
    if ((v === '' && at(e.release, '8.7')) || (at8 !== -1 && matchAddressList(null, v.slice(at8 + 1), e.release) !== 0)) {
      return fail(e, 'bad-value', `invalid ${at(e.release, '8.7') ? e.kw : e.k.name} pattern: "${v}"`, arg);
    }
  }
  if (count === 0 && at(e.release, '9.7')) return fail(e, 'no-argument', `no ${e.kw} specified`);
  return undefined;
}

function groupPatterns(e: Env): Outcome {
  let count = 0;
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    count++;
    if (arg.value === '' && at(e.release, '8.7')) return fail(e, 'bad-value', `empty ${e.kw} pattern`, arg);
  }
  if (count === 0 && at(e.release, '9.7')) return fail(e, 'no-argument', `no ${e.kw} specified`);
  return undefined;
}

function envNames(e: Env): Outcome {
  let count = 0;
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    count++;
    if (arg.value === '' || arg.value.includes('=')) return fail(e, 'bad-value', 'Invalid environment name.', arg);
  }
  if (count === 0 && at(e.release, '9.7')) return fail(e, 'no-argument', `no ${e.kw} specified`, undefined, 'fatal');
  return undefined;
}

function envAssignments(e: Env): Outcome {
  let count = 0;
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    count++;
    if (e.program === 'sshd') {
      if ((arg.value === '' && at(e.release, '8.7')) || !arg.value.includes('=')) return fail(e, 'bad-value', 'Invalid environment.', arg);
    } else if (!arg.value.includes('=')) {
      return fail(e, 'bad-value', 'Invalid SetEnv.', arg);
    }
  }
  if (count === 0 && at(e.release, '9.7')) return fail(e, 'no-argument', `no ${e.kw} specified`, undefined, 'fatal');
  return undefined;
}

/** AuthorizedKeysFile (sshd), RevokedKeys / RevokedHostKeys from 10.3. */
function pathList(e: Env): Outcome {
  let count = 0;
  const checked = at(e.release, '8.7');
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    if (checked && arg.value === '') return fail(e, 'bad-value', `keyword ${e.kw} empty argument`, arg, e.severity('empty-argument'));
    if (at(e.release, '10.3') && arg.value.toLowerCase() === 'none' && (count > 0 || e.args.remaining > 0)) {
      return fail(e, 'bad-value', `keyword ${e.kw} "none" argument must appear alone.`, arg, e.severity('none-not-alone'));
    }
    count++;
  }
  if (count === 0 && at(e.release, '9.7')) return fail(e, 'no-argument', `no ${e.kw} specified`, undefined, 'fatal');
  return undefined;
}

// ------------------------------------------------------------ named kinds

function port(e: Env): Outcome {
  const arg = e.args.next();
  if (e.program === 'sshd') {
    if (missing(arg)) return fail(e, 'no-argument', 'missing port number.', arg);
    if (a2port(arg!.value, e.release) <= 0) return fail(e, 'bad-value', 'Badly formatted port number.', arg);
    return undefined;
  }
  if (missing(arg)) return fail(e, 'no-argument', 'Missing argument.', arg);
  if (a2port(arg!.value, e.release) <= 0) return fail(e, 'bad-value', `Bad port '${arg!.value}'.`, arg);
  return undefined;
}

function rekeyLimit(e: Env): Outcome {
  const arg = e.args.next();
  const sshd = e.program === 'sshd';
  if (missing(arg)) return fail(e, 'no-argument', sshd && at(e.release, '8.7') ? `${e.kw} missing argument.` : 'Missing argument.', arg);
  if (arg!.value !== 'default') {
    const r = scanScaled(arg!.value);
    if ('errno' in r) {
      const message = sshd && at(e.release, '8.7')
        ? `Bad ${e.kw} number '${arg!.value}': ${STRERROR[r.errno]}`
        : `Bad number '${arg!.value}': ${STRERROR[r.errno]}`;
      return fail(e, 'bad-value', message, arg);
    }
    if (r.value !== 0n && r.value < 16n) return fail(e, 'bad-value', sshd && at(e.release, '8.7') ? `${e.kw} too small` : 'RekeyLimit too small', arg);
  }
  if (e.args.remaining === 0) return undefined;
  if (e.args.peek()!.value === 'none') {
    e.args.next();
    return undefined;
  }
  return timeValue(e, e.args.next(), e.program === 'ssh');
}

function ipqosValue(value: string, release: Release): boolean {
  if (ipqosNames(release).some((n) => n === value.toLowerCase())) return true;
  if (at(release, '9.8')) return 'value' in strtonum(value, 0, 255);
  const { value: v, end } = cStrtol(value, 0);
  return value !== '' && end === value.length && v >= 0n && v <= 255n;
}

function ipqos(e: Env): Outcome {
  const arg = e.args.next();
  const label = e.program === 'sshd' ? e.kw : 'IPQoS';
  if (e.program === 'sshd' && missing(arg)) {
    return fail(e, 'no-argument', at(e.release, '8.7') ? `${e.kw} missing argument.` : 'Missing argument.', arg);
  }
  if (!arg || !ipqosValue(arg.value, e.release)) {
    return fail(e, arg ? 'bad-value' : 'no-argument', `Bad ${label} value: ${arg ? arg.value : '(null)'}`, arg);
  }
  const second = e.args.next();
  if (second && !ipqosValue(second.value, e.release)) return fail(e, 'bad-value', `Bad ${label} value: ${second.value}`, second);
  return undefined;
}

function channelTimeout(e: Env): Outcome {
  let count = 0;
  // 9.2–9.6 test a counter the loop never increments: only a "none" with words after it fails.
  const counts = at(e.release, '9.7');
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    if (arg.value.toLowerCase() === 'none') {
      if ((counts && count > 0) || e.args.remaining > 0) return fail(e, 'bad-value', `keyword ${e.kw} "none" argument must appear alone.`, arg, e.severity('none-not-alone'));
    } else {
      const eq = arg.value.indexOf('=');
      if (eq <= 0 || convtime(arg.value.slice(eq + 1), e.release) < 0) {
        return fail(e, 'bad-value', `invalid channel timeout ${arg.value}`, arg, e.severity('invalid-value'));
      }
    }
    count++;
  }
  if (count === 0 && at(e.release, '9.7')) return fail(e, 'no-argument', `no ${e.kw} specified`, undefined, 'fatal');
  return undefined;
}

function versionAddendum(e: Env): Outcome {
  e.args.consumeAll();
  let i = 0;
  const str = e.d.rest;
  while (i < str.length && ' \t\r\n'.includes(str[i]!)) i++;
  if (str.slice(i).includes('\r')) return { code: 'bad-value', message: `Invalid ${e.kw} argument`, range: e.d.restRange, severity: e.severity('invalid-value') };
  return undefined;
}

function include(e: Env): Outcome {
  let count = 0;
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    if (arg.value === '' && at(e.release, '8.7')) return fail(e, 'bad-value', `keyword ${e.kw} empty argument`, arg, e.severity('empty-argument'));
    if (e.program === 'ssh' && at(e.release, '9.9')) {
      // 9.9+ expands %tokens (and ${ENV}) in the path first; a bad token is fatal.
      const complaint = percentSyntaxError(arg.value, 'CLdhklnpruij');
      if (complaint) return fail(e, 'bad-value', `${complaint}; percent_dollar_expand: failed`, arg, 'fatal');
    }
    if (e.program === 'ssh' && arg.value.startsWith('~') && e.ctx.sshConfigScope === 'system') {
      return fail(e, 'bad-value', `bad include path ${arg.value}.`, arg);
    }
    count++;
  }
  if (count === 0 && e.program === 'sshd') {
    return fail(e, 'no-argument', at(e.release, '8.7') ? `${e.kw} missing filename argument` : 'Include missing filename argument', undefined, 'fatal');
  }
  return undefined;
}

function match(e: Env): Outcome {
  e.args.consumeAll();
  const r = validateMatch(e.d, { program: e.program, release: e.release });
  e.match = r.criteria;
  e.activeWhileParsing = e.program === 'sshd' ? r.activeWithoutConnection : false;
  return r.problem;
}

function host(e: Env): Outcome {
  e.args.consumeAll();
  const r = validateSshHost(e.d, { program: e.program, release: e.release });
  e.match = r.criteria;
  return r.problem;
}

function listenAddress(e: Env): Outcome {
  const arg = e.args.next();
  if (missing(arg)) return fail(e, 'no-argument', 'missing address', arg);
  const v = arg!.value;
  const colon = v.indexOf(':');
  const bareV6 = !v.includes('[') && colon !== -1 && v.indexOf(':', colon + 1) !== -1;
  if (!bareV6) {
    const hp = hpdelim(v);
    if (!hp) return fail(e, 'bad-value', 'bad address:port usage', arg);
    if (hp.rest !== null && a2port(hp.rest, e.release) <= 0) return fail(e, 'bad-value', 'bad port number', arg);
  }
  if (!at(e.release, '7.7')) return undefined;
  const kw = e.args.next();
  if (kw) {
    const name = e.args.next();
    if (kw.value !== 'rdomain' || name === undefined) return fail(e, 'bad-value', 'bad ListenAddress syntax', kw);
    if (!validRdomain(name.value, e)) return fail(e, 'bad-value', 'bad routing domain', name);
  }
  return undefined;
}

/** `valid_rdomain()`: OpenBSD: a routing table number 0..255; elsewhere never. */
function validRdomain(name: string, e: Env): boolean {
  if (!e.ctx.build.features.has('rdomain')) return false;
  return 'value' in strtonum(name, 0, 255);
}

function maxStartups(e: Env): Outcome {
  const arg = e.args.next();
  const modern = at(e.release, '8.7');
  if (missing(arg)) return fail(e, 'no-argument', modern ? `${e.kw} missing argument.` : 'Missing MaxStartups spec.', arg);
  const bad = fail(e, 'bad-value', modern ? `Invalid ${e.kw} spec.` : 'Illegal MaxStartups spec.', arg);
  const { n, values } = sscanfInts(arg!.value, 3);
  let begin: number;
  let full: number;
  if (n === 3) {
    const [b, rate, f] = values as [number, number, number];
    if (b > f || rate > 100 || rate < 1) return bad;
    begin = b;
    full = f;
  } else if (n === 1) {
    begin = full = values[0]!;
  } else {
    return bad;
  }
  if (at(e.release, '9.2') && (full <= 0 || begin <= 0)) return bad;
  return undefined;
}

function perSourceNetBlockSize(e: Env): Outcome {
  const arg = e.args.next();
  const modern = at(e.release, '8.7');
  if (missing(arg)) return fail(e, 'no-argument', modern ? `${e.kw} missing argument.` : 'Missing PerSourceNetBlockSize spec.', arg);
  const { n, values } = sscanfInts(arg!.value, 2);
  let ok = n === 1 || n === 2;
  if (n === 2 && (values[1]! < 0 || values[1]! > 128)) ok = false;
  if ((n === 1 || n === 2) && (values[0]! < 0 || values[0]! > 32)) ok = false;
  if (!ok) return fail(e, 'bad-value', modern ? `Invalid ${e.kw} spec.` : `Invalid PerSourceNetBlockSize spec ${arg!.value}.`, arg);
  return undefined;
}

function perSourcePenalties(e: Env): Outcome {
  let count = 0;
  const timeItems = ['crash', 'authfail', 'noauth', 'grace-exceeded', 'max', 'min'];
  if (at(e.release, '9.9')) timeItems.push('refuseconnection');
  if (at(e.release, '10.3')) timeItems.push('invaliduser');
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    count++;
    const v = arg.value;
    const lower = v.toLowerCase();
    if (lower === 'yes' || lower === 'no') {
      if (e.args.remaining > 0) return fail(e, 'bad-value', `keyword ${e.kw} "${v}" argument must appear alone.`, arg);
      continue;
    }
    const colon = v.indexOf(':');
    const item = colon === -1 ? '' : v.slice(0, colon);
    const value = colon === -1 ? '' : v.slice(colon + 1);
    if (colon !== -1 && timeItems.includes(item)) {
      const ok = at(e.release, '10.3') ? convtimeDouble(value) >= 0 : convtime(value, e.release) >= 0;
      if (!ok) return fail(e, 'bad-value', `invalid ${e.kw} time value.`, arg);
      continue;
    }
    if (colon !== -1 && (item === 'max-sources4' || item === 'max-sources6')) {
      const r = atoiErr(value);
      if ('error' in r) return fail(e, 'bad-value', `${e.kw} value ${r.error}.`, arg);
      continue;
    }
    if (['overflow:deny-all', 'overflow:permissive', 'overflow6:deny-all', 'overflow6:permissive'].includes(v)) continue;
    return fail(e, 'bad-value', `unsupported ${e.kw} keyword ${v}`, arg);
  }
  if (count === 0) return fail(e, 'no-argument', `no ${e.kw} specified`);
  return undefined;
}

function addressList(e: Env): Outcome {
  const arg = e.args.next();
  if (missing(arg)) return fail(e, 'no-argument', 'missing argument.', arg);
  if (matchAddressList(null, arg!.value, e.release) !== 0) return fail(e, 'bad-value', `keyword ${e.kw} invalid address argument.`, arg);
  return undefined;
}

function hostPort(value: string, listen: boolean): { host?: string; port: string | null } | undefined {
  if (listen && !value.includes(':')) return { port: value };
  const hp = hpdelim(value);
  if (!hp) return undefined;
  return { host: cleanhostname(hp.host), port: hp.rest };
}

function permitOpenPort(p: string, release: Release): boolean {
  return p === '*' || a2port(p, release) > 0;
}

function permitOpen(e: Env, listen: boolean): Outcome {
  const modern = at(e.release, '8.7');
  const missingHost = () => (modern ? `${e.kw} missing host` : `missing host in ${e.k.name}`);
  const badPort = () => (modern ? `${e.kw} bad port number` : `bad port number in ${e.k.name}`);
  const checkItem = (arg: ConfigArg): Outcome => {
    const hp = hostPort(arg.value, listen);
    if (!hp) return fail(e, 'bad-value', missingHost(), arg);
    if (hp.port === null || !permitOpenPort(hp.port, e.release)) return fail(e, 'bad-value', badPort(), arg);
    return undefined;
  };
  if (at(e.release, '9.7')) {
    let count = 0;
    for (let arg = e.args.next(); arg; arg = e.args.next()) {
      if (arg.value === 'any' || arg.value === 'none') {
        if (count !== 0) return fail(e, 'bad-value', `${arg.value} must appear alone on a ${e.kw} line.`, arg);
        count++;
        continue;
      }
      const p = checkItem(arg);
      if (p) return p;
      count++;
    }
    if (count === 0) return fail(e, 'no-argument', `${e.kw} missing argument.`);
    return undefined;
  }
  const first = e.args.next();
  if (missing(first)) return fail(e, 'no-argument', modern ? `${e.kw} missing argument.` : `missing ${e.k.name} specification`, first);
  if (first!.value === 'any' || first!.value === 'none') return undefined;
  for (let arg: ConfigArg | undefined = first; arg && arg.value !== ''; arg = e.args.next()) {
    const p = checkItem(arg);
    if (p) return p;
  }
  return undefined;
}

function permitRemoteOpen(e: Env): Outcome {
  let count = 0;
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    const lower = arg.value.toLowerCase();
    if (lower === 'none' || lower === 'any') {
      if (count > 0 || e.args.remaining > 0) return fail(e, 'bad-value', `keyword ${e.kw} "${arg.value}" argument must appear alone.`, arg, e.valueSeverity);
    } else {
      const hp = hpdelim(arg.value);
      if (!hp) return fail(e, 'bad-value', 'missing host in permitremoteopen', arg, e.severity('invalid-value'));
      if (hp.rest === null || (hp.rest !== '*' && a2port(hp.rest, e.release) <= 0)) {
        return fail(e, 'bad-value', 'bad port number in permitremoteopen', arg, e.severity('invalid-value'));
      }
    }
    count++;
  }
  if (count === 0) return fail(e, 'no-argument', 'missing permitremoteopen specification', undefined, 'fatal');
  return undefined;
}

const AUTH_METHODS = ['none', 'publickey', 'password', 'keyboard-interactive', 'hostbased'];

/** `auth2_methods_valid(list, 0)`: the complaint, or undefined. */
export function authMethodListError(list: string, build: BuildProfile): string | undefined {
  if (list === '') return 'empty authentication method list';
  const known = [...AUTH_METHODS];
  if (build.features.has('gssapi')) known.push('gssapi-with-mic');
  // Debian's gssapi.patch adds the key-exchange method.
  if (build.features.has('gssapi') && build.features.has('debian-patches')) known.push('gssapi-keyex');
  for (const raw of list.split(',')) {
    const method = raw.split(':')[0]!;
    if (!known.includes(method)) return `Unknown authentication method "${method}" in list`;
  }
  return undefined;
}

function authenticationMethods(e: Env): Outcome {
  const modern = at(e.release, '8.7');
  const already = e.ctx.state?.authenticationMethodsSet === true;
  // ≤8.6: only the first line that sets the option is parsed at all.
  if (!modern && already) {
    e.args.consumeAll();
    return undefined;
  }
  const since97 = at(e.release, '9.7');
  // 8.7–9.6 test options->num_auth_methods, which this line itself grows when it is the
  // first (and active) one; 9.7+ count the words of this line.
  const stores = !already && !e.ctx.inMatch;
  let stored = since97 ? 0 : already ? 1 : 0;
  let seenAny = false;
  let parsed = 0;
  const anyAlone = modern ? `"any" must appear alone in ${e.kw}` : '"any" must appear alone in AuthenticationMethods';
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    if (!modern && arg.value === '') break;
    if (arg.value === 'any') {
      if (stored > 0) return fail(e, 'bad-value', anyAlone, arg);
      seenAny = true;
    } else if (seenAny) {
      return fail(e, 'bad-value', anyAlone, arg);
    } else {
      const err = authMethodListError(arg.value, e.ctx.build);
      if (err) return fail(e, 'bad-value', `${err}; invalid ${modern ? e.kw : 'authentication'} method list.`, arg);
    }
    parsed++;
    if (since97 || stores) stored++;
  }
  if (parsed === 0) return fail(e, 'no-argument', modern ? `no ${e.kw} specified` : 'no AuthenticationMethods specified');
  return undefined;
}

function subsystem(e: Env): Outcome {
  const name = e.args.next();
  const modern = at(e.release, '8.7');
  if (at(e.release, '9.5')) {
    const command = e.args.next();
    if (missing(name) || missing(command)) return fail(e, 'no-argument', `${e.kw} missing argument.`, command ?? name);
    e.args.consumeAll();
    return undefined;
  }
  if (missing(name)) return fail(e, 'no-argument', modern ? `${e.kw} missing argument.` : 'Missing subsystem name.', name);
  if (e.ctx.inMatch) {
    // Not reached for a global-only keyword; kept for builds where it would be.
    e.args.next();
    return undefined;
  }
  if (e.ctx.state?.subsystems?.has(name!.value)) {
    return fail(e, 'bad-value', `Subsystem '${name!.value}' already defined.`, name, 'fatal');
  }
  const command = e.args.next();
  if (missing(command)) return fail(e, 'no-argument', 'Missing subsystem command.', command);
  e.args.consumeAll();
  return undefined;
}

function permitUserEnvironment(e: Env): Outcome {
  const arg = e.args.next();
  if (missing(arg)) return fail(e, 'no-argument', at(e.release, '8.7') ? `${e.kw} missing argument.` : 'PermitUserEnvironment missing argument.', arg);
  return undefined;
}

function pubkeyAuthOptions(e: Env): Outcome {
  const known = ['none', 'touch-required'];
  if (at(e.release, '8.4')) known.push('verify-required');
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    if (!at(e.release, '8.7') && arg.value === '') break;
    if (!known.includes(arg.value.toLowerCase())) return fail(e, 'bad-value', `unsupported ${e.kw} option ${arg.value}`, arg, e.severity('invalid-value'));
  }
  return undefined;
}

function octalMask(e: Env): Outcome {
  const arg = e.args.next();
  const sshd = e.program === 'sshd';
  if (missing(arg)) {
    return fail(e, 'no-argument', sshd ? (at(e.release, '8.7') ? `${e.kw} missing argument.` : 'missing StreamLocalBindMask argument.') : 'Missing StreamLocalBindMask argument.', arg);
  }
  const { value, end } = cStrtol(arg!.value, 8);
  if (end === 0 || value < 0n || value > 0o777n) {
    return fail(e, 'bad-value', sshd ? (at(e.release, '8.7') ? `Invalid ${e.kw}.` : 'Bad mask.') : 'Bad mask.', arg);
  }
  return undefined;
}

function rdomain(e: Env): Outcome {
  const arg = e.args.next();
  if (missing(arg)) return fail(e, 'no-argument', at(e.release, '8.7') ? `${e.kw} missing argument.` : 'Missing argument.', arg);
  const v = arg!.value;
  if (v.toLowerCase() !== 'none' && v !== '%D' && !validRdomain(v, e)) return fail(e, 'bad-value', 'invalid routing domain', arg);
  return undefined;
}

// ------------------------------------------------------------ ssh named kinds

const PATH_MAX_SUN = 108;
const NI_MAXHOST = 1025;

interface FwdField {
  arg: string;
  ispath: boolean;
}

/** `parse_forward()`: the number of fields parsed, 0 on error. */
export function parseForward(spec: string, dynamic: boolean, remote: boolean, release: Release): number {
  let p: string | null = spec;
  let i = 0;
  while (isCSpace(p[i])) i++;
  p = p.slice(i);
  const fields: FwdField[] = [];
  for (let n = 0; n < 4; n++) {
    if (p === null || p === '') {
      p = null;
      break;
    }
    let cp: string = p;
    if (cp.startsWith('[')) {
      let ep = 1;
      let ispath = false;
      while (ep < cp.length && cp[ep] !== ']') {
        if (cp[ep] === '/') ispath = true;
        ep++;
      }
      if (cp[ep] !== ']' || (cp[ep + 1] !== ':' && cp[ep + 1] !== undefined)) break;
      fields.push({ arg: cp.slice(1, ep), ispath });
      p = cp[ep + 1] === ':' ? cp.slice(ep + 2) : '';
      continue;
    }
    let out = '';
    let ispath = false;
    let j = 0;
    let done = false;
    let bad = false;
    for (; j < cp.length; j++) {
      const ch = cp[j]!;
      if (ch === '\\') {
        if (j + 1 >= cp.length) {
          bad = true;
          break;
        }
        j++;
        out += cp[j];
        // the escaped character is then examined by the switch on the next round in C only
        // when it is not consumed here; a backslash-escaped ':' or '/' is literal.
        continue;
      }
      if (ch === '/') ispath = true;
      if (ch === ':') {
        done = true;
        break;
      }
      out += ch;
    }
    if (bad) break;
    fields.push({ arg: out, ispath });
    p = done ? cp.slice(j + 1) : '';
    if (!done) {
      // cp reached the end: the next round sees "" and stops with p = NULL.
    }
  }
  if (p !== null && p !== '') return 0;
  const count = fields.length;
  const f = (k: number): FwdField => fields[k]!;
  let listenPort = 0;
  let listenPath: string | undefined;
  let listenHost: string | undefined;
  let connectHost: string | undefined;
  let connectPath: string | undefined;
  let connectPort = 0;
  const port = (s: string): number => a2port(s, release);
  switch (count) {
    case 1:
      if (f(0).ispath) {
        listenPath = f(0).arg;
        listenPort = -2;
      } else listenPort = port(f(0).arg);
      connectHost = 'socks';
      break;
    case 2:
      if (f(0).ispath && f(1).ispath) {
        listenPath = f(0).arg;
        listenPort = -2;
        connectPath = f(1).arg;
        connectPort = -2;
      } else if (f(1).ispath) {
        listenPort = port(f(0).arg);
        connectPath = f(1).arg;
        connectPort = -2;
      } else {
        listenHost = f(0).arg;
        listenPort = port(f(1).arg);
        connectHost = 'socks';
      }
      break;
    case 3:
      if (f(0).ispath) {
        listenPath = f(0).arg;
        listenPort = -2;
        connectHost = f(1).arg;
        connectPort = port(f(2).arg);
      } else if (f(2).ispath) {
        listenHost = f(0).arg;
        listenPort = port(f(1).arg);
        connectPath = f(2).arg;
        connectPort = -2;
      } else {
        listenPort = port(f(0).arg);
        connectHost = f(1).arg;
        connectPort = port(f(2).arg);
      }
      break;
    case 4:
      listenHost = f(0).arg;
      listenPort = port(f(1).arg);
      connectHost = f(2).arg;
      connectPort = port(f(3).arg);
      break;
    default:
      return 0;
  }
  if (dynamic) {
    if (!(count === 1 || count === 2)) return 0;
  } else {
    if (!(count === 3 || count === 4) && connectPath === undefined && listenPath === undefined) return 0;
    if (connectPort <= 0 && connectPath === undefined) return 0;
  }
  if ((listenPort < 0 && listenPath === undefined) || (!remote && listenPort === 0)) return 0;
  if (connectHost !== undefined && connectHost.length >= NI_MAXHOST) return 0;
  if (connectPath !== undefined && connectPath.length >= PATH_MAX_SUN) return 0;
  if (listenHost !== undefined && listenHost.length >= NI_MAXHOST) return 0;
  if (listenPath !== undefined && listenPath.length >= PATH_MAX_SUN) return 0;
  return count;
}

function forward(e: Env, kind: 'forward-local' | 'forward-remote' | 'forward-dynamic'): Outcome {
  const arg = e.args.next();
  if (missing(arg)) return fail(e, 'no-argument', 'Missing argument.', arg);
  const remote = kind === 'forward-remote';
  let dynamic = kind === 'forward-dynamic';
  let spec = arg!.value;
  let range = arg!.range;
  if (!dynamic) {
    const arg2 = e.args.next();
    if (missing(arg2)) {
      if (remote && at(e.release, '7.6')) dynamic = true;
      else return fail(e, 'bad-value', 'Missing target argument.', arg2 ?? arg);
    } else {
      spec = `${arg!.value}:${arg2!.value}`.slice(0, 255); // snprintf into char fwdarg[256]
      range = { start: arg!.range.start, end: arg2!.range.end };
    }
  }
  if (dynamic) spec = arg!.value.slice(0, 255);
  const syntax = dollarSyntaxError(spec);
  if (syntax) return { code: 'bad-value', message: `${syntax}; Bad forwarding specification.`, range, severity: e.valueSeverity };
  // ${VAR} values are the environment's: their forwarding spec cannot be judged statically.
  if (hasDollarReference(spec)) return undefined;
  if (parseForward(spec, dynamic, remote, e.release) === 0) {
    return { code: 'bad-value', message: 'Bad forwarding specification.', range, severity: e.valueSeverity };
  }
  return undefined;
}

function escapeChar(e: Env): Outcome {
  const arg = e.args.next();
  if (missing(arg)) return fail(e, 'no-argument', 'Missing argument.', arg);
  const v = arg!.value;
  if (v === 'none') return undefined;
  // C works on bytes: a single character is one byte.
  const bytes = Buffer.from(v, 'utf8');
  if (bytes.length === 1) return undefined;
  if (bytes.length === 2 && bytes[0] === 0x5e && bytes[1]! >= 64 && bytes[1]! < 128) return undefined;
  return fail(e, 'bad-value', 'Bad escape character.', arg);
}

function controlPersist(e: Env): Outcome {
  const arg = e.args.next();
  if (missing(arg)) return fail(e, 'no-argument', 'Missing ControlPersist argument.', arg);
  const v = arg!.value;
  if (['no', 'false', 'yes', 'true'].includes(v)) return undefined;
  if (convtime(v, e.release) >= 0) return undefined;
  return fail(e, 'bad-value', 'Bad ControlPersist argument.', arg);
}

function a2tunValid(s: string): boolean {
  if (s.toLowerCase() === 'any') return true;
  return 'value' in strtonum(s, 0, 0x7fffffff - 2);
}

function tunnelDevice(e: Env): Outcome {
  const arg = e.args.next();
  if (missing(arg)) return fail(e, 'no-argument', 'Missing argument.', arg);
  const v = arg!.value;
  const colon = v.indexOf(':');
  const ok = colon === -1 ? a2tunValid(v) : a2tunValid(v.slice(0, colon)) && a2tunValid(v.slice(colon + 1));
  return ok ? undefined : fail(e, 'bad-value', 'Bad tun device.', arg);
}

function addKeysToAgent(e: Env): Outcome {
  const arg = e.args.next();
  if (!at(e.release, '8.4')) {
    return multistate(e, arg, ['true', 'false', 'yes', 'no', 'ask', 'confirm']);
  }
  const arg2 = e.args.next();
  const values = ['true', 'false', 'yes', 'no', 'ask', 'confirm'];
  const value = missing(arg) ? -1 : values.indexOf(arg!.value.toLowerCase());
  const prefix = missing(arg) ? 'missing argument.; ' : '';
  if (value === 5 && arg2 !== undefined) {
    if (convtime(arg2.value, e.release) === -1) return fail(e, 'bad-value', `${prefix}invalid time value.`, arg2);
    return undefined;
  }
  if (value === -1 && arg2 === undefined) {
    if (convtime(arg?.value, e.release) === -1) return fail(e, arg ? 'bad-value' : 'no-argument', `${prefix}unsupported option`, arg);
    return undefined;
  }
  if (value === -1 || arg2 !== undefined) return fail(e, 'bad-value', `${prefix}unsupported option`, arg2 ?? arg);
  return undefined;
}

function agentSocket(e: Env, arg: ConfigArg | undefined): Outcome {
  if (!at(e.release, '7.9')) return missing(arg) ? fail(e, 'no-argument', 'Missing argument.', arg) : undefined;
  if (missing(arg)) return fail(e, 'no-argument', 'Missing argument.', arg);
  const v = arg!.value;
  const syntax = dollarSyntaxError(v);
  if (syntax) return fail(e, 'bad-value', `${syntax}; Invalid environment expansion ${v}.`, arg);
  if (v[0] === '$' && v[1] !== '{' && !validEnvName(v.slice(1))) return fail(e, 'bad-value', `Invalid environment name ${v}.`, arg);
  return undefined;
}

function forwardAgent(e: Env): Outcome {
  const arg = e.args.next();
  if (missing(arg)) return fail(e, 'no-argument', 'missing argument.', arg);
  if (['yes', 'no', 'true', 'false'].includes(arg!.value.toLowerCase())) return undefined;
  return agentSocket(e, arg);
}

/** `parse_user_host_port(s)` syntax (no output). */
function userHostPortValid(s: string, release: Release): boolean {
  let rest = s;
  const atSign = rest.lastIndexOf('@');
  if (atSign !== -1) {
    if (atSign === 0) return false;
    rest = rest.slice(atSign + 1);
  }
  const hp = hpdelim(rest);
  if (!hp || hp.host === '') return false;
  if (hp.rest !== null && hp.rest !== '' && a2port(hp.rest, release) <= 0) return false;
  return true;
}

/** `parse_ssh_uri(s)`: 0 valid, 1 not an ssh:// URI, -1 invalid. */
function sshUri(s: string, release: Release): 0 | 1 | -1 {
  if (!s.startsWith('ssh://')) return 1;
  let tmp: string | null = s.slice(6);
  const atSign = tmp.indexOf('@');
  if (atSign !== -1) {
    let user = tmp.slice(0, atSign);
    const semi = user.indexOf(';');
    if (semi !== -1) user = user.slice(0, semi);
    if (user === '' || !urlDecodable(user)) return -1;
    tmp = tmp.slice(atSign + 1);
  }
  const hp = hpdelim2(tmp);
  if (!hp || hp.host === '') return -1;
  const hostName = cleanhostname(hp.host);
  if (validDomain(hostName) !== undefined) return -1;
  tmp = hp.rest;
  if (tmp !== null && tmp !== '') {
    if (hp.delim === ':') {
      const slash = tmp.indexOf('/');
      const portText = slash === -1 ? tmp : tmp.slice(0, slash);
      if (a2port(portText, release) <= 0) return -1;
      tmp = slash === -1 ? null : tmp.slice(slash + 1);
    }
    if (tmp !== null && tmp !== '') {
      if (!urlDecodable(tmp)) return -1;
      return -1; // a path is not allowed
    }
  }
  return 0;
}

function urlDecodable(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '%') {
      if (!/^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) return false;
      i += 2;
    }
  }
  return true;
}

/** `parse_jump()` syntax check of ProxyJump's text (after leading blanks and `=`). */
export function proxyJumpValid(s: string, release: Release): boolean {
  if (s.toLowerCase() === 'none') return true;
  let orig = s;
  if (at(release, '8.7')) {
    // 8.7+: a comment is cut off and trailing blanks trimmed. rtrim() up to 9.2 clears every
    // blank after the first character, so the text stops at the first blank past position 0.
    const hash = orig.indexOf('#');
    if (hash !== -1) orig = orig.slice(0, hash);
    if (at(release, '9.3')) {
      while (orig.length > 0 && isCSpace(orig[orig.length - 1])) orig = orig.slice(0, -1);
    } else {
      for (let i = orig.length - 1; i > 0; i--) if (isCSpace(orig[i])) orig = orig.slice(0, i);
    }
  }
  let sdup = orig;
  for (;;) {
    const comma = sdup.lastIndexOf(',');
    const cp = comma === -1 ? sdup : sdup.slice(comma + 1);
    if (comma !== -1) sdup = sdup.slice(0, comma);
    const r = sshUri(cp, release);
    if (r === -1 || (r === 1 && !userHostPortValid(cp, release))) return false;
    if (comma === -1) return true;
  }
}

function proxyJump(e: Env): Outcome {
  e.args.consumeAll();
  let i = 0;
  const str = e.d.rest;
  while (i < str.length && ' \t\r\n='.includes(str[i]!)) i++;
  const text = str.slice(i);
  if (!proxyJumpValid(text, e.release)) {
    return { code: 'bad-value', message: `Invalid ProxyJump "${text}"`, range: e.d.restRange, severity: e.valueSeverity };
  }
  return undefined;
}

function canonicalDomains(e: Env): Outcome {
  let count = 0;
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    if (arg.value === '' && at(e.release, '8.7') && !at(e.release, '9.7')) return fail(e, 'bad-value', `keyword ${e.kw} empty argument`, arg);
    if (at(e.release, '8.8') && arg.value.toLowerCase() === 'none') {
      if (count > 0 || e.args.remaining > 0) return fail(e, 'bad-value', `keyword ${e.kw} "none" argument must appear alone.`, arg);
    }
    count++;
    if (at(e.release, '7.7')) {
      const complaint = validDomain(arg.value);
      if (complaint) return fail(e, 'bad-value', complaint, arg);
    }
  }
  if (count === 0 && at(e.release, '9.7')) return fail(e, 'no-argument', `no ${e.kw} specified`, undefined, 'fatal');
  return undefined;
}

function permittedCnames(e: Env): Outcome {
  let count = 0;
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    const v = arg.value;
    if (at(e.release, '8.8') && v.toLowerCase() === 'none') {
      if (count > 0 || e.args.remaining > 0) return fail(e, 'bad-value', `keyword ${e.kw} "none" argument must appear alone.`, arg);
    } else if (v !== '*') {
      const colon = v.indexOf(':');
      if (colon === -1 || colon === v.length - 1) return fail(e, 'bad-value', `Invalid permitted CNAME "${v.toLowerCase()}"`, arg);
    }
    count++;
  }
  if (count === 0 && at(e.release, '9.7')) return fail(e, 'no-argument', `no ${e.kw} specified`, undefined, 'fatal');
  return undefined;
}

function knownHostsFiles(e: Env): Outcome {
  let count = 0;
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    if (at(e.release, '8.7')) {
      if (arg.value === '') return fail(e, 'bad-value', `keyword ${e.kw} empty argument`, arg);
      if (arg.value.toLowerCase() === 'none' && (count > 0 || e.args.remaining > 0)) {
        return fail(e, 'bad-value', `keyword ${e.kw} "none" argument must appear alone.`, arg);
      }
    } else if (arg.value === '') break;
    count++;
    // Only the line that stores the list counts its entries (SSH_MAX_HOSTS_FILES).
    const name = e.k.aliasOf ?? e.k.name;
    if (count > 32 && !e.ctx.state?.settled?.has(name)) return fail(e, 'bad-value', `too many ${e.kw} entries.`, arg);
  }
  return undefined;
}

function obscureKeystrokeTiming(e: Env): Outcome {
  let value: number | undefined;
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    if (value !== undefined) return fail(e, 'extra-arguments', 'invalid arguments', arg);
    const v = arg.value;
    if (v === 'yes' || v === 'true') value = 20;
    else if (v === 'no' || v === 'false') value = 0;
    else if (v.startsWith('interval:')) {
      const r = atoiErr(v.slice(9));
      if ('error' in r) return fail(e, 'bad-value', `integer value ${r.error}.`, arg);
      if (r.value <= 0 || r.value > 1000) return fail(e, 'bad-value', 'value out of range.', arg);
      value = r.value;
    } else return fail(e, 'bad-value', `unsupported argument "${v}"`, arg);
  }
  if (value === undefined) return fail(e, 'no-argument', 'missing argument');
  return undefined;
}

/**
 * The `Match` criteria grammar of sshd (servconf.c `match_cfg_line`) and ssh (readconf.c
 * `match_cfg_line`), and ssh's `Host` line, per release: what the parser rejects (and how),
 * and the criteria it reads, for the effective-config evaluator.
 *
 * How the line is split matters: up to 9.8 both parsers re-split the text after `Match`
 * with `strdelim()` (blanks, `=` and double quotes delimit; `#` only counts at the start of
 * a criterion), ignoring the argv split of the rest of the line; from 9.9 they walk the argv
 * words (quotes, escapes, a `#` word ends the line). Criteria are case-insensitive.
 *
 * sshd, `sshd -t` (no connection): every criterion but `all` (and 10.0+ `version`, which
 * compares with the running release) evaluates false, so a block is "active" only after
 * `Match all`. An invalid Address/LocalAddress list is fatal on its own; every other
 * rejection is logged and then fatal as "Bad Match condition".
 * ssh: a rejection is logged and counted ("Bad Match condition"), not fatal; `exec` runs
 * the command (the %-tokens are expanded first, an unknown one is fatal).
 */
import type { Range } from '../read-key.js';
import { isAtLeast, type Release } from '../../openssh/releases.js';
import type { Directive } from './config-model.js';
import type { ConfigProblem } from './directive-verdict.js';
import {
  a2port,
  matchPatternList,
  percentSyntaxError,
  sshReleaseString,
} from './openssh-values.js';
import { strdelim } from './tokenize-line.js';
import { addrMatchCidrListCheck, matchAddressList } from '../address-patterns.js';

export interface MatchCriterion {
  /** Lower-case criterion name as OpenSSH knows it: user, group, host, address, localaddress, localport, rdomain, invalid-user, version; ssh: canonical, final, exec, host, originalhost, user, localuser, localnetwork, tagged, command, sessiontype, version. */
  name: string;
  /** ssh only: written with a leading `!`. */
  negated?: true;
  /**
   * The argument split on commas (a pattern list; `!` kept on negated entries). Empty for
   * criteria without an argument (canonical, final, invalid-user). For ssh `Host` lines: the
   * words of the line, each one whole pattern (commas are not separators there).
   */
  patterns: string[];
  /** The argument as written (after unquoting), when the criterion has one. */
  value?: string;
}

export interface MatchCriteria {
  /** `Match all` (ssh: possibly negated, see `negatedAll`). */
  all?: true;
  /** ssh `Match !all`: never matches. */
  negatedAll?: true;
  criteria: MatchCriterion[];
}

export interface MatchContext {
  program: 'sshd' | 'ssh';
  release: Release;
}

export interface MatchValidation {
  /** The criteria read before any problem (complete when there is no problem). */
  criteria: MatchCriteria;
  problem?: ConfigProblem;
  /**
   * sshd: whether the block is active while `sshd -t` parses (no connection): true for
   * `Match all` and for 10.0+ `Match version` lists that match the release itself.
   */
  activeWithoutConnection: boolean;
}

interface Word {
  text: string;
  /** Where the word is in the line, when known. */
  range?: Range;
}

/** The words match_cfg_line sees, and whether the strdelim walk left text unconsumed. */
function matchWords(directive: Directive, release: Release): { words: Word[]; leftover: boolean } {
  if (isAtLeast(release, '9.9')) {
    return { words: directive.args.map((a) => ({ text: a.value, range: a.range })), leftover: false };
  }
  // strdelim over the text after the keyword; the loop stops at an empty token.
  const words: Word[] = [];
  const { rest, restRange } = directive;
  for (let at = 0; ; ) {
    const t = strdelim(rest, at);
    if (!t) return { words, leftover: false };
    words.push({ text: t.token, range: { start: restRange.start + t.range.start, end: restRange.start + t.range.end } });
    if (t.next === -1) return { words, leftover: false };
    if (t.token === '') return { words, leftover: t.next < rest.length };
    at = t.next;
  }
}

/** A cursor over match words with the loop semantics of the C (NULL / "" / "#"). */
class Words {
  private i = 0;
  constructor(
    private readonly words: Word[],
    private readonly strdelimMode: boolean,
  ) {}
  next(): Word | undefined {
    const w = this.words[this.i];
    if (w === undefined) return undefined;
    this.i++;
    return w;
  }
  /** In strdelim mode an empty token ends the walk (`*attrib != '\0'`). */
  get stopsAtEmpty(): boolean {
    return this.strdelimMode;
  }
  consumeAll(): void {
    this.i = this.words.length;
  }
  get remaining(): number {
    return this.words.length - this.i;
  }
}

const SSHD_CRITERIA_ARG = ['user', 'group', 'host', 'address', 'localaddress', 'localport', 'rdomain'];

function problem(message: string, severity: 'fatal' | 'error', range?: Range, code: ConfigProblem['code'] = 'bad-match'): ConfigProblem {
  return range ? { code, message, severity, range } : { code, message, severity };
}

function splitPatterns(value: string): string[] {
  return value.split(',');
}

/**
 * Validates a `Match` line (sshd or ssh, per `context.program`). `directive.args` and
 * `directive.rest` are the tokenizer's; the release decides which of them the parser uses.
 */
export function validateMatch(directive: Directive, context: MatchContext): MatchValidation {
  return context.program === 'sshd' ? validateSshdMatch(directive, context.release) : validateSshMatch(directive, context.release);
}

/** What both parsers start from: the words, an empty result, and how a bad line is reported (sshd: fatal; ssh: an error). */
function startMatch(directive: Directive, release: Release, severity: 'fatal' | 'error') {
  const criteria: MatchCriteria = { criteria: [] };
  const { words: list, leftover } = matchWords(directive, release);
  const words = new Words(list, !isAtLeast(release, '9.9'));
  const bad = (message: string, range?: Range): MatchValidation => ({
    criteria,
    problem: problem(`${message}; Bad Match condition`, severity, range),
    activeWithoutConnection: false,
  });
  return { criteria, words, leftover, bad };
}

function validateSshdMatch(directive: Directive, release: Release): MatchValidation {
  const { criteria, words, leftover, bad } = startMatch(directive, release, 'fatal');
  let attributes = 0;
  let active = true;
  for (;;) {
    const attrib = words.next();
    if (!attrib || (words.stopsAtEmpty && attrib.text === '')) break;
    if (attrib.text.startsWith('#')) {
      words.consumeAll();
      break;
    }
    attributes++;
    const lower = attrib.text.toLowerCase();
    if (lower === 'all') {
      const arg = words.next();
      if (attributes > 1 || (arg !== undefined && arg.text !== '' && !arg.text.startsWith('#'))) {
        return bad("'all' cannot be combined with other Match attributes", attrib.range);
      }
      if (arg?.text.startsWith('#')) words.consumeAll();
      criteria.all = true;
      return finish(criteria, true, words, leftover, directive);
    }
    if (lower === 'invalid-user' && isAtLeast(release, '9.9')) {
      criteria.criteria.push({ name: 'invalid-user', patterns: [] });
      active = false;
      continue;
    }
    let name = lower;
    let value: string | undefined;
    let valueRange = attrib.range;
    const eq = attrib.text.indexOf('=');
    const prefixed =
      isAtLeast(release, '10.0') && eq > 0 && [...SSHD_CRITERIA_ARG, 'version'].includes(attrib.text.slice(0, eq).toLowerCase());
    if (prefixed) {
      name = attrib.text.slice(0, eq).toLowerCase();
      value = attrib.text.slice(eq + 1);
    } else {
      const arg = words.next();
      value = arg?.text;
      valueRange = arg?.range ?? attrib.range;
    }
    if (value === undefined || value === '' || value.startsWith('#')) {
      return bad(`Missing Match criteria for ${prefixed ? attrib.text.slice(0, eq) : attrib.text}`, attrib.range);
    }
    switch (name) {
      case 'user':
      case 'group':
      case 'host':
      case 'rdomain':
        break;
      case 'address':
      case 'localaddress':
        if (matchAddressList(null, value, release) !== 0) {
          const what = name === 'address' ? 'address' : 'localaddress';
          return {
            criteria,
            problem: problem(`Invalid Match ${what} argument '${value}' at line ${directive.line.number}`, 'fatal', valueRange),
            activeWithoutConnection: false,
          };
        }
        break;
      case 'localport':
        if (a2port(value, release) === -1) return bad(`Invalid LocalPort '${value}' on Match line`, valueRange);
        break;
      case 'version':
        if (isAtLeast(release, '10.0')) {
          if (matchPatternList(sshReleaseString(release), value) !== 1) active = false;
          criteria.criteria.push({ name, patterns: splitPatterns(value), value });
          continue;
        }
        return bad(`Unsupported Match attribute ${attrib.text}`, attrib.range);
      default:
        return bad(`Unsupported Match attribute ${attrib.text}`, attrib.range);
    }
    criteria.criteria.push({ name, patterns: splitPatterns(value), value });
    active = false;
  }
  if (attributes === 0) return bad('One or more attributes required for Match', directive.keywordRange);
  return finish(criteria, active, words, leftover, directive);
}

/** The "extra arguments" check after match_cfg_line returns. */
function finish(criteria: MatchCriteria, active: boolean, words: Words, leftover: boolean, directive: Directive): MatchValidation {
  if (leftover || words.remaining > 0) {
    return {
      criteria,
      problem: problem(`keyword ${directive.keyword} extra arguments at end of line`, 'error', directive.restRange, 'extra-arguments'),
      activeWithoutConnection: active,
    };
  }
  return { criteria, activeWithoutConnection: active };
}

const SSH_PREFIXABLE = ['host', 'originalhost', 'user', 'localuser', 'localnetwork', 'version', 'tagged', 'command', 'exec'];

/** `%` tokens `Match exec` offers. */
function execTokens(release: Release): string {
  return isAtLeast(release, '9.6') ? 'CLdhklnpruij' : 'CLdhklnpru' + (isAtLeast(release, '8.4') ? 'i' : '');
}

function sshCriterionKnown(name: string, release: Release): boolean {
  switch (name) {
    case 'host':
    case 'originalhost':
    case 'user':
    case 'localuser':
    case 'exec':
      return true;
    case 'localnetwork':
    case 'tagged':
      return isAtLeast(release, '9.4');
    case 'command':
    case 'version':
    case 'sessiontype':
      return isAtLeast(release, '10.0');
    default:
      return false;
  }
}

function validateSshMatch(directive: Directive, release: Release): MatchValidation {
  const { criteria, words, leftover, bad } = startMatch(directive, release, 'error');
  let attributes = 0;
  for (;;) {
    const attrib = words.next();
    if (!attrib || (words.stopsAtEmpty && attrib.text === '')) break;
    if (attrib.text.startsWith('#')) {
      words.consumeAll();
      break;
    }
    const negated = attrib.text.startsWith('!');
    const text = negated ? attrib.text.slice(1) : attrib.text;
    const lower = text.toLowerCase();
    if (lower === 'all') {
      const arg = words.next();
      if (attributes > 1 || (arg !== undefined && arg.text !== '' && !arg.text.startsWith('#'))) {
        return bad(`'${attrib.text}' cannot be combined with other Match attributes`, attrib.range);
      }
      if (arg?.text.startsWith('#')) words.consumeAll();
      if (negated) criteria.negatedAll = true;
      else criteria.all = true;
      return finish(criteria, false, words, leftover, directive);
    }
    attributes++;
    if (lower === 'canonical' || lower === 'final') {
      criteria.criteria.push(negated ? { name: lower, negated: true, patterns: [] } : { name: lower, patterns: [] });
      continue;
    }
    let name = lower;
    let value: string | undefined;
    let valueRange = attrib.range;
    const eq = text.indexOf('=');
    const prefixed = isAtLeast(release, '10.0') && eq > 0 && SSH_PREFIXABLE.includes(text.slice(0, eq).toLowerCase());
    if (prefixed) {
      name = text.slice(0, eq).toLowerCase();
      value = text.slice(eq + 1);
    } else {
      const arg = words.next();
      if (arg === undefined && isAtLeast(release, '10.0')) {
        return bad(`missing argument for Match '${attrib.text}'`, attrib.range);
      }
      value = arg?.text;
      valueRange = arg?.range ?? attrib.range;
    }
    const emptyAllowed = isAtLeast(release, '10.0') && (name === 'tagged' || name === 'command');
    if (value === undefined || (value === '' && !emptyAllowed) || value.startsWith('#')) {
      return bad(`Missing Match criteria for ${prefixed ? text.slice(0, eq) : text}`, attrib.range);
    }
    if (!sshCriterionKnown(name, release)) return bad(`Unsupported Match attribute ${text}`, attrib.range);
    if (name === 'localnetwork') {
      const complaint = addrMatchCidrListCheck(value, release);
      if (complaint) return bad(complaint, valueRange);
    }
    if (name === 'exec') {
      const complaint = percentSyntaxError(value, execTokens(release));
      if (complaint) {
        return {
          criteria,
          problem: problem(`${complaint}; percent_expand: failed`, 'fatal', valueRange),
          activeWithoutConnection: false,
        };
      }
    }
    const entry: MatchCriterion = { name, patterns: name === 'exec' ? [value] : splitPatterns(value), value };
    if (negated) entry.negated = true;
    criteria.criteria.push(entry);
  }
  if (attributes === 0) return bad('One or more attributes required for Match', directive.keywordRange);
  return finish(criteria, false, words, leftover, directive);
}

/**
 * ssh `Host` line: any patterns; an empty ("") word is an error (8.7+; before that an
 * empty word silently ended the list). Each word is one `match_pattern()` pattern, `!`
 * negating; the block applies when some positive pattern matches and no negated one does.
 */
export function validateSshHost(directive: Directive, context: MatchContext): MatchValidation {
  const patterns: string[] = [];
  for (const arg of directive.args) {
    if (arg.value === '') {
      if (isAtLeast(context.release, '8.7')) {
        return {
          criteria: { criteria: [{ name: 'host', patterns }] },
          problem: problem(`keyword ${directive.keyword.toLowerCase()} empty argument`, 'error', arg.range, 'bad-match'),
          activeWithoutConnection: false,
        };
      }
      break;
    }
    patterns.push(arg.value);
  }
  return { criteria: { criteria: [{ name: 'host', patterns }] }, activeWithoutConnection: false };
}

/**
 * One line of sshd_config / ssh_config, split exactly as OpenSSH splits it: the keyword by
 * `strdelim()` (blanks, a double quote, or a single `=`), the arguments by `argv_split()`
 * (double or single quotes group, `\"` `\'` `\\` and `\ ` escape, a `#` starting a token
 * ends the line). Ranges point into the line as written, for exact finding positions.
 */
import type { Range } from '../read-key.js';

export interface ConfigArg {
  /** The argument with quotes and escapes removed. */
  value: string;
  /** Where it is written, quotes included. */
  range: Range;
}

export type TokenizedLine =
  | { kind: 'empty' }
  | { kind: 'directive'; keyword: string; keywordRange: Range; args: ConfigArg[]; /** Text after the keyword and separator, for keywords that take the rest of the line. */ rest: string; restRange: Range }
  | { kind: 'no-argument'; keyword: string; keywordRange: Range }
  | { kind: 'invalid-quotes'; keyword: string; keywordRange: Range; quoteStart: number };

const BLANKS = ' \t\r\n';
const TRAILING = ' \t\r\n\f';

function isIn(set: string, ch: string | undefined): boolean {
  return ch !== undefined && set.includes(ch);
}

/** `strdelim` with split_equals from `from`: the token, and where the rest starts (-1: no rest; null: an unmatched quote, where OpenSSH returns NULL). */
export function strdelim(line: string, from: number): { token: string; range: Range; next: number } | null {
  let i = from;
  while (i < line.length && !isIn(BLANKS, line[i]) && line[i] !== '"' && line[i] !== '=') i++;
  if (i >= line.length) return { token: line.slice(from), range: { start: from, end: line.length }, next: -1 };
  if (line[i] === '"') {
    // The quote is removed and the token runs to the next quote: `Foo"bar" x` gives `Foobar`.
    const close = line.indexOf('"', i + 1);
    if (close === -1) return null;
    let next = close + 1;
    while (isIn(BLANKS, line[next])) next++;
    return { token: line.slice(from, i) + line.slice(i + 1, close), range: { start: from, end: close + 1 }, next };
  }
  const sawEquals = line[i] === '=';
  let next = i + 1;
  while (isIn(BLANKS, line[next])) next++;
  // Only one `=` may separate keyword and value: `Port = 22` and `Port=22`, not `Port==22`.
  if (!sawEquals && line[next] === '=') {
    next++;
    while (isIn(BLANKS, line[next])) next++;
  }
  return { token: line.slice(from, i), range: { start: from, end: i }, next };
}

/** `argv_split(…, terminate_on_comment = 1)`. Undefined when a quote is never closed. */
export function splitArguments(line: string, from: number): { args: ConfigArg[] } | { unclosedQuote: number } {
  const args: ConfigArg[] = [];
  let i = from;
  while (i < line.length) {
    if (line[i] === ' ' || line[i] === '\t') {
      i++;
      continue;
    }
    if (line[i] === '#') break;
    const start = i;
    let quote: string | undefined;
    let quoteStart = -1;
    let value = '';
    for (; i < line.length; i++) {
      const ch = line[i]!;
      const nextCh = line[i + 1];
      if (ch === '\\') {
        if (nextCh === "'" || nextCh === '"' || nextCh === '\\' || (quote === undefined && nextCh === ' ')) i++;
        value += line[i];
      } else if (quote === undefined && (ch === ' ' || ch === '\t')) {
        break;
      } else if (quote === undefined && (ch === '"' || ch === "'")) {
        quote = ch;
        quoteStart = i;
      } else if (quote !== undefined && ch === quote) {
        quote = undefined;
      } else {
        value += ch;
      }
    }
    if (quote !== undefined) return { unclosedQuote: quoteStart };
    args.push({ value, range: { start, end: i } });
  }
  return { args };
}

/**
 * Up to OpenSSH 8.6 every argument was taken with `strdelim()` too: `=` splits words, only
 * double quotes group, `#` after the keyword is an ordinary word, and a missing argument is
 * left to each keyword's own handler ("missing argument").
 */
function splitArgumentsLegacy(line: string, from: number): ConfigArg[] {
  const args: ConfigArg[] = [];
  let at = from;
  while (at !== -1 && at < line.length) {
    const token = strdelim(line, at);
    if (!token) break; // an unmatched quote ends the line
    args.push({ value: token.token, range: token.range });
    at = token.next;
  }
  return args;
}

/**
 * Tokenizes one line; both programs strip trailing blanks and form feeds, and skip leading
 * blanks. `legacy` selects the tokenizer of OpenSSH 8.6 and older.
 */
export function tokenizeConfigLine(raw: string, legacy = false): TokenizedLine {
  let end = raw.length;
  while (end > 0 && isIn(TRAILING, raw[end - 1])) end--;
  const line = raw.slice(0, end);
  let start = 0;
  while (isIn(' \t\r', line[start])) start++;
  if (start >= line.length) return { kind: 'empty' };
  const first = strdelim(line, start);
  if (!first) return { kind: 'empty' }; // an unmatched quote in the keyword: OpenSSH ignores the line
  if (first.token === '' || first.token.startsWith('#')) return { kind: 'empty' };
  const keyword = first.token;
  const keywordRange = first.range;
  const restStart = first.next === -1 ? line.length : first.next;
  if (legacy) {
    return { kind: 'directive', keyword, keywordRange, args: splitArgumentsLegacy(line, restStart), rest: line.slice(restStart), restRange: { start: restStart, end: line.length } };
  }
  if (first.next === -1 || first.next >= line.length) return { kind: 'no-argument', keyword, keywordRange };
  const split = splitArguments(line, first.next);
  if ('unclosedQuote' in split) return { kind: 'invalid-quotes', keyword, keywordRange, quoteStart: split.unclosedQuote };
  return { kind: 'directive', keyword, keywordRange, args: split.args, rest: line.slice(first.next), restRange: { start: first.next, end: line.length } };
}

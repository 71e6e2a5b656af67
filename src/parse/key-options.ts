/**
 * authorized_keys options, parsed as OpenSSH's `sshauthopt_parse()` (auth-options.c) and the
 * `opt_flag`/`opt_match`/`opt_dequote` helpers (misc.c) do: names case-insensitive, valued
 * options `name="..."` with `\"` the only escape, comma-separated, ending at a space or tab.
 * Any error makes sshd skip the whole line.
 */
import { NEWEST_KNOWN_VERSION, atLeast, formatVersion, type OpenSSHVersion } from '../core/version.js';
import type { Release } from '../openssh/releases.js';
import { a2port, hpdelim2 } from './config/openssh-values.js';
import { isBlank, type Range } from './read-key.js';

/** Flags that take a `no-` form (restrict and cert-authority do not). */
const NEGATABLE_FLAGS = [
  'port-forwarding',
  'agent-forwarding',
  'x11-forwarding',
  'touch-required',
  'verify-required',
  'pty',
  'user-rc',
] as const;
/** Valued options in the order sshd tries them. */
const VALUED = ['command', 'principals', 'from', 'expiry-time', 'environment', 'permitopen', 'permitlisten', 'tunnel'] as const;
export const KNOWN_OPTION_NAMES: readonly string[] = [
  'restrict',
  'cert-authority',
  ...NEGATABLE_FLAGS,
  ...NEGATABLE_FLAGS.map((flag) => `no-${flag}`),
  ...VALUED,
];

const ENV_MAX = 1024; // SSH_AUTHOPT_ENV_MAX
const PERMIT_MAX = 4096; // SSH_AUTHOPT_PERMIT_MAX
const TUNID_MAX = 0x7fffffff - 2; // SSH_TUNID_MAX
const NI_MAXHOST = 1025;

export interface KeyOption {
  /** Lower-case name without `no-`, e.g. `pty`, `command`. */
  name: string;
  negated: boolean;
  /** Dequoted value of a valued option. */
  value?: string;
  /** The whole option text, e.g. `command="x"`. */
  range: Range;
  valueRange?: Range;
}

export type OptionErrorCode =
  | 'unknown-option'
  | 'missing-start-quote'
  | 'missing-end-quote'
  | 'multiple-clauses'
  | 'invalid-expiry-time'
  | 'invalid-environment'
  | 'invalid-permit'
  | 'invalid-tunnel'
  | 'end-of-options'
  | 'too-many';

export interface OptionError {
  code: OptionErrorCode;
  /** sshd's own words, as in its debug log ("bad key options: …"). */
  sshdMessage: string;
  range: Range;
  /** The option concerned, when there is one. */
  option?: string;
}

export type OptionsResult = { ok: true; options: KeyOption[] } | { ok: false; error: OptionError; options: KeyOption[] };

/** `strncasecmp(text + at, word, strlen(word)) == 0` for a lower-case `word`: ASCII letters only fold. */
function startsWithIgnoreCase(text: string, at: number, word: string): boolean {
  if (at + word.length > text.length) return false;
  for (let i = 0; i < word.length; i++) {
    const c = text.charCodeAt(at + i);
    if ((c >= 0x41 && c <= 0x5a ? c + 0x20 : c) !== word.charCodeAt(i)) return false;
  }
  return true;
}

/** `opt_dequote`: a double-quoted value starting at `at`. */
function dequote(text: string, at: number): { value: string; end: number } | { error: 'missing-start-quote' | 'missing-end-quote' } {
  if (text[at] !== '"') return { error: 'missing-start-quote' };
  // Runs between escapes are sliced, not built a character at a time: the values stay in the
  // model, and a string grown by += is a chain of pieces many times its length.
  const runs: string[] = [];
  let runStart = at + 1;
  let i = at + 1;
  while (i < text.length && text[i] !== '"') {
    if (text[i] === '\\' && text[i + 1] === '"') {
      runs.push(text.slice(runStart, i));
      runStart = ++i;
    }
    i++;
  }
  if (i >= text.length) return { error: 'missing-end-quote' };
  runs.push(text.slice(runStart, i));
  return { value: runs.join(''), end: i + 1 };
}

/** Parses the options that start at `start` in `text` (the rest of the line follows them). */
/** Options newer than the target release are unknown options there (auth-options.c history). */
const OPTION_SINCE: Readonly<Record<string, string>> = {
  'expiry-time': '7.7',
  permitlisten: '7.8',
  'touch-required': '8.2',
  'verify-required': '8.4',
};

function optionKnown(name: string, version: OpenSSHVersion): boolean {
  const since = OPTION_SINCE[name];
  return since === undefined || atLeast(version, since);
}

export function parseKeyOptions(text: string, start: number, version: OpenSSHVersion = NEWEST_KNOWN_VERSION): OptionsResult {
  const options: KeyOption[] = [];
  const seen = new Set<string>();
  // sshd counts distinct environment names (a repeated name is dropped: first match wins), and
  // permitopen and permitlisten each in their own list (sshauthopt_parse, handle_permit).
  const envNames = new Set<string>();
  const permitCounts = { permitopen: 0, permitlisten: 0 };
  let at = start;
  const fail = (code: OptionErrorCode, sshdMessage: string, range: Range, option?: string): OptionsResult => ({
    ok: false,
    error: option === undefined ? { code, sshdMessage, range } : { code, sshdMessage, range, option },
    options,
  });

  while (at < text.length && !isBlank(text[at])) {
    const optStart = at;
    const flag = matchFlag(text, at, version);
    if (flag) {
      at = flag.end;
      options.push({ name: flag.name, negated: flag.negated, range: { start: optStart, end: at } });
    } else {
      const valued = VALUED.find((name) => startsWithIgnoreCase(text, at, name) && text[at + name.length] === '=' && optionKnown(name, version));
      if (valued) {
        const valueStart = at + valued.length + 1;
        if (valued === 'command' || valued === 'principals' || valued === 'from') {
          if (seen.has(valued)) {
            return fail('multiple-clauses', `multiple "${valued}" clauses`, { start: optStart, end: tokenEndOfOption(text, valueStart) }, valued);
          }
          seen.add(valued);
        }
        if (valued === 'environment' && envNames.size > ENV_MAX) {
          return fail('too-many', 'too many environment strings', { start: optStart, end: valueStart }, valued);
        }
        if ((valued === 'permitopen' || valued === 'permitlisten') && permitCounts[valued]++ > PERMIT_MAX) {
          return fail('too-many', 'too many permission directives', { start: optStart, end: valueStart }, valued);
        }
        const dq = dequote(text, valueStart);
        if ('error' in dq) {
          const message = dq.error === 'missing-start-quote' ? 'missing start quote' : 'missing end quote';
          return fail(dq.error, message, { start: optStart, end: tokenEndOfOption(text, valueStart) }, valued);
        }
        at = dq.end;
        const range = { start: optStart, end: at };
        const problem = validateValue(valued, dq.value, version);
        if (problem) return fail(problem.code, problem.message, range, valued);
        if (valued === 'environment') envNames.add(dq.value.slice(0, dq.value.indexOf('=')));
        options.push({ name: valued, negated: false, value: dq.value, range, valueRange: { start: valueStart, end: at } });
      }
    }
    if (at >= text.length || isBlank(text[at])) break;
    if (text[at] !== ',') {
      return fail('unknown-option', 'unknown key option', { start: optStart, end: tokenEndOfOption(text, at) });
    }
    at++;
    if (at >= text.length) return fail('end-of-options', 'unexpected end-of-options', { start: at - 1, end: at });
  }
  return { ok: true, options };
}

/** `opt_flag`: a prefix match, so `no-ptyx` matches `pty` and fails later on the `x`. */
function matchFlag(text: string, at: number, version: OpenSSHVersion): { name: string; negated: boolean; end: number } | undefined {
  for (const name of ['restrict', 'cert-authority']) {
    if (startsWithIgnoreCase(text, at, name)) return { name, negated: false, end: at + name.length };
  }
  const negated = startsWithIgnoreCase(text, at, 'no-');
  const from = negated ? at + 3 : at;
  for (const name of NEGATABLE_FLAGS) {
    if (startsWithIgnoreCase(text, from, name) && optionKnown(name, version)) return { name, negated, end: from + name.length };
  }
  return undefined;
}

/** End of the option's visible text, for pointing at it in a message. */
function tokenEndOfOption(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== ',' && !isBlank(text[i])) i++;
  return Math.max(i, from);
}

function validateValue(name: (typeof VALUED)[number], value: string, version: OpenSSHVersion): { code: OptionErrorCode; message: string } | undefined {
  switch (name) {
    case 'expiry-time':
      return parseExpiryTime(value) === undefined ? { code: 'invalid-expiry-time', message: 'invalid expires time' } : undefined;
    case 'environment': {
      const eq = value.indexOf('=');
      if (eq === -1 || !/^[A-Za-z0-9_]+$/.test(value.slice(0, eq))) {
        return { code: 'invalid-environment', message: 'invalid environment string' };
      }
      return undefined;
    }
    case 'permitopen':
    case 'permitlisten':
      return validatePermit(name === 'permitlisten' && !value.includes(':') ? `*:${value}` : value, version);
    case 'tunnel':
      return validTunnel(value) ? undefined : { code: 'invalid-tunnel', message: 'invalid tun device' };
    default:
      return undefined;
  }
}

/** `handle_permit`: `hpdelim2()` splits `host:port`; the port is `*` or what `a2port()` takes above 0 (a number, a TCP service name). */
function validatePermit(spec: string, version: OpenSSHVersion): { code: OptionErrorCode; message: string } | undefined {
  const parts = hpdelim2(spec);
  // strlen(host): bytes, not characters.
  if (!parts || Buffer.byteLength(parts.host) >= NI_MAXHOST) return { code: 'invalid-permit', message: 'invalid permission hostname' };
  const port = parts.rest;
  if (port === null || (port !== '*' && a2port(port, formatVersion(version) as Release) <= 0)) return { code: 'invalid-permit', message: 'invalid permission port' };
  return undefined;
}

/** What `strtonum` (strtoll, base 10) reads whole: C white space (not Unicode spaces), a sign, digits. */
const STRTONUM = /^[ \t\n\v\f\r]*[+-]?\d+$/;

function validTunnel(value: string): boolean {
  if (value.toLowerCase() === 'any') return true;
  if (!STRTONUM.test(value)) return false;
  const n = Number(value.trim());
  return n >= 0 && n <= TUNID_MAX;
}

/**
 * `parse_absolute_time` (misc.c): YYYYMMDD, YYYYMMDDHHMM or YYYYMMDDHHMMSS, optionally followed
 * by `Z` or `UTC`, read with glibc's `strptime("%Y-%m-%dT%H:%M:%S")`, whose numbers may start
 * with C white space and range over 0–9999 (year, so 0099 is the year 99), 1–12, 1–31, 0–23,
 * 0–59 and 0–61 (seconds); then `mktime`/`timegm`, which normalise (Feb 30 is Mar 2). Returns
 * seconds since the epoch (local times are read as UTC: the server's zone is unknown), or
 * undefined when sshd would reject it (also for times at or before the epoch).
 */
export function parseExpiryTime(value: string): number | undefined {
  let digits = value;
  if (digits.length > 1 && /z$/i.test(digits)) digits = digits.slice(0, -1);
  else if (digits.length > 3 && /utc$/i.test(digits)) digits = digits.slice(0, -3);
  if (![8, 12, 14].includes(digits.length)) return undefined;
  const fields: Array<[width: number, min: number, max: number]> = [[4, 0, 9999], [2, 1, 12], [2, 1, 31], [2, 0, 23], [2, 0, 59], [2, 0, 61]];
  const values: number[] = [];
  for (let at = 0, i = 0; at < digits.length; at += fields[i]![0], i++) {
    const [width, min, max] = fields[i]!;
    // get_number: skip white space, then digits up to the next separator.
    const match = /^[ \t\n\v\f\r]*(\d+)$/.exec(digits.slice(at, at + width));
    const n = match ? Number(match[1]) : NaN;
    if (!(n >= min && n <= max)) return undefined;
    values.push(n);
  }
  const [year, month, day, hour = 0, minute = 0, second = 0] = values;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year!, month! - 1, day!);
  date.setUTCHours(hour, minute, second);
  const seconds = date.getTime() / 1000;
  return seconds > 0 ? seconds : undefined;
}

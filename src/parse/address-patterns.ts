/**
 * The address side of a `from="…"` pattern list, as sshd reads it: `match_host_and_ip()`
 * (match.c) calls `addr_match_list()` (addrmatch.c), which splits the list with `strsep(",")`,
 * strips one leading `!`, and hands each entry to `addr_pton_cidr()` (addr.c). That returns
 *
 * -  0: a numeric address or CIDR network, matched by address;
 * - -1: not an address at all — the entry is then matched as a wildcard pattern (host names);
 * - -2: an address whose mask is impossible (`/33` on IPv4, host bits set: `10.0.0.1/8`).
 *
 * An empty entry or a -2 makes the whole list invalid: `match_host_and_ip` returns -1 and
 * sshd refuses the key from every address ("invalid from criteria"), even after another entry
 * matched. Addresses are read by `getaddrinfo(AI_NUMERICHOST)`; this module follows glibc's
 * (`inet_aton_exact` for IPv4, so `127.1` and `0x7f.1` are addresses; `inet_pton` for IPv6).
 *
 * VERSION NOTES — how the mask after `/` is read:
 * | < 9.1     | strtoul: leading blanks and a sign allowed; over 128 is "not an address" |
 * | 9.1–9.7   | must start with a digit; over 128 is "not an address"                  |
 * | 9.8+      | strtonum(0, INT_MAX): blanks and `+` allowed; 33–INT_MAX is an error    |
 */
import { compareReleases } from '../core/version.js';
import { pushAll } from '../core/collections.js';
import { matchPattern } from '../openssh/match.js';
import { cStrtol, strtonum } from './config/openssh-values.js';

export interface NumericAddress {
  family: 4 | 6;
  /** 4 or 16 bytes, network order. */
  bytes: Uint8Array;
}

/** `addr_pton_cidr()`'s verdict on one entry. */
export type CidrParse =
  | { kind: 'network'; address: NumericAddress; maskLength: number }
  | { kind: 'mask-too-long'; address: NumericAddress; maskLength: number }
  | { kind: 'host-bits'; address: NumericAddress; maskLength: number }
  /** sshd falls back to wildcard matching (host names, `192.168.*`). */
  | { kind: 'not-an-address' }
  /** Depends on the server: an IPv6 scope (`%eth0`) names one of its interfaces. */
  | { kind: 'unknown' };

export interface PatternEntry {
  /** The entry without its `!`. */
  text: string;
  negated: boolean;
  /** Offsets in the list, `!` included; end exclusive. */
  start: number;
  end: number;
}

export type PatternProblem =
  /** sshd: the whole list is invalid (`addr_match_list` returns -2). */
  | { code: 'empty'; entry: PatternEntry }
  | { code: 'mask-too-long'; entry: PatternEntry; family: 4 | 6; maskLength: number }
  | { code: 'host-bits'; entry: PatternEntry; maskLength: number; network: string; host: string }
  /** Valid for sshd, but a blank can never match an address or a host name. */
  | { code: 'blank'; entry: PatternEntry };

const INPUT_MAX = 63; // char addrbuf[64] with strlcpy
const INT_MAX = 2 ** 31 - 1;

/** `strsep(&list, ",")` plus the `!` that `addr_match_list` strips. */
export function splitPatternList(list: string): PatternEntry[] {
  const entries: PatternEntry[] = [];
  let start = 0;
  for (;;) {
    const comma = list.indexOf(',', start);
    const end = comma === -1 ? list.length : comma;
    const raw = list.slice(start, end);
    const negated = raw.startsWith('!');
    entries.push({ text: negated ? raw.slice(1) : raw, negated, start, end });
    if (comma === -1) return entries;
    start = comma + 1;
  }
}

/**
 * The problems in a `from=` list, in list order. Any problem other than `blank` makes sshd
 * refuse the key from every address.
 */
export function checkAddressPatternList(list: string, openssh: string): PatternProblem[] {
  const problems: PatternProblem[] = [];
  for (const entry of splitPatternList(list)) {
    if (entry.text === '') {
      problems.push({ code: 'empty', entry });
      continue;
    }
    const parsed = parseCidr(entry.text, openssh);
    if (parsed.kind === 'mask-too-long') {
      problems.push({ code: 'mask-too-long', entry, family: parsed.address.family, maskLength: parsed.maskLength });
    } else if (parsed.kind === 'host-bits') {
      const network = formatAddress(maskAddress(parsed.address, parsed.maskLength));
      problems.push({ code: 'host-bits', entry, maskLength: parsed.maskLength, network, host: formatAddress(parsed.address) });
    } else if (parsed.kind === 'not-an-address' && /[ \t]/.test(entry.text)) {
      problems.push({ code: 'blank', entry });
    }
  }
  return problems;
}

/**
 * `addr_match_list()` (addrmatch.c): 1 when an entry matches the address, -1 when a `!entry`
 * does (it wins), 0 when none does or the address is not one; -2 for an entry that is empty or
 * an inconsistent network (`/33`, host bits set), which makes sshd refuse the list. An entry
 * that is no address is a wildcard pattern over the address text. A null address only checks
 * the list (0 or -2), as sshd does when it reads its configuration.
 */
export function matchAddressList(address: string | null, list: string, openssh: string): -2 | -1 | 0 | 1 {
  const tried = address === null ? null : parseNumericAddress(address);
  if (tried === undefined || tried === 'unknown') return 0;
  let result: 0 | 1 = 0;
  for (const raw of list.split(',')) {
    const negated = raw.startsWith('!');
    const entry = negated ? raw.slice(1) : raw;
    if (entry === '') return -2;
    const parsed = parseCidr(entry, openssh);
    if (parsed.kind === 'mask-too-long' || parsed.kind === 'host-bits') return -2;
    if (address === null || tried === null) continue;
    const matched = parsed.kind === 'network' ? inNetwork(tried, parsed.address, parsed.maskLength) : matchPattern(address, entry);
    if (!matched) continue;
    if (negated) return -1;
    result = 1;
  }
  return result;
}

/**
 * `addr_match_cidr_list(NULL, list)` (ssh Match localnetwork): undefined when valid, else the
 * complaint. No wildcards, no negation.
 */
export function addrMatchCidrListCheck(list: string, openssh: string): string | undefined {
  for (const entry of list.split(',')) {
    if (entry === '') return `empty entry in list "${list.slice(0, 100)}"`;
    if (entry.length > 46 + 3) return `list entry "${entry.slice(0, 100)}" too long`;
    const parsed = parseCidr(entry, openssh);
    if (!/^[0-9a-fA-F.:/]*$/.test(entry)) {
      // Reported, and then the entry is still parsed: a junk entry fails there too.
      if (parsed.kind === 'not-an-address' || parsed.kind === 'unknown') return `Invalid network entry "${entry.slice(0, 100)}"`;
      return `list entry "${entry.slice(0, 100)}" contains invalid characters`;
    }
    if (parsed.kind === 'not-an-address' || parsed.kind === 'unknown') return `Invalid network entry "${entry.slice(0, 100)}"`;
    if (parsed.kind === 'mask-too-long' || parsed.kind === 'host-bits') return `Inconsistent mask length for network "${entry.slice(0, 100)}"`;
  }
  return undefined;
}

/** `addr_netmatch()`: same family, same network bits. */
function inNetwork(address: NumericAddress, network: NumericAddress, maskLength: number): boolean {
  return address.family === network.family && formatAddress(maskAddress(address, maskLength)) === formatAddress(network);
}

/** `addr_pton_cidr()`. */
export function parseCidr(text: string, openssh: string): CidrParse {
  if (text.length > INPUT_MAX) return { kind: 'not-an-address' };
  const slash = text.indexOf('/');
  let maskLength: number | undefined;
  if (slash !== -1) {
    maskLength = parseMaskLength(text.slice(slash + 1), openssh);
    if (maskLength === undefined) return { kind: 'not-an-address' };
  }
  const addressText = slash === -1 ? text : text.slice(0, slash);
  const address = parseNumericAddress(addressText);
  if (address === 'unknown') return { kind: 'unknown' };
  if (!address) return { kind: 'not-an-address' };
  const bits = address.family === 4 ? 32 : 128;
  if (maskLength === undefined) return { kind: 'network', address, maskLength: bits };
  if (maskLength > bits) return { kind: 'mask-too-long', address, maskLength };
  if (!hostBitsZero(address, maskLength)) return { kind: 'host-bits', address, maskLength };
  return { kind: 'network', address, maskLength };
}

/** The mask after `/`, or undefined when `addr_pton_cidr` gives up (-1) on it. */
function parseMaskLength(text: string, openssh: string): number | undefined {
  if (compareReleases(openssh, '9.8') >= 0) {
    const mask = strtonum(text, 0, INT_MAX);
    return 'value' in mask ? mask.value : undefined;
  }
  // strtoul(mp, &cp, 10) with *cp == '\0' and the value at most 128; 9.1+ also wants a digit first.
  if (compareReleases(openssh, '9.1') >= 0 && !/^\d/.test(text)) return undefined;
  const { value, end } = cStrtol(text, 10);
  if (end === 0 || end !== text.length) return undefined;
  // strtoul negates a negative number into a huge one: of those only -0 stays in range.
  return value >= 0n && value <= 128n ? Number(value) : undefined;
}

/**
 * `getaddrinfo(text, NULL, {AI_NUMERICHOST})` as glibc answers it: IPv4 through
 * `inet_aton_exact` (shorthand, octal and hex parts), else IPv6 through `inet_pton`.
 */
export function parseNumericAddress(text: string): NumericAddress | undefined | 'unknown' {
  const v4 = parseInetAton(text);
  if (v4) return { family: 4, bytes: v4 };
  const scope = text.indexOf('%');
  if (scope !== -1) {
    // glibc resolves the scope as an interface name (or number) of the server itself.
    return parseInetPton6(text.slice(0, scope)) && !/[ \t]/.test(text) ? 'unknown' : undefined;
  }
  const v6 = parseInetPton6(text);
  return v6 ? { family: 6, bytes: v6 } : undefined;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** glibc `inet_aton_exact`: 1–4 dot-separated parts, each a C integer (0x hex, 0 octal). */
function parseInetAton(text: string): Uint8Array | undefined {
  const parts: number[] = [];
  let i = 0;
  let value: number;
  for (;;) {
    if (!isDigit(text[i])) return undefined;
    const parsed = strtoulBase0(text, i);
    if (parsed.value > 0xffffffff) return undefined;
    value = parsed.value;
    i = parsed.end;
    if (text[i] !== '.') break;
    if (parts.length > 2 || value > 0xff) return undefined;
    parts.push(value);
    i++;
  }
  if (i !== text.length) return undefined;
  const max = [0xffffffff, 0xffffff, 0xffff, 0xff][parts.length]!;
  if (value > max) return undefined;
  const bytes = new Uint8Array(4);
  parts.forEach((part, index) => (bytes[index] = part));
  for (let b = 3; b >= parts.length; b--) {
    bytes[b] = value % 256;
    value = Math.floor(value / 256);
  }
  return bytes;
}

/** strtoul(s + at, &end, 0) for a string known to start with a digit. */
function strtoulBase0(text: string, at: number): { value: number; end: number } {
  let base = 10;
  let i = at;
  if (text[i] === '0') {
    if ((text[i + 1] === 'x' || text[i + 1] === 'X') && /[0-9a-fA-F]/.test(text[i + 2] ?? '')) {
      base = 16;
      i += 2;
    } else {
      base = 8;
    }
  }
  const digit = base === 16 ? /[0-9a-fA-F]/ : base === 8 ? /[0-7]/ : /[0-9]/;
  let value = 0;
  while (i < text.length && digit.test(text[i]!)) {
    // Saturate: anything past 2^32 is rejected by the caller either way.
    value = Math.min(value * base + parseInt(text[i]!, 16), 2 ** 40);
    i++;
  }
  return { value, end: i };
}

/** glibc `inet_pton4`: exactly four decimal octets, no leading zeros. */
function parseInetPton4(text: string): Uint8Array | undefined {
  const octets = text.split('.');
  if (octets.length !== 4) return undefined;
  const bytes = new Uint8Array(4);
  for (const [i, octet] of octets.entries()) {
    if (!/^(0|[1-9]\d{0,2})$/.test(octet) || Number(octet) > 255) return undefined;
    bytes[i] = Number(octet);
  }
  return bytes;
}

/** glibc `inet_pton6`: groups of 1–4 hex digits, one `::`, an optional dotted IPv4 tail. */
function parseInetPton6(text: string): Uint8Array | undefined {
  if (text === '') return undefined;
  const out: number[] = [];
  let zerosAt: number | undefined;
  let i = 0;
  if (text[0] === ':') {
    if (text[1] !== ':') return undefined;
    i = 1;
  }
  let tokenStart = i;
  let digits = 0;
  let value = 0;
  while (i < text.length) {
    const ch = text[i++]!;
    if (/[0-9a-fA-F]/.test(ch)) {
      if (digits === 4) return undefined;
      value = value * 16 + parseInt(ch, 16);
      digits++;
      continue;
    }
    if (ch === ':') {
      tokenStart = i;
      if (digits === 0) {
        if (zerosAt !== undefined) return undefined;
        zerosAt = out.length;
        continue;
      }
      if (i === text.length) return undefined;
      if (out.length + 2 > 16) return undefined;
      out.push(value >> 8, value & 0xff);
      digits = 0;
      value = 0;
      continue;
    }
    if (ch === '.' && out.length + 4 <= 16) {
      const v4 = parseInetPton4(text.slice(tokenStart));
      if (!v4) return undefined;
      pushAll(out, v4);
      digits = 0;
      i = text.length;
      break;
    }
    return undefined;
  }
  if (digits > 0) {
    if (out.length + 2 > 16) return undefined;
    out.push(value >> 8, value & 0xff);
  }
  if (zerosAt !== undefined) {
    if (out.length === 16) return undefined;
    out.splice(zerosAt, 0, ...new Array<number>(16 - out.length).fill(0));
  }
  return out.length === 16 ? Uint8Array.from(out) : undefined;
}

function hostBitsZero(address: NumericAddress, maskLength: number): boolean {
  return address.bytes.every((byte, i) => (byte & ~maskByte(i, maskLength) & 0xff) === 0);
}

function maskByte(index: number, maskLength: number): number {
  const bits = Math.max(0, Math.min(8, maskLength - index * 8));
  return (0xff << (8 - bits)) & 0xff;
}

/** The network address: host bits cleared. */
export function maskAddress(address: NumericAddress, maskLength: number): NumericAddress {
  return { family: address.family, bytes: address.bytes.map((byte, i) => byte & maskByte(i, maskLength)) };
}

/** Dotted quad, or RFC 5952 text for IPv6 (longest run of two or more zero groups as `::`). */
export function formatAddress(address: NumericAddress): string {
  if (address.family === 4) return Array.from(address.bytes).join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((address.bytes[i]! << 8) | address.bytes[i + 1]!);
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength && j - i >= 2) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

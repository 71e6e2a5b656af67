/**
 * OpenSSH's little value parsers (misc.c, openbsd-compat, addrmatch.c), reproduced with the
 * C library behaviour they lean on (glibc `strtol`/`strtoll`, `sscanf("%d")`,
 * `getservbyname`), per release where they changed. The config validators build on these;
 * nothing here knows about keywords.
 */
import { isAtLeast, type Release } from '../../openssh/releases.js';

export { matchPattern, matchPatternList } from '../../openssh/match.js';

const INT_MAX = 2147483647;
const LLONG_MAX = (1n << 63n) - 1n;
const LLONG_MIN = -(1n << 63n);
const LONG_MAX = LLONG_MAX; // LP64

/** C `isspace()` in the C locale. */
export function isCSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\v' || ch === '\f' || ch === '\r';
}

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
const isAlpha = (ch: string | undefined): boolean => ch !== undefined && /^[A-Za-z]$/.test(ch);
const isAlnum = (ch: string | undefined): boolean => isDigit(ch) || isAlpha(ch);

/**
 * glibc `strtoll`/`strtol` (LP64: both 64-bit): leading blanks, one sign, digits in `base`
 * (0: 0x / 0 prefixes). `end` is where parsing stopped (0 when no digits: nothing consumed);
 * `overflow` says the value was clamped (ERANGE).
 */
export function cStrtol(s: string, base: 0 | 8 | 10 | 16): { value: bigint; end: number; overflow: boolean } {
  let i = 0;
  while (isCSpace(s[i])) i++;
  let negative = false;
  if (s[i] === '+' || s[i] === '-') {
    negative = s[i] === '-';
    i++;
  }
  let radix: number = base;
  const hexPrefix = (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && /[0-9a-fA-F]/.test(s[i + 2] ?? ''));
  if ((radix === 0 || radix === 16) && hexPrefix) {
    radix = 16;
    i += 2;
  } else if (radix === 0) {
    radix = s[i] === '0' ? 8 : 10;
  }
  const digitValue = (ch: string | undefined): number => {
    if (ch === undefined) return -1;
    const v = parseInt(ch, 36);
    return Number.isNaN(v) || v >= radix ? -1 : v;
  };
  const start = i;
  let value = 0n;
  while (digitValue(s[i]) >= 0) {
    value = value * BigInt(radix) + BigInt(digitValue(s[i]));
    i++;
  }
  if (i === start) return { value: 0n, end: 0, overflow: false };
  if (negative) value = -value;
  if (value > LLONG_MAX) return { value: LLONG_MAX, end: i, overflow: true };
  if (value < LLONG_MIN) return { value: LLONG_MIN, end: i, overflow: true };
  return { value, end: i, overflow: false };
}

/** OpenBSD `strtonum(s, min, max)`: its error string ("invalid", "too small", "too large"), or the value. */
export function strtonum(s: string, min: number, max: number): { value: number } | { error: 'invalid' | 'too small' | 'too large' } {
  const { value, end, overflow } = cStrtol(s, 10);
  if (end === 0 || end !== s.length) return { error: 'invalid' };
  if ((overflow && value === LLONG_MIN) || value < BigInt(min)) return { error: 'too small' };
  if ((overflow && value === LLONG_MAX) || value > BigInt(max)) return { error: 'too large' };
  return { value: Number(value) };
}

/** `atoi_err()` (7.7+): null for a valid int, else "missing" / "invalid" / "too small" / "too large". */
export function atoiErr(s: string | undefined): { value: number } | { error: string } {
  if (s === undefined || s === '') return { error: 'missing' };
  return strtonum(s, 0, INT_MAX);
}

/**
 * TCP service names of netbase's /etc/services (Debian 12), the names `getservbyname(s,
 * "tcp")` finds on a Debian/Ubuntu host (compared case-sensitively).
 */
const TCP_SERVICES = new Set(
  (
    'tcpmux echo discard sink null systat users daytime netstat qotd quote chargen ttytst source ftp-data ftp ssh ' +
    'telnet smtp mail time timserver whois nicname tacacs domain gopher finger http www kerberos kerberos5 krb5 ' +
    'kerberos-sec iso-tsap tsap acr-nema dicom pop3 pop-3 sunrpc portmapper auth authentication tap ident nntp ' +
    'readnews untp epmap loc-srv netbios-ssn imap2 imap snmp snmp-trap snmptrap cmip-man cmip-agent mailq bgp ' +
    'smux qmtp z3950 wais pawserv zserv rpc2portmap codaauth2 ldap svrloc https snpp microsoft-ds kpasswd ' +
    'submissions ssmtp smtps urd saft rtsp nqs qmqp ipp ldp exec login shell printer spooler gdomap uucp uucpd ' +
    'klogin kshell afpovertcp nntps snntp ldaps tinc silc kerberos-adm domain-s webster gdbremote ftps-data ftps ' +
    'telnets imaps pop3s socks proofd rootd openvpn rmiregistry lotusnote ms-sql-s ms-sql-m ingreslock ' +
    'datametrics msp sieve kermit l2f l2tp radius radius-acct radacct rtcm-sc104 unix-status log-server ' +
    'remoteping nfs gsidcap gsiftp gsigatekeeper iscsi-target cvspserver venus venus-se codasrv codasrv-se mysql ' +
    'mysql-proxy distcc svn suucp sysrqd sieve epmd remctl f5-globalsite icpv2 icp mtn radmin-port rfe ' +
    'mmcc sip sip-tls aol xmpp-client jabber-client xmpp-server jabber-server cfengine mdns postgresql ' +
    'postgres freeciv amqps amqp noclog hostmon x11 x11-0 x11-1 x11-2 x11-3 x11-4 x11-5 x11-6 x11-7 gnutella-svc ' +
    'gnutella-rtr redis sge-qmaster sge_qmaster sge-execd sge_execd mysql-cluster gris xinetd kamanda amandaidx ' +
    'amidxtape git hkp smsqp zope-ftp tproxy omniorb clc-build-daemon xpilot nutcp isdnlog vboxd binkp asp csync2 ' +
    'sane-port sane saned ircd zope-zmq webmin kerberos4 kerberos-iv kerberos_master passwd_server krb-prop ' +
    'krb_prop krb5_prop zephyr-srv zephyr-clt zephyr-hm iprop supfilesrv supfiledbg poppassd moira_db moira_update ' +
    'spamd skkserv predict rmtcfg xtel xtelw support cfinger frox zebrasrv zebra ripd ripngd ospfd bgpd ospf6d ' +
    'ospfapi isisd afbackup afmbackup fax hylafax distmp3 munin enbd-cstatd enbd-sstatd pcrd noclog nbd ' +
    'sgi-crsd sgi-gcd sgi-cad sgi-cmsd zabbix-agent zabbix-trapper amanda hkps mandelspawn mandelbrot ' +
    'kpop knetd eklogin kx iprop supdup swat rmtcfg fido'
  ).split(' '),
);

/** `getservbyname(s, "tcp") != NULL` on a Debian/Ubuntu host. */
export function isTcpService(s: string): boolean {
  return TCP_SERVICES.has(s);
}

/** `a2port()`: 1..65535 → the port, 0 → 0, else a TCP service name (7.9+) or -1. */
export function a2port(s: string, release: Release): number {
  const n = strtonum(s, 0, 65535);
  if ('value' in n) return n.value;
  if (isAtLeast(release, '7.9') && isTcpService(s)) return 1; // the number does not matter to a validator
  return -1;
}

/**
 * `convtime()`: seconds, or -1. 7.4–7.9: long arithmetic without overflow guards; 8.0–8.4:
 * LONG_MAX guards; 8.5–10.2: at most INT_MAX; 10.3+: `convtime_double` (fractional seconds).
 */
export function convtime(s: string | undefined, release: Release): number {
  if (s === undefined || s === '') return -1;
  if (isAtLeast(release, '10.3')) {
    const d = convtimeDouble(s);
    if (d < 0 || d > INT_MAX) return -1;
    return Math.floor(d);
  }
  const intLimit = isAtLeast(release, '8.5');
  const limit = intLimit ? BigInt(INT_MAX) : LONG_MAX;
  let total = 0n;
  let p = 0;
  while (p < s.length) {
    const { value: secs, end, overflow } = cStrtol(s.slice(p), 10);
    if (end === 0) return -1;
    // strtol: ERANGE clamps to LONG_MIN/MAX; 8.5+ compare with INT_MIN/MAX, which a clamped
    // value never equals, but secs > INT_MAX / 1 then fails below.
    if (!intLimit && overflow) return -1;
    if (secs < 0n) return -1;
    let q = p + end;
    const unit = s[q];
    let multiplier = 1n;
    if (unit === undefined) {
      // end of string
    } else {
      q++;
      switch (unit) {
        case 's':
        case 'S':
          break;
        case 'm':
        case 'M':
          multiplier = 60n;
          break;
        case 'h':
        case 'H':
          multiplier = 3600n;
          break;
        case 'd':
        case 'D':
          multiplier = 86400n;
          break;
        case 'w':
        case 'W':
          multiplier = 604800n;
          break;
        default:
          return -1;
      }
    }
    if (isAtLeast(release, '8.0')) {
      if (intLimit ? secs > limit / multiplier : secs >= limit / multiplier) return -1;
      const scaled = secs * multiplier;
      if (intLimit ? total > limit - scaled : total >= limit - scaled) return -1;
      total += scaled;
    } else {
      // 7.x: wraps like C long arithmetic; a negative total is rejected.
      total = BigInt.asIntN(64, total + BigInt.asIntN(64, secs * multiplier));
      if (total < 0n) return -1;
    }
    p = q;
  }
  return Number(total > BigInt(Number.MAX_SAFE_INTEGER) ? BigInt(Number.MAX_SAFE_INTEGER) : total);
}

/** `convtime_double()` (10.3+): fractional seconds allowed only for the seconds part, which may occur once. */
export function convtimeDouble(s: string): number {
  if (s === '') return -1;
  let total = 0;
  let seenSeconds = false;
  let p = 0;
  while (p < s.length) {
    if (!isDigit(s[p]) && s[p] !== '.') return -1;
    // strtod on a string of digits and dots: the longest prefix that is a decimal number.
    const m = /^(\d+\.?\d*|\.\d+)/.exec(s.slice(p));
    if (!m) return -1;
    const text = m[1]!;
    // "Allow only decimal forms": strtod must have consumed exactly the digits-and-dots run.
    const run = /^[0-9.]*/.exec(s.slice(p))![0];
    if (run.length !== text.length) return -1;
    const val = Number(text);
    const endp = p + text.length;
    let multiplier: number;
    switch (s[endp]) {
      case undefined:
      case 's':
      case 'S':
        if (seenSeconds) return -1;
        seenSeconds = true;
        multiplier = 1;
        break;
      case 'm':
      case 'M':
        multiplier = 60;
        break;
      case 'h':
      case 'H':
        multiplier = 3600;
        break;
      case 'd':
      case 'D':
        multiplier = 86400;
        break;
      case 'w':
      case 'W':
        multiplier = 604800;
        break;
      default:
        return -1;
    }
    if (text.includes('.')) {
      if (multiplier > 1) return -1;
      if (!isDigit(text[text.length - 1])) return -1;
    }
    total += val * multiplier;
    p = endp;
    if (p < s.length) p++;
  }
  return total;
}

/** `scan_scaled()` (openbsd-compat/fmt_scaled.c): the value, or the errno it fails with. */
export function scanScaled(s: string): { value: bigint } | { errno: 'EINVAL' | 'ERANGE' } {
  const MAX_DIGITS = 21;
  const scaleChars = 'BKMGTPE';
  let p = 0;
  while (isCSpace(s[p])) p++;
  let sign = 0;
  while (s[p] === '-' || s[p] === '+') {
    if (sign) return { errno: 'EINVAL' };
    sign = s[p] === '-' ? -1 : 1;
    p++;
  }
  let ndigits = 0;
  let fractDigits = 0;
  let whole = 0n;
  let fpart = 0n;
  for (; isDigit(s[p]) || s[p] === '.'; p++) {
    if (s[p] === '.') {
      if (fractDigits > 0) return { errno: 'EINVAL' };
      fractDigits = 1;
      continue;
    }
    const i = BigInt(s.charCodeAt(p) - 48);
    if (fractDigits > 0) {
      if (fractDigits >= MAX_DIGITS - 1) continue;
      fractDigits++;
      if (fpart > LLONG_MAX / 10n) return { errno: 'ERANGE' };
      fpart *= 10n;
      if (i > LLONG_MAX - fpart) return { errno: 'ERANGE' };
      fpart += i;
    } else {
      if (++ndigits >= MAX_DIGITS) return { errno: 'ERANGE' };
      if (whole > LLONG_MAX / 10n) return { errno: 'ERANGE' };
      whole *= 10n;
      if (i > LLONG_MAX - whole) return { errno: 'ERANGE' };
      whole += i;
    }
  }
  if (sign) whole *= BigInt(sign);
  if (p >= s.length) return { value: whole };
  const index = scaleChars.indexOf(s[p]!.toUpperCase());
  if (index < 0 || !(s[p] === scaleChars[index] || s[p] === scaleChars[index]!.toLowerCase())) return { errno: 'EINVAL' };
  if (isAlnum(s[p + 1])) return { errno: 'EINVAL' };
  const factor = 1n << BigInt(10 * index);
  if (whole > LLONG_MAX / factor || whole < LLONG_MIN / factor) return { errno: 'ERANGE' };
  whole *= factor;
  while (fpart >= LLONG_MAX / factor || fpart <= LLONG_MIN / factor) {
    fpart /= 10n;
    fractDigits--;
  }
  fpart *= factor;
  for (let k = 0; k < fractDigits - 1; k++) fpart /= 10n;
  whole = sign === -1 ? whole - fpart : whole + fpart;
  return { value: whole };
}

export const STRERROR = { EINVAL: 'Invalid argument', ERANGE: 'Numerical result out of range' } as const;

/**
 * glibc `sscanf(s, "%d:%d:%d")` (any number of `%d` separated by `:`): the values converted
 * before the first mismatch; `n` is what sscanf returns (-1 when the input ends before the
 * first conversion). Values keep glibc's behaviour on overflow (the long is truncated to int).
 */
export function sscanfInts(s: string, count: number): { n: number; values: number[] } {
  const values: number[] = [];
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (k > 0) {
      if (s[p] !== ':') break;
      p++;
    }
    let q = p;
    while (isCSpace(s[q])) q++;
    if (q >= s.length && values.length === 0) return { n: -1, values };
    const { value, end } = cStrtol(s.slice(q), 10);
    if (end === 0) break;
    values.push(Number(BigInt.asIntN(32, value)));
    p = q + end;
  }
  return { n: values.length, values };
}

// ------------------------------------------------------------------- strings

/** `hpdelim2()`: the host part and the rest (null: no more fields); undefined on a syntax error. */
export function hpdelim2(s: string): { host: string; rest: string | null; delim?: ':' | '/' } | undefined {
  let i: number;
  if (s.startsWith('[')) {
    const close = s.indexOf(']');
    if (close === -1) return undefined;
    i = close + 1;
  } else {
    const m = /[:/]/.exec(s);
    i = m ? m.index : s.length;
  }
  if (i >= s.length) return { host: s, rest: null };
  const ch = s[i];
  if (ch === ':' || ch === '/') return { host: s.slice(0, i), rest: s.slice(i + 1), delim: ch };
  return undefined;
}

/** `hpdelim()`: like hpdelim2, but a `/` separator is an error. */
export function hpdelim(s: string): { host: string; rest: string | null } | undefined {
  const r = hpdelim2(s);
  if (!r || r.delim === '/') return undefined;
  return { host: r.host, rest: r.rest };
}

/** `cleanhostname()`: strips one pair of brackets. */
export function cleanhostname(host: string): string {
  return host.startsWith('[') && host.endsWith(']') && host.length >= 2 ? host.slice(1, -1) : host;
}

/** `valid_domain(name, makelower, &errstr)`: undefined when valid, else OpenSSH's reason. */
export function validDomain(name: string): string | undefined {
  if (name === '') return 'empty domain name';
  if (!isAlnum(name[0])) return `domain name "${name.slice(0, 100)}" starts with invalid character`;
  let last = '';
  for (const raw of name) {
    const c = raw.toLowerCase();
    if (last === '.' && c === '.') return `domain name "${name.slice(0, 100)}" contains consecutive separators`;
    if (c !== '.' && c !== '-' && c !== '_' && !isAlnum(c)) return `domain name "${name.slice(0, 100)}" contains invalid characters`;
    last = c;
  }
  return undefined;
}

/** `valid_env_name()`. */
export function validEnvName(name: string): boolean {
  return name !== '' && /^[A-Za-z0-9_]+$/.test(name);
}

/**
 * The syntax half of `dollar_expand()`: undefined when `${…}` references are well formed,
 * else OpenSSH's complaint. Whether the variables are set is the environment's business.
 */
export function dollarSyntaxError(s: string): string | undefined {
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '$' || s[i + 1] !== '{') continue;
    const close = s.indexOf('}', i + 2);
    if (close === -1) return `environment variable '${s.slice(i + 2)}' missing closing '}'`;
    if (close === i + 2) return 'zero-length environment variable';
    i = close;
  }
  return undefined;
}

/** True when `s` references `${VAR}` (its value, unknown statically, decides). */
export function hasDollarReference(s: string): boolean {
  return /\$\{[^}]+\}/.test(s);
}

/**
 * `percent_expand()` syntax check against the tokens a caller offers: undefined when every
 * `%X` is known (or `%%`), else the complaint (OpenSSH fatal()s on it).
 */
export function percentSyntaxError(s: string, tokens: string): string | undefined {
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '%') continue;
    const next = s[i + 1];
    if (next === '%') {
      i++;
      continue;
    }
    if (next === undefined) return 'invalid format';
    if (!tokens.includes(next)) return `unknown key %${next}`;
    i++;
  }
  return undefined;
}

/** OpenSSH's SSH_RELEASE string for `release` (what `Match version` compares with). */
export function sshReleaseString(release: Release): string {
  return `OpenSSH_${release}p1`;
}

/**
 * What a keyword's arguments must look like, as OpenSSH's own parsers
 * (servconf.c `process_server_config_line`, readconf.c `process_config_line`)
 * check them, and the keyword-table vocabulary shared by sshd-keywords.ts and
 * ssh-keywords.ts.
 *
 * A grammar describes the *arguments after the keyword*, already split the way
 * the release splits them (7.4–8.6: `strdelim`, whitespace or one `=`, quotes
 * only grouping; 8.7+: `argv_split`, with quoting and escapes, `#` starting a
 * token ends the line). Each kind's comment says exactly when the program
 * rejects a value and how (see `Diagnostic` / `diagnosticSeverity`). Where a
 * kind's rules change between releases the comment says so; where a keyword's
 * grammar changes, the keyword table holds a `byRelease` timeline.
 *
 * "Extra arguments": unless a kind consumes the rest of the line, arguments
 * beyond `argumentCount(grammar).max` are an error: "garbage at end of line;
 * \"X\"" (fatal; ssh 8.5–8.6: error) before 8.7, "keyword K extra arguments at
 * end of line" (error, counted) from 8.7.
 */
import type { BuildFeature, BuildProfile, Release, Versioned } from './releases.js';
import { atRelease, inRange, isAtLeast } from './releases.js';

export type Program = 'sshd' | 'ssh';

// =================================================================== grammar

/** Which algorithm-name validator a list goes through. */
export type AlgorithmList =
  /** `ciphers_valid()`: "Bad SSH2 cipher spec 'X'." */
  | 'cipher'
  /** `mac_valid()`: "Bad SSH2 mac spec" (sshd) / "Bad SSH2 MAC spec" (ssh). */
  | 'mac'
  /** `kex_names_valid()`: "Bad SSH2 KexAlgorithms 'X'." */
  | 'kex'
  /**
   * `sshkey_names_valid2(list, allow_wildcard=1)`: key/signature algorithm
   * names including certificates; "Bad key types 'X'." Used by
   * HostKeyAlgorithms, PubkeyAcceptedAlgorithms, HostbasedAcceptedAlgorithms.
   */
  | 'key'
  /**
   * CASignatureAlgorithms: same validator; from 9.4 with `ca_only`, which
   * rejects certificate algorithm names.
   */
  | 'sig'
  /** Debian gssapi.patch GSSAPIKexAlgorithms: `kex_gss_names_valid()`, no +/-/^ prefixes. */
  | 'gss-kex';

/** Shapes of arguments that the simple kinds below don't cover. */
export type NamedKind =
  // ---- both programs
  /** `a2port()`: decimal 1..65535, or a TCP service name from /etc/services; 0 is rejected. */
  | 'port'
  /**
   * `log_level_number()`, case-insensitive: QUIET FATAL ERROR INFO VERBOSE
   * DEBUG DEBUG1 DEBUG2 DEBUG3 (LOG_LEVELS). "unsupported log level 'X'".
   */
  | 'log-level'
  /**
   * `log_facility_number()`, case-insensitive: DAEMON USER AUTH AUTHPRIV
   * LOCAL0..LOCAL7 (SYSLOG_FACILITIES). "unsupported log facility 'X'".
   */
  | 'syslog-facility'
  /**
   * `size [interval]`: size is "default", or `scan_scaled()` (digits with an
   * optional K/M/G suffix, fractions allowed) that is 0 or at least 16
   * ("RekeyLimit too small" / "Bad number"); interval is "none" or a time.
   */
  | 'rekey-limit'
  /**
   * One or two `parse_ipqos()` values: a name from IPQOS_NAMES (case-insensitive,
   * release-dependent list) or a number 0..255 (≤9.7: strtol base 0, so 0x10
   * works; 9.8+: decimal only). "Bad IPQoS value: X".
   */
  | 'ipqos'
  /**
   * Space-separated channel-type=interval pairs (`parse_pattern_interval`,
   * 9.6+; `parse_timeout` in 9.2–9.5), or "none" alone. Invalid: fatal in
   * both programs ("invalid channel timeout").
   */
  | 'channel-timeout'
  /**
   * The rest of the line (a `#` comment removed, 8.7+), "none" meaning empty;
   * a CR inside is fatal ("Invalid VersionAddendum argument").
   */
  | 'version-addendum'
  /** Include: one or more glob patterns; each non-empty. */
  | 'include'
  /** Match criteria; validated by `match_cfg_line` (not part of these tables). */
  | 'match'
  // ---- sshd
  /**
   * ListenAddress: `host|IPv4|[IPv6]` with optional `:port` (a bare IPv6 with
   * 2+ colons takes no port), optionally followed by `rdomain NAME` (7.7+).
   * "bad address:port usage", "bad port number", "bad ListenAddress syntax".
   */
  | 'listen-address'
  /**
   * MaxStartups `start:rate:full` (rate 1..100, start <= full) or a single
   * integer; all positive. Before 9.2 a 0 or negative value is not rejected;
   * "Illegal MaxStartups spec" (≤8.6) / "Invalid MaxStartups spec" (8.7+).
   */
  | 'max-startups'
  /** PerSourceNetBlockSize `v4[:v6]`, v4 0..32, v6 0..128. */
  | 'per-source-net-block-size'
  /**
   * PerSourcePenalties: "yes" or "no" alone, or items crash:T authfail:T
   * noauth:T grace-exceeded:T max:T min:T max-sources4:N max-sources6:N
   * overflow[6]:deny-all|permissive (9.8+), refuseconnection:T (9.9+),
   * invaliduser:T (10.3+). T is a time (10.3+: fractional seconds allowed).
   */
  | 'per-source-penalties'
  /** `addr_match_list(NULL, arg)`: a comma list of addresses/CIDRs (with ! negation). */
  | 'address-list'
  /**
   * AllowUsers/DenyUsers: space-separated patterns, each non-empty and
   * accepted by `match_user()` (USER or USER@HOST, HOST may be a CIDR that
   * must be valid). 7.4–8.6 silently accept an empty line.
   */
  | 'user-patterns'
  /** AllowGroups/DenyGroups: space-separated non-empty patterns. */
  | 'group-patterns'
  /** AcceptEnv / SendEnv: names, none containing `=` (ssh SendEnv: a `-` prefix removes). */
  | 'env-names'
  /** SetEnv: NAME=VALUE words (each must contain `=`; sshd 8.7+: non-empty). */
  | 'env-assignments'
  /**
   * One or more paths: sshd AuthorizedKeysFile (no checks ≤8.6; "" is an
   * error from 8.7; "none" must be alone from 10.3), sshd RevokedKeys and
   * ssh RevokedHostKeys (10.3+: "" an error, "none" alone).
   */
  | 'path-list'
  /**
   * PermitOpen / PermitListen: "any" or "none" alone (≤9.6: only as the first
   * argument, rest ignored), or `host:port` items (PermitListen: a bare port
   * allowed, 7.8+). port is a number 1..65535 or "*". Fatal on a missing host
   * or bad port.
   */
  | 'permit-open'
  | 'permit-listen'
  /**
   * AuthenticationMethods: "any" alone, or space-separated comma lists of
   * methods (publickey, password, keyboard-interactive[:dev], hostbased,
   * gssapi-with-mic) checked by `auth2_methods_valid()`.
   */
  | 'authentication-methods'
  /**
   * Subsystem NAME COMMAND [ARGS…]: consumes the whole line. Duplicate NAME:
   * fatal up to 9.4, ignored (debug) from 9.5.
   */
  | 'subsystem'
  /** PermitUserEnvironment 7.8+: "yes"/"no" (case-sensitive), anything else is a pattern list. */
  | 'permit-user-environment'
  /** PubkeyAuthOptions: none / touch-required (8.2+) / verify-required (8.4+), space-separated, case-insensitive. */
  | 'pubkey-auth-options'
  /** StreamLocalBindMask: octal 0..0777 (`strtol(arg, 8)`, trailing junk allowed). */
  | 'octal-mask'
  /**
   * sshd RDomain: "none", "%D", or a name `valid_rdomain()` accepts (digits
   * 0..255 on OpenBSD). On builds without routing domains (Linux) every use
   * is fatal from 8.3 — see status 'rejected'.
   */
  | 'rdomain'
  // ---- ssh
  /**
   * LocalForward / RemoteForward: `[bind:]port host:hostport` or, for
   * RemoteForward (7.6+), a single `[bind:]port` (dynamic); unix sockets
   * allowed. "Missing target argument", "Bad forwarding specification".
   */
  | 'forward-local'
  | 'forward-remote'
  /** DynamicForward: `[bind:]port`. */
  | 'forward-dynamic'
  /** EscapeChar: "none", one character, or ^X (X in 64..127). */
  | 'escape-char'
  /** ControlPersist: yes/no/true/false (case-sensitive) or a time. */
  | 'control-persist'
  /** TunnelDevice: `local[:remote]`, each "any" or a number (`a2tun`). */
  | 'tunnel-device'
  /**
   * AddKeysToAgent: yes/no/ask/confirm/true/false (case-insensitive), 8.4+
   * also a time or `confirm TIME`.
   */
  | 'add-keys-to-agent'
  /**
   * ForwardAgent (8.2+: flag or path) / IdentityAgent: a socket path, "none",
   * "SSH_AUTH_SOCK" or `$VAR`/`${VAR}`; environment syntax is checked (7.9+).
   */
  | 'agent-socket'
  | 'forward-agent'
  /** ProxyJump: the rest of the line, `[user@]host[:port]` comma list or "none" (`parse_jump`). */
  | 'proxy-jump'
  /** CanonicalDomains: domain names (`valid_domain`, 7.7+) or "none" alone (8.8+). */
  | 'canonical-domains'
  /** CanonicalizePermittedCNAMEs: `srclist:targetlist` items, "*", or "none" alone (8.8+). */
  | 'permitted-cnames'
  /** PermitRemoteOpen: like permit-open, but "any"/"none" case-insensitive; bad host/port fatal. */
  | 'permit-remote-open'
  /** GlobalKnownHostsFile/UserKnownHostsFile: up to 32 paths, "none" alone (8.7+). */
  | 'known-hosts-files'
  /** ObscureKeystrokeTiming: yes/no/true/false (case-sensitive) or interval:N, N 1..1000. */
  | 'obscure-keystroke-timing'
  /** Host patterns (non-empty; "!" negates). */
  | 'host-patterns';

/**
 * The grammar of one keyword's arguments. Simple kinds are parametrised;
 * named kinds (NamedKind) carry their rules in their documentation.
 */
export type ValueGrammar =
  /**
   * One yes/no argument. sshd: "yes"/"no" only — case-sensitive up to 7.6
   * ("Bad yes/no argument: X"), case-insensitive `multistate_flag` from 7.7
   * ("unsupported option \"X\""); "true" is rejected [tested 9.2]. ssh: yes,
   * no, true, false, case-insensitive ("unsupported option").
   */
  | { readonly kind: 'flag' }
  /**
   * One of `values` (a `multistate_*` table or a fixed list). Case-insensitive
   * unless `caseSensitive` (strcmp tables such as PermitTunnel's).
   */
  | { readonly kind: 'choice'; readonly values: readonly string[]; readonly caseSensitive?: true }
  /**
   * One integer. 7.7+: `atoi_err` — decimal 0..2147483647 ("integer value too
   * small/too large/invalid"); sshd ≤7.6: `atoi()`, so anything parses (as
   * 0); ssh ≤7.6: must start with a digit, strtol base 0 ("Bad number").
   * `min`/`max` are further checks the keyword makes. `noneKeyword`: this word
   * (case-sensitive) is also accepted, meaning "unlimited".
   */
  | { readonly kind: 'integer'; readonly min?: number; readonly max?: number; readonly noneKeyword?: string }
  /**
   * One `convtime()` time: a sequence of NUMBER[unit], unit s m h d w (either
   * case), total at most INT_MAX seconds. 10.3+: seconds may be fractional
   * (only without a unit or with s) and at most one seconds part.
   * "invalid time value". `none`: "none" (ssh: case-sensitive; sshd
   * UnusedConnectionTimeout: case-insensitive) is also accepted.
   */
  | { readonly kind: 'time'; readonly none?: true }
  /**
   * One comma-separated algorithm list. Unless the list has a `-` prefix
   * (7.5+, never validated), every name after an optional `+` (7.4+) or `^`
   * (8.1+) prefix must be known to the release (wildcards allowed for
   * key/sig lists, `!` never).
   */
  | { readonly kind: 'algorithms'; readonly list: AlgorithmList }
  /**
   * `min`..`max` space-separated words (max omitted: unbounded, consuming the
   * line). `noneAlone`: the word "none" (case-insensitive) is only valid as
   * the sole argument. `nonEmpty`: an empty ("") argument is an error.
   */
  | {
      readonly kind: 'words';
      readonly min: number;
      readonly max?: number;
      readonly noneAlone?: true;
      readonly nonEmpty?: true;
    }
  /** One non-empty path (sshd makes relative paths absolute with the cwd; "none" usually means unset). */
  | { readonly kind: 'path' }
  /** One non-empty word, not checked further. */
  | { readonly kind: 'string' }
  /**
   * Everything after the keyword, verbatim (ForceCommand, ProxyCommand…).
   * `absolutePathOrNone`: must start with "/" or be "none" (sshd
   * AuthorizedKeysCommand / AuthorizedPrincipalsCommand).
   */
  | { readonly kind: 'rest-of-line'; readonly absolutePathOrNone?: true }
  /** Deprecated/unsupported/ignored keywords: any arguments, all consumed. */
  | { readonly kind: 'ignored' }
  | { readonly kind: NamedKind };

// ------------------------------------------------------------------ builders

export const flag = (): ValueGrammar => ({ kind: 'flag' });
export const choice = (values: readonly string[], caseSensitive?: true): ValueGrammar =>
  caseSensitive ? { kind: 'choice', values, caseSensitive } : { kind: 'choice', values };
export const integer = (limits: { min?: number; max?: number; noneKeyword?: string } = {}): ValueGrammar => ({
  kind: 'integer',
  ...limits,
});
export const time = (options: { none?: true } = {}): ValueGrammar => ({ kind: 'time', ...options });
export const algorithms = (list: AlgorithmList): ValueGrammar => ({ kind: 'algorithms', list });
export const words = (options: { min: number; max?: number; noneAlone?: true; nonEmpty?: true }): ValueGrammar => ({
  kind: 'words',
  ...options,
});
export const path = (): ValueGrammar => ({ kind: 'path' });
export const string = (): ValueGrammar => ({ kind: 'string' });
export const restOfLine = (options: { absolutePathOrNone?: true } = {}): ValueGrammar => ({
  kind: 'rest-of-line',
  ...options,
});
export const ignored = (): ValueGrammar => ({ kind: 'ignored' });
export const named = (kind: NamedKind): ValueGrammar => ({ kind });

// ------------------------------------------------------------- value lists

/** `log_levels[]` in log.c (unchanged 7.4–10.5). */
export const LOG_LEVELS = ['QUIET', 'FATAL', 'ERROR', 'INFO', 'VERBOSE', 'DEBUG', 'DEBUG1', 'DEBUG2', 'DEBUG3'] as const;

/** `log_facilities[]` in log.c (AUTHPRIV where LOG_AUTHPRIV exists, as on Linux and the BSDs). */
export const SYSLOG_FACILITIES = [
  'DAEMON', 'USER', 'AUTH', 'AUTHPRIV',
  'LOCAL0', 'LOCAL1', 'LOCAL2', 'LOCAL3', 'LOCAL4', 'LOCAL5', 'LOCAL6', 'LOCAL7',
] as const;

/** `ipqos[]` names in misc.c, by release ("none" 7.6+, "le" 8.2+, "va" 10.3+). */
export function ipqosNames(release: Release): string[] {
  const names = [
    'af11', 'af12', 'af13', 'af21', 'af22', 'af23', 'af31', 'af32', 'af33', 'af41', 'af42', 'af43',
    'cs0', 'cs1', 'cs2', 'cs3', 'cs4', 'cs5', 'cs6', 'cs7', 'ef',
  ];
  if (isAtLeast(release, '7.6')) names.unshift('none');
  if (isAtLeast(release, '8.2')) names.push('le');
  if (isAtLeast(release, '10.3')) names.push('va');
  // Legacy ToS names: accepted throughout; 10.1+ ignores them (debug "Deprecated IPQoS value").
  names.push('lowdelay', 'throughput', 'reliability');
  return names;
}

/** Digest names `ssh_digest_alg_by_name()` accepts (FingerprintHash), case-insensitive. */
export const DIGEST_NAMES = ['md5', 'sha1', 'sha256', 'sha384', 'sha512'] as const;

/** How the `integer` kind parses in a release (see its comment). */
export function integerSyntax(program: Program, release: Release): 'atoi' | 'strtol-base0' | 'strtonum' {
  if (isAtLeast(release, '7.7')) return 'strtonum';
  return program === 'sshd' ? 'atoi' : 'strtol-base0';
}

/** Values the `flag` kind accepts, and whether they compare case-sensitively. */
export function flagValues(program: Program, release: Release): { values: string[]; caseSensitive: boolean } {
  if (program === 'ssh') return { values: ['yes', 'no', 'true', 'false'], caseSensitive: false };
  return { values: ['yes', 'no'], caseSensitive: !isAtLeast(release, '7.7') };
}

// ------------------------------------------------------------ argument count

/** How many arguments a grammar takes; `max` Infinity = consumes the rest of the line. */
export function argumentCount(grammar: ValueGrammar): { min: number; max: number } {
  switch (grammar.kind) {
    case 'words':
      return { min: grammar.min, max: grammar.max ?? Infinity };
    case 'rest-of-line':
    case 'ignored':
    case 'version-addendum':
    case 'proxy-jump':
    case 'subsystem':
      return { min: 1, max: Infinity };
    case 'rekey-limit':
    case 'ipqos':
    case 'add-keys-to-agent':
    case 'forward-local':
    case 'forward-remote':
      return { min: 1, max: 2 };
    case 'listen-address':
      return { min: 1, max: 3 };
    case 'user-patterns':
    case 'group-patterns':
    case 'env-names':
    case 'env-assignments':
    case 'path-list':
    case 'permit-open':
    case 'permit-listen':
    case 'permit-remote-open':
    case 'authentication-methods':
    case 'pubkey-auth-options':
    case 'per-source-penalties':
    case 'channel-timeout':
    case 'include':
    case 'match':
    case 'host-patterns':
    case 'canonical-domains':
    case 'permitted-cnames':
    case 'known-hosts-files':
      return { min: 1, max: Infinity };
    default:
      return { min: 1, max: 1 };
  }
}

/**
 * Whether a line with the keyword and nothing after it passes. From 8.7 never
 * ("no argument after keyword", an error). Before 8.7 each handler decided:
 * the list loops simply ran zero times for AllowUsers/DenyUsers/AllowGroups/
 * DenyGroups, AcceptEnv/SendEnv, SetEnv, sshd AuthorizedKeysFile, LogVerbose,
 * PubkeyAuthOptions, CanonicalDomains, CanonicalizePermittedCNAMEs, the ssh
 * known-hosts files, Host and ssh Include, and deprecated keywords take
 * anything; every other handler failed on the missing value.
 */
export function acceptsNoArguments(program: Program, release: Release, grammar: ValueGrammar): boolean {
  if (isAtLeast(release, '8.7')) return false;
  switch (grammar.kind) {
    case 'ignored':
    case 'user-patterns':
    case 'group-patterns':
    case 'env-names':
    case 'env-assignments':
    case 'path-list':
    case 'pubkey-auth-options':
    case 'canonical-domains':
    case 'permitted-cnames':
    case 'known-hosts-files':
    case 'host-patterns':
      return true;
    case 'words':
      return grammar.min === 0;
    case 'include':
      return program === 'ssh';
    default:
      return false;
  }
}

// ------------------------------------------------------------------- samples

/** A value every release that knows the grammar accepts (used by the oracle tests). */
export function sampleValue(grammar: ValueGrammar): string {
  switch (grammar.kind) {
    case 'flag':
      return 'no';
    case 'choice':
      return grammar.values[grammar.values.length - 1] ?? '';
    case 'integer':
      return String(Math.max(grammar.min ?? 0, 3));
    case 'time':
      return '30';
    case 'algorithms':
      switch (grammar.list) {
        case 'cipher':
          return 'aes128-ctr,aes256-ctr';
        case 'mac':
          return 'hmac-sha2-256,hmac-sha2-512';
        case 'kex':
          return 'curve25519-sha256,diffie-hellman-group14-sha256';
        case 'key':
        case 'sig':
          return 'ssh-ed25519,rsa-sha2-512';
        case 'gss-kex':
          return 'gss-curve25519-sha256-';
      }
      break;
    case 'words':
      return Array.from({ length: Math.max(grammar.min, 1) }, (_, i) => `word${i + 1}`).join(' ');
    case 'path':
      return '/etc/ssh/sshlint-sample';
    case 'string':
      return 'sample';
    case 'rest-of-line':
      return grammar.absolutePathOrNone ? '/usr/bin/true %u' : '/usr/bin/true';
    case 'ignored':
      return 'yes';
    case 'port':
      return '2222';
    case 'log-level':
      return 'VERBOSE';
    case 'syslog-facility':
      return 'AUTH';
    case 'rekey-limit':
      return '1G 1h';
    case 'ipqos':
      return 'af21 cs1';
    case 'channel-timeout':
      return 'session=5m';
    case 'version-addendum':
      return 'sshlint';
    case 'include':
      return '/etc/ssh/sshlint-sample.d/*.conf';
    case 'match':
      return 'all';
    case 'listen-address':
      return '127.0.0.1:2222';
    case 'max-startups':
      return '10:30:100';
    case 'per-source-net-block-size':
      return '32:128';
    case 'per-source-penalties':
      return 'authfail:10';
    case 'address-list':
      return '192.0.2.0/24';
    case 'user-patterns':
      return 'alice bob@192.0.2.0/24';
    case 'group-patterns':
      return 'staff wheel';
    case 'env-names':
      return 'LANG LC_*';
    case 'env-assignments':
      return 'FOO=bar';
    case 'path-list':
      return '.ssh/authorized_keys /etc/ssh/keys/%u';
    case 'permit-open':
      return 'localhost:8080';
    case 'permit-listen':
      return 'localhost:8080';
    case 'authentication-methods':
      return 'publickey';
    case 'subsystem':
      return 'sshlint-sample /usr/lib/openssh/sftp-server -l INFO';
    case 'permit-user-environment':
      return 'LANG,LC_*';
    case 'pubkey-auth-options':
      return 'none';
    case 'octal-mask':
      return '0077';
    case 'rdomain':
      return 'none';
    case 'forward-local':
      return '8080 localhost:80';
    case 'forward-remote':
      return '8080 localhost:80';
    case 'forward-dynamic':
      return '1080';
    case 'escape-char':
      return '~';
    case 'control-persist':
      return '10m';
    case 'tunnel-device':
      return 'any:any';
    case 'add-keys-to-agent':
      return 'yes';
    case 'agent-socket':
      return 'SSH_AUTH_SOCK';
    case 'forward-agent':
      return 'no';
    case 'proxy-jump':
      return 'jump.example.com';
    case 'canonical-domains':
      return 'example.com';
    case 'permitted-cnames':
      return '*.example.com:*.example.net';
    case 'permit-remote-open':
      return 'localhost:8080';
    case 'known-hosts-files':
      return '~/.ssh/known_hosts';
    case 'obscure-keystroke-timing':
      return 'interval:20';
    case 'host-patterns':
      return '*';
  }
  return 'yes';
}

// ============================================================== diagnostics

/**
 * The kinds of complaint the parsers make about a line.
 *
 * - bad-option: unknown keyword. "FILE: line N: Bad configuration option: KW"
 *   (ssh prints the lower-cased keyword). ssh: suppressed by IgnoreUnknown.
 * - no-argument: 8.7+ only: "FILE line N: no argument after keyword \"KW\"".
 *   Before 8.7 a missing argument is the keyword's own invalid-value check
 *   (and some list keywords silently accept nothing).
 * - invalid-quotes: 8.7+ only: "FILE line N: invalid quotes".
 * - extra-arguments: see the file comment.
 * - not-in-match: sshd: "FILE line N: Directive 'KW' is not allowed within a
 *   Match block".
 * - invalid-value: the grammar rejects an argument.
 * - empty-argument / none-not-alone: list keywords (8.7+): "keyword KW empty
 *   argument", "keyword KW \"none\" argument must appear alone."
 * - deprecated: sshd: "FILE line N: Deprecated option KW" (INFO, shown by
 *   sshd -t); ssh: debug only.
 * - unsupported: sshd: "FILE line N: Unsupported option KW" (INFO); ssh:
 *   "FILE line N: Unsupported option \"kw\"" (error() every run, not counted).
 * - ignored: sshd/ssh `Protocol`: DEBUG2 / nothing.
 */
export type Diagnostic =
  | 'bad-option'
  | 'no-argument'
  | 'invalid-quotes'
  | 'extra-arguments'
  | 'not-in-match'
  | 'invalid-value'
  | 'empty-argument'
  | 'none-not-alone'
  | 'deprecated'
  | 'unsupported'
  | 'ignored';

/**
 * - fatal: the program exits at this line (nothing after it is looked at).
 * - error: printed and counted; after the whole file "FILE: terminating, N
 *   bad configuration options" (exit 255).
 * - warning: printed, not counted.
 * - debug: only visible with -d / -v.
 */
export type Severity = 'fatal' | 'error' | 'warning' | 'debug';

/** The diagnostics that refuse a line: the program stops at it or counts it. */
export type Refusal = Exclude<Diagnostic, 'deprecated' | 'unsupported' | 'ignored'>;

/** How the program treats a diagnostic in a release (`refusalSeverity` for those that refuse the line). */
export function diagnosticSeverity(program: Program, release: Release, diagnostic: Diagnostic, grammar?: ValueGrammar): Severity {
  switch (diagnostic) {
    case 'deprecated':
      return program === 'sshd' ? 'warning' : 'debug';
    case 'unsupported':
      return 'warning';
    case 'ignored':
      return 'debug';
    default:
      return refusalSeverity(program, release, diagnostic, grammar);
  }
}

/**
 * Whether the program stops at a refused line (fatal) or counts it (error). `grammar` refines
 * invalid-value for the kinds whose failures are not the program's default:
 * sshd (fatal by default) reports PubkeyAuthOptions problems as errors from
 * 8.7; ssh (fatal ≤8.4, error from 8.5) keeps fatal() for PermitRemoteOpen,
 * ChannelTimeout and VersionAddendum.
 */
export function refusalSeverity(program: Program, release: Release, refusal: Refusal, grammar?: ValueGrammar): 'fatal' | 'error' {
  const since87 = isAtLeast(release, '8.7');
  switch (refusal) {
    case 'bad-option':
    case 'no-argument':
    case 'invalid-quotes':
    case 'empty-argument':
    case 'none-not-alone':
      return 'error';
    case 'extra-arguments':
      if (since87) return 'error';
      return program === 'ssh' && isAtLeast(release, '8.5') ? 'error' : 'fatal';
    case 'not-in-match':
      return 'fatal';
    case 'invalid-value':
      if (program === 'sshd') {
        return since87 && grammar?.kind === 'pubkey-auth-options' ? 'error' : 'fatal';
      }
      if (!isAtLeast(release, '8.5')) return 'fatal';
      if (
        grammar?.kind === 'permit-remote-open' ||
        grammar?.kind === 'channel-timeout' ||
        grammar?.kind === 'version-addendum'
      ) {
        return 'fatal';
      }
      return 'error';
  }
}

// ======================================================= keyword-table types

/**
 * Lifecycle of a keyword name in one release:
 * - active: parsed and used (aliases included: see `aliasOf`).
 * - deprecated: sDeprecated / oDeprecated: arguments ignored, logged.
 * - ignored: sIgnore / oIgnore (Protocol): silently ignored.
 * - unsupported: sUnsupported / oUnsupported (compiled out, or retired).
 * - rejected: recognised, but every use is fatal in this build (sshd RDomain
 *   without routing-domain support, 8.3+).
 * - unknown: not in the table: "Bad configuration option".
 */
export type Status = 'active' | 'deprecated' | 'ignored' | 'unsupported' | 'rejected' | 'unknown';

/**
 * What a second occurrence of the keyword does.
 * - first-wins: the first value obtained is kept; later lines are still
 *   validated. (ssh: "first obtained value"; sshd: first *active* line.)
 * - last-wins: every (active) line overwrites.
 * - appends: every active line adds its values.
 * - first-line-wins: a list keyword whose whole list comes from the first
 *   line that sets it; later lines are validated and dropped.
 * - unique-name: Subsystem ≤9.4: one per name, a duplicate name is fatal.
 * - per-name: Subsystem 9.5+: one per name, a duplicate name is ignored.
 * - structural: Match / Include / Host: not a setting.
 * - none: nothing is stored (deprecated, unsupported, ignored).
 */
export type Accumulation =
  | 'first-wins'
  | 'last-wins'
  | 'appends'
  | 'first-line-wins'
  | 'unique-name'
  | 'per-name'
  | 'structural'
  | 'none';

/** A keyword that only a distribution's patched OpenSSH knows. */
export interface DistroKeyword {
  /** The BuildFeature whose presence makes the keyword exist. */
  readonly feature: 'debian-patches';
  /** Where it comes from and what was checked. */
  readonly note: string;
}

/** One keyword's facts, shared shape of the sshd and ssh tables. */
export interface KeywordFacts {
  /** Canonical spelling (the manual's, else the source's). Lookups are case-insensitive. */
  readonly name: string;
  /** First release with the name in `keywords[]`; omitted: already in 7.4. */
  readonly since?: Release;
  /** First release where the name is "Bad configuration option" again; omitted: still known in 10.5. */
  readonly removedIn?: Release;
  /**
   * Status while known (between since and removedIn); default 'active'. A
   * timeline may contain 'unknown' for a gap inside that range.
   */
  readonly status?: Status | Versioned<Status>;
  /**
   * Compile-time dependency: when the build lacks the feature the keyword is
   * "unsupported" (or 'rejected', see `withoutFeature`).
   */
  readonly requires?: BuildFeature | readonly BuildFeature[] | Versioned<BuildFeature | readonly BuildFeature[] | null>;
  /** Status when `requires` is missing from the build; default 'unsupported'. */
  readonly withoutFeature?: Status | Versioned<Status>;
  /** Distribution patch keyword: 'unknown' unless the build has the patch set. */
  readonly distro?: DistroKeyword;
  /** Canonical name of the keyword whose value this name sets (working alias). */
  readonly aliasOf?: string | Versioned<string | null>;
  /** Value grammar while active. Non-active statuses always consume everything. */
  readonly grammar: ValueGrammar | Versioned<ValueGrammar>;
  /** What repeated lines do. */
  readonly accumulation: Accumulation | Versioned<Accumulation>;
  /** Built-in default in config syntax, where simple; null = unset/none. */
  readonly default?: string | null | Versioned<string | null>;
  /** A default that replaces `default` in builds with `feature` (Debian patches change a few). */
  readonly buildDefault?: { readonly feature: BuildFeature; readonly value: string | null };
  /** A value to use instead of `sampleValue(grammar)` in oracle tests. */
  readonly sample?: string | Versioned<string>;
  /** Anything surprising, with the source location or test that shows it. */
  readonly notes?: string;
}

/** The facts of one keyword as they apply to one release and build. */
export interface ResolvedKeywordFacts {
  /** Canonical spelling. */
  readonly name: string;
  readonly release: Release;
  readonly build: BuildProfile;
  /** Never 'unknown': lookups of unknown keywords return undefined. */
  readonly status: Exclude<Status, 'unknown'>;
  /** Canonical name of the keyword this one sets, when it is a working alias. */
  readonly aliasOf?: string;
  /** The grammar while active or rejected; `ignored` otherwise. */
  readonly grammar: ValueGrammar;
  readonly accumulation: Accumulation;
  /** Built-in default (config syntax); null = unset; undefined = not recorded (or an alias). */
  readonly default?: string | null;
  /** A value the release accepts (oracle tests). */
  readonly sample: string;
  readonly distro?: DistroKeyword;
  readonly notes?: string;
  /** The table entry itself. */
  readonly facts: KeywordFacts;
}

/** Status of `facts` in `release` for `build` (may be 'unknown'). */
export function statusAt(facts: KeywordFacts, release: Release, build: BuildProfile): Status {
  if (facts.distro && !build.features.has(facts.distro.feature)) return 'unknown';
  if (!inRange(release, facts.since, facts.removedIn)) return 'unknown';
  const base = facts.status === undefined ? 'active' : (atRelease(facts.status, release) ?? 'active');
  if (base === 'unknown') return 'unknown';
  const requires = facts.requires === undefined ? undefined : atRelease(facts.requires, release);
  if (requires) {
    const needed: readonly BuildFeature[] = typeof requires === 'string' ? [requires] : requires;
    if (!needed.every((feature) => build.features.has(feature))) {
      return facts.withoutFeature === undefined ? 'unsupported' : (atRelease(facts.withoutFeature, release) ?? 'unsupported');
    }
  }
  return base;
}

/** Resolves the release- and build-dependent fields; undefined when the keyword is unknown there. */
export function resolveFacts(
  facts: KeywordFacts,
  release: Release,
  build: BuildProfile,
): ResolvedKeywordFacts | undefined {
  const status = statusAt(facts, release, build);
  if (status === 'unknown') return undefined;
  const live = status === 'active' || status === 'rejected';
  const aliasOf = facts.aliasOf === undefined ? undefined : (atRelease(facts.aliasOf, release) ?? undefined);
  const grammar = live ? atRelease(facts.grammar, release) : ignored();
  if (grammar === undefined) throw new Error(`${facts.name}: no grammar for ${release}`);
  const accumulation = live ? (atRelease(facts.accumulation, release) ?? 'first-wins') : 'none';
  const def =
    !live || aliasOf
      ? undefined
      : facts.buildDefault && build.features.has(facts.buildDefault.feature)
        ? facts.buildDefault.value
        : facts.default !== undefined
          ? atRelease(facts.default, release)
          : undefined;
  const sample = (facts.sample === undefined ? undefined : atRelease(facts.sample, release)) ?? sampleValue(grammar);
  return {
    name: facts.name,
    release,
    build,
    status,
    ...(aliasOf ? { aliasOf } : {}),
    grammar,
    accumulation,
    ...(def !== undefined ? { default: def } : {}),
    sample,
    ...(facts.distro ? { distro: facts.distro } : {}),
    ...(facts.notes ? { notes: facts.notes } : {}),
    facts,
  };
}

/** Case-insensitive index of a table by keyword name. */
export function indexByName<T extends KeywordFacts>(table: readonly T[]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const entry of table) {
    const key = entry.name.toLowerCase();
    if (map.has(key)) throw new Error(`duplicate keyword ${entry.name}`);
    map.set(key, entry);
  }
  return map;
}

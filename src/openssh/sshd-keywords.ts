/**
 * sshd_config keywords, OpenSSH 7.4 … 10.5, as servconf.c parses them.
 *
 * Produced from the openssh-portable tags V_7_4_P1 … V_10_5_P1:
 * scripts/extract-keywords.mjs listed every `keywords[]` row (from 10.4 the
 * SSHCONF_* lists in servconf.h) with its opcode, SSHCFG_* flags and
 * #ifdef conditions, the releases where each `case sX:` handler changed, the
 * multistate tables and the fill_default_server_options defaults. Grammar and
 * accumulation were then read from each handler by hand at every change
 * point; doubtful cases were run through Debian 12's sshd 9.2p1
 * (`sshd -t -f FILE -h KEY`), see test/openssh/keywords.test.ts.
 * `node scripts/extract-keywords.mjs MIRROR --check` re-compares the
 * mechanical parts (names, lifecycle, Match flags, build conditions, choice
 * values, simple defaults) with a mirror.
 *
 * Parsing facts that apply to every keyword:
 * - Keyword lookup is case-insensitive (strcasecmp); values mostly too
 *   (multistate tables), exceptions are marked `caseSensitive`.
 * - sshd keeps the first value for almost everything ("first-wins"), but
 *   only from lines that are *active*: global lines, or a Match block that
 *   matches. Inside a non-matching Match block values are still validated.
 * - Inside any Match block (whether it matches or not, and for `sshd -t`
 *   without -C none does) a keyword whose `match` is false is fatal:
 *   "Directive 'KW' is not allowed within a Match block" — even a deprecated
 *   one, and even an unknown one (after its "Bad configuration option").
 */
import type { BuildProfile, Release, Versioned } from './releases.js';
import { atRelease, byRelease, DEBIAN_BUILD, RELEASES } from './releases.js';
import type { KeywordFacts, ResolvedKeywordFacts } from './value-grammar.js';
import {
  algorithms,
  choice,
  DIGEST_NAMES,
  flag,
  ignored,
  indexByName,
  integer,
  named,
  path,
  resolveFacts,
  restOfLine,
  string,
  time,
  words,
} from './value-grammar.js';

export interface SshdKeywordFacts extends KeywordFacts {
  /** SSHCFG_MATCH: allowed inside a Match block. */
  readonly match: boolean | Versioned<boolean>;
}

export interface ResolvedSshdKeyword extends ResolvedKeywordFacts {
  readonly allowedInMatch: boolean;
  readonly facts: SshdKeywordFacts;
}

// Shorthands for the most common rows.
const FLAG = flag();
const DEPRECATED = { status: 'deprecated', grammar: ignored(), accumulation: 'none' } as const;
const FORWARDING = ['yes', 'all', 'no', 'remote', 'local'];

export const SSHD_KEYWORDS: readonly SshdKeywordFacts[] = [
  // ------------------------------------------------------------ A
  {
    name: 'AcceptEnv',
    match: true,
    grammar: named('env-names'),
    accumulation: 'appends',
    notes:
      'Each name must not contain "=" ("Invalid environment name.", fatal). ' +
      '≤8.6: an empty line is accepted. servconf.c: "appends to list; doesn\'t respect first-match-wins".',
  },
  {
    name: 'AddressFamily',
    match: false,
    grammar: choice(['inet', 'inet6', 'any']),
    accumulation: 'first-wins',
    default: 'any',
  },
  {
    name: 'AFSTokenPassing',
    match: false,
    status: byRelease({ '7.4': 'unsupported', '10.4': 'deprecated' }),
    grammar: ignored(),
    accumulation: 'none',
    notes: '"Unsupported option" up to 10.3, "Deprecated option" from 10.4 (servconf.h refactor).',
  },
  { name: 'AllowAgentForwarding', match: true, grammar: FLAG, accumulation: 'first-wins', default: 'yes' },
  {
    name: 'AllowGroups',
    match: true,
    grammar: named('group-patterns'),
    accumulation: 'appends',
    notes: '8.7+: an empty ("") pattern is fatal ("empty AllowGroups pattern").',
  },
  {
    name: 'AllowStreamLocalForwarding',
    match: true,
    grammar: choice(FORWARDING),
    accumulation: 'first-wins',
    default: 'yes',
  },
  { name: 'AllowTcpForwarding', match: true, grammar: choice(FORWARDING), accumulation: 'first-wins', default: 'yes' },
  {
    name: 'AllowUsers',
    match: true,
    grammar: named('user-patterns'),
    accumulation: 'appends',
    notes:
      'A comma is not a separator: "AllowUsers alice,bob" is one pattern that matches nobody. ' +
      'Invalid pattern (bad CIDR after @, or "" from 8.7): fatal "invalid AllowUsers pattern".',
  },
  {
    name: 'AuthenticationMethods',
    match: true,
    grammar: named('authentication-methods'),
    accumulation: 'first-line-wins',
    default: 'any',
    notes: '≤8.6: lines after the first that set it are not even validated.',
  },
  {
    name: 'AuthorizedKeysCommand',
    match: true,
    grammar: restOfLine({ absolutePathOrNone: true }),
    accumulation: 'first-wins',
    default: null,
    notes: '≤8.6 the absolute-path check only ran on the line that took effect.',
  },
  { name: 'AuthorizedKeysCommandUser', match: true, grammar: string(), accumulation: 'first-wins', default: null },
  {
    name: 'AuthorizedKeysFile',
    match: true,
    grammar: named('path-list'),
    accumulation: 'first-line-wins',
    default: '.ssh/authorized_keys .ssh/authorized_keys2',
    notes:
      '"~" is expanded at parse time for the uid running sshd. ≤8.6: no validation, an empty line accepted. ' +
      '8.7+: "" is an error; 10.3+: "none" must be alone.',
  },
  { name: 'AuthorizedKeysFile2', match: true, ...DEPRECATED },
  {
    name: 'AuthorizedPrincipalsCommand',
    match: true,
    grammar: restOfLine({ absolutePathOrNone: true }),
    accumulation: 'first-wins',
    default: null,
    notes:
      '8.7–9.3 bug: the line only takes effect while AuthorizedKeysCommand is unset (it tests the wrong ' +
      'variable), and then every such line overwrites.',
  },
  { name: 'AuthorizedPrincipalsCommandUser', match: true, grammar: string(), accumulation: 'first-wins', default: null },
  { name: 'AuthorizedPrincipalsFile', match: true, grammar: path(), accumulation: 'first-wins', default: null },
  // ------------------------------------------------------------ B–C
  { name: 'Banner', match: true, grammar: path(), accumulation: 'first-wins', default: null },
  { name: 'CASignatureAlgorithms', since: '7.9', match: true, grammar: algorithms('sig'), accumulation: 'first-wins' },
  {
    name: 'ChallengeResponseAuthentication',
    match: byRelease({ '7.4': false, '8.7': true }),
    aliasOf: byRelease({ '7.4': null, '8.7': 'KbdInteractiveAuthentication' }),
    grammar: FLAG,
    accumulation: 'first-wins',
    default: 'yes',
    notes:
      'Its own global setting (default yes) up to 8.6; from 8.7 an alias of KbdInteractiveAuthentication, so an ' +
      'early "ChallengeResponseAuthentication no" beats a later "KbdInteractiveAuthentication yes".',
  },
  {
    name: 'ChannelTimeout',
    since: '9.2',
    match: true,
    grammar: named('channel-timeout'),
    accumulation: 'first-line-wins',
    default: null,
  },
  { name: 'CheckMail', match: false, ...DEPRECATED },
  {
    name: 'ChrootDirectory',
    match: true,
    grammar: string(),
    accumulation: 'first-wins',
    default: null,
    sample: 'none',
  },
  { name: 'Ciphers', match: false, grammar: algorithms('cipher'), accumulation: 'first-wins' },
  { name: 'ClientAliveCountMax', match: true, grammar: integer(), accumulation: 'first-wins', default: '3' },
  { name: 'ClientAliveInterval', match: true, grammar: time(), accumulation: 'first-wins', default: '0' },
  {
    name: 'Compression',
    match: false,
    grammar: choice(['yes', 'delayed', 'no']),
    accumulation: 'first-wins',
    default: 'yes',
    notes: 'yes and delayed both mean delayed. 8.2+ builds without zlib accept only "no" (and default to it).',
  },
  // ------------------------------------------------------------ D–F
  { name: 'DenyGroups', match: true, grammar: named('group-patterns'), accumulation: 'appends' },
  { name: 'DenyUsers', match: true, grammar: named('user-patterns'), accumulation: 'appends' },
  { name: 'DisableForwarding', match: true, grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  {
    name: 'DSAAuthentication',
    match: false,
    aliasOf: 'PubkeyAuthentication',
    grammar: FLAG,
    accumulation: 'first-wins',
    // "no" would make AuthenticationMethods publickey unsatisfiable (a post-parse fatal).
    sample: 'yes',
  },
  { name: 'ExposeAuthInfo', since: '7.6', match: true, grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  {
    name: 'FingerprintHash',
    match: false,
    grammar: choice(DIGEST_NAMES),
    accumulation: 'last-wins',
    default: 'SHA256',
    notes: 'Any digest name is accepted (md5, sha1, sha256, sha384, sha512); every line overwrites.',
  },
  { name: 'ForceCommand', match: true, grammar: restOfLine(), accumulation: 'first-wins', default: null },
  {
    name: 'GatewayPorts',
    match: true,
    grammar: choice(['clientspecified', 'yes', 'no']),
    accumulation: 'first-wins',
    default: 'no',
  },
  // ------------------------------------------------------------ GSSAPI / Kerberos
  {
    name: 'GSSAPIAuthentication',
    match: true,
    requires: 'gssapi',
    status: byRelease({ '7.4': 'active', '10.4': 'unknown', '10.5': 'active' }),
    grammar: FLAG,
    accumulation: 'first-wins',
    default: 'no',
    notes: '10.4 misnamed the GSSAPI keywords (GssAuthentication …), so there these names are bad options.',
  },
  {
    name: 'GSSAPICleanupCredentials',
    match: false,
    requires: 'gssapi',
    status: byRelease({ '7.4': 'active', '10.4': 'unknown', '10.5': 'active' }),
    grammar: FLAG,
    accumulation: 'first-wins',
    default: 'yes',
  },
  {
    name: 'GSSAPIDelegateCredentials',
    since: '10.3',
    match: false,
    requires: 'gssapi',
    status: byRelease({ '10.3': 'active', '10.4': 'unknown', '10.5': 'active' }),
    grammar: FLAG,
    accumulation: 'first-wins',
    default: 'yes',
  },
  {
    name: 'GSSAPIStrictAcceptorCheck',
    match: false,
    requires: 'gssapi',
    status: byRelease({ '7.4': 'active', '10.4': 'unknown', '10.5': 'active' }),
    grammar: FLAG,
    accumulation: 'first-wins',
    default: byRelease({ '7.4': 'no', '7.5': 'yes' }),
    notes: '7.4 fill_default_server_options set 0 although the manual says yes; fixed in 7.5.',
  },
  {
    name: 'GssAuthentication',
    since: '10.4',
    removedIn: '10.5',
    match: true,
    requires: 'gssapi',
    grammar: FLAG,
    accumulation: 'first-wins',
    default: 'no',
    notes: '10.4 only: the servconf.h refactor spelled GSSAPIAuthentication this way (fixed in 10.5, c14709356).',
  },
  {
    name: 'GssCleanupCreds',
    since: '10.4',
    removedIn: '10.5',
    match: false,
    requires: 'gssapi',
    grammar: FLAG,
    accumulation: 'first-wins',
    default: 'yes',
    notes: '10.4 only, see GssAuthentication.',
  },
  {
    name: 'GssDelegateCreds',
    since: '10.4',
    removedIn: '10.5',
    match: false,
    requires: 'gssapi',
    grammar: FLAG,
    accumulation: 'first-wins',
    default: 'yes',
    notes: '10.4 only, see GssAuthentication.',
  },
  {
    name: 'GssStrictAcceptor',
    since: '10.4',
    removedIn: '10.5',
    match: false,
    requires: 'gssapi',
    grammar: FLAG,
    accumulation: 'first-wins',
    default: 'yes',
    notes: '10.4 only, see GssAuthentication.',
  },
  // ------------------------------------------------------------ H
  {
    name: 'HostbasedAcceptedAlgorithms',
    since: '8.5',
    match: true,
    grammar: algorithms('key'),
    accumulation: 'first-wins',
  },
  {
    name: 'HostbasedAcceptedKeyTypes',
    match: true,
    aliasOf: byRelease({ '7.4': null, '8.5': 'HostbasedAcceptedAlgorithms' }),
    grammar: algorithms('key'),
    accumulation: 'first-wins',
    notes: 'The keyword itself up to 8.4; an alias of HostbasedAcceptedAlgorithms from 8.5.',
  },
  { name: 'HostbasedAuthentication', match: true, grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  { name: 'HostbasedUsesNameFromPacketOnly', match: true, grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  {
    name: 'HostCertificate',
    match: false,
    grammar: path(),
    accumulation: 'appends',
    notes: 'A file that cannot be loaded is logged ("Could not load host certificate"), not fatal.',
  },
  { name: 'HostDSAKey', match: false, aliasOf: 'HostKey', grammar: path(), accumulation: 'appends' },
  {
    name: 'HostKey',
    match: false,
    grammar: path(),
    accumulation: 'appends',
    notes: 'Default (none given): ssh_host_{rsa,ecdsa,ed25519}_key (+ mldsa44_ed25519 in 10.5, xmss with WITH_XMSS).',
  },
  {
    name: 'HostKeyAgent',
    match: false,
    grammar: string(),
    accumulation: 'first-wins',
    default: null,
    notes: 'A socket path, or SSH_AUTH_SOCK to take it from the environment.',
  },
  { name: 'HostKeyAlgorithms', match: false, grammar: algorithms('key'), accumulation: 'first-wins' },
  // ------------------------------------------------------------ I–K
  {
    name: 'IgnoreRhosts',
    match: byRelease({ '7.4': false, '8.3': true }),
    grammar: byRelease({ '7.4': FLAG, '8.3': choice(['yes', 'no', 'shosts-only']) }),
    accumulation: 'first-wins',
    default: 'yes',
  },
  { name: 'IgnoreUserKnownHosts', match: false, grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  {
    name: 'Include',
    since: '8.2',
    match: true,
    grammar: named('include'),
    accumulation: 'structural',
    notes:
      'Relative paths are taken from /etc/ssh; glob(3); no match is fine; depth limit 16; processed at the ' +
      'position of the line; an included file cannot change the including file\'s Match state.',
  },
  {
    name: 'IPQoS',
    match: true,
    grammar: named('ipqos'),
    accumulation: byRelease({ '7.4': 'last-wins', '10.3': 'first-wins' }),
    default: byRelease({ '7.4': 'lowdelay throughput', '7.8': 'af21 cs1', '10.1': 'ef cs0' }),
    buildDefault: { feature: 'debian-patches', value: 'lowdelay throughput' },
    notes: 'Debian keeps "lowdelay throughput" (revert-ipqos-defaults.patch) [tested 9.2: sshd -T].',
  },
  {
    name: 'KbdInteractiveAuthentication',
    match: true,
    grammar: FLAG,
    accumulation: 'first-wins',
    default: byRelease({ '7.4': 'no', '8.7': 'yes' }),
    notes: '≤8.6 keyboard-interactive was enabled through ChallengeResponseAuthentication (default yes).',
  },
  { name: 'KeepAlive', match: false, aliasOf: 'TCPKeepAlive', grammar: FLAG, accumulation: 'first-wins' },
  {
    name: 'KerberosAuthentication',
    match: true,
    requires: 'krb5',
    grammar: FLAG,
    accumulation: 'first-wins',
    default: 'no',
  },
  {
    name: 'KerberosGetAFSToken',
    match: false,
    requires: ['krb5', 'afs'],
    grammar: FLAG,
    accumulation: 'first-wins',
    default: 'no',
  },
  {
    name: 'KerberosOrLocalPasswd',
    match: false,
    requires: 'krb5',
    grammar: FLAG,
    accumulation: 'first-wins',
    default: 'yes',
  },
  {
    name: 'KerberosTgtPassing',
    match: false,
    status: byRelease({ '7.4': 'unsupported', '10.4': 'deprecated' }),
    grammar: ignored(),
    accumulation: 'none',
  },
  {
    name: 'KerberosTicketCleanup',
    match: false,
    requires: 'krb5',
    grammar: FLAG,
    accumulation: 'first-wins',
    default: 'yes',
  },
  { name: 'KexAlgorithms', match: false, grammar: algorithms('kex'), accumulation: 'first-wins' },
  { name: 'KeyRegenerationInterval', match: false, ...DEPRECATED },
  // ------------------------------------------------------------ L–M
  {
    name: 'ListenAddress',
    match: false,
    grammar: named('listen-address'),
    accumulation: 'appends',
    notes: '"rdomain NAME" suffix from 7.7; a bare IPv6 address with 2+ colons takes no port.',
  },
  { name: 'LoginGraceTime', match: false, grammar: time(), accumulation: 'first-wins', default: '120' },
  {
    name: 'LogLevel',
    match: byRelease({ '7.4': false, '7.6': true }),
    grammar: named('log-level'),
    accumulation: 'first-wins',
    default: 'INFO',
  },
  {
    name: 'LogVerbose',
    since: '8.5',
    match: true,
    grammar: byRelease({
      '8.5': words({ min: 0 }),
      '8.7': words({ min: 1, noneAlone: true, nonEmpty: true }),
    }),
    accumulation: byRelease({ '8.5': 'appends', '8.7': 'first-line-wins' }),
    default: null,
    notes: 'Items are file:function:line patterns, not validated.',
  },
  { name: 'MACs', match: false, grammar: algorithms('mac'), accumulation: 'first-wins' },
  {
    name: 'Match',
    match: true,
    grammar: named('match'),
    accumulation: 'structural',
    notes: 'A block runs to the next Match or end of file; "Match all" returns to global.',
  },
  {
    name: 'MaxAuthTries',
    match: true,
    grammar: integer(),
    accumulation: 'first-wins',
    default: '6',
    notes: '0 is accepted by sshd -t and locks everyone out.',
  },
  { name: 'MaxSessions', match: true, grammar: integer(), accumulation: 'first-wins', default: '10' },
  {
    name: 'MaxStartups',
    match: false,
    grammar: named('max-startups'),
    accumulation: byRelease({ '7.4': 'last-wins', '10.1': 'first-wins' }),
    default: '10:30:100',
  },
  { name: 'ModuliFile', since: '8.6', match: false, grammar: path(), accumulation: 'first-wins' },
  // ------------------------------------------------------------ P
  {
    name: 'PAMAuthenticationViaKbdInt',
    removedIn: '10.4',
    match: false,
    ...DEPRECATED,
    notes: 'Dropped by the 10.4 servconf.h refactor: a bad option from 10.4.',
  },
  {
    name: 'PAMServiceName',
    since: '9.8',
    match: byRelease({ '9.8': true, '10.4': false, '10.5': true }),
    requires: 'pam',
    grammar: string(),
    accumulation: 'first-wins',
    default: 'sshd',
    notes: 'Global-only in 10.4 (refactor), allowed in Match again in 10.5 (4c414d99f).',
  },
  { name: 'PasswordAuthentication', match: true, grammar: FLAG, accumulation: 'first-wins', default: 'yes' },
  { name: 'PermitEmptyPasswords', match: true, grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  {
    name: 'PermitListen',
    since: '7.8',
    match: true,
    grammar: named('permit-listen'),
    accumulation: 'first-line-wins',
    default: 'any',
  },
  {
    name: 'PermitOpen',
    match: true,
    grammar: named('permit-open'),
    accumulation: 'first-line-wins',
    default: 'any',
  },
  {
    name: 'PermitRootLogin',
    match: true,
    grammar: choice(['prohibit-password', 'without-password', 'forced-commands-only', 'yes', 'no']),
    accumulation: 'first-wins',
    default: 'prohibit-password',
    notes: 'sshd -T prints the default as "without-password" up to 10.0 (table order) [tested 9.2].',
  },
  { name: 'PermitTTY', match: true, grammar: FLAG, accumulation: 'first-wins', default: 'yes' },
  {
    name: 'PermitTunnel',
    match: true,
    grammar: choice(['no', 'point-to-point', 'ethernet', 'yes'], true),
    accumulation: 'first-wins',
    default: 'no',
    notes: 'Compared with strcmp: "Yes" is fatal ("Bad yes/point-to-point/ethernet/no argument", 8.7+: "bad PermitTunnel argument").',
  },
  {
    name: 'PermitUserEnvironment',
    match: false,
    grammar: byRelease({ '7.4': FLAG, '7.8': named('permit-user-environment') }),
    accumulation: 'first-wins',
    default: 'no',
  },
  { name: 'PermitUserRC', match: true, grammar: FLAG, accumulation: 'first-wins', default: 'yes' },
  {
    name: 'PerSourceMaxStartups',
    since: '8.5',
    match: false,
    grammar: integer({ noneKeyword: 'none' }),
    accumulation: byRelease({ '8.5': 'last-wins', '9.5': 'first-wins' }),
    default: 'none',
  },
  {
    name: 'PerSourceNetBlockSize',
    since: '8.5',
    match: false,
    grammar: named('per-source-net-block-size'),
    accumulation: byRelease({ '8.5': 'last-wins', '10.1': 'first-wins' }),
    default: '32:128',
    notes: '≤10.2 a single value also resets the IPv6 length to its sscanf leftover; 10.3 keeps the default.',
  },
  {
    name: 'PerSourcePenalties',
    since: '9.8',
    match: false,
    grammar: named('per-source-penalties'),
    accumulation: 'first-wins',
    notes: 'Each item sets its own field, first one wins; any item enables penalties. On by default.',
  },
  {
    name: 'PerSourcePenaltyExemptList',
    since: '9.8',
    match: false,
    grammar: named('address-list'),
    accumulation: 'first-wins',
    default: null,
  },
  {
    name: 'PidFile',
    match: false,
    grammar: path(),
    accumulation: 'first-wins',
    notes: 'Default is a build path (/var/run/sshd.pid; Debian /run/sshd.pid).',
  },
  {
    name: 'Port',
    match: false,
    grammar: named('port'),
    accumulation: 'appends',
    default: '22',
    notes: 'Ignored when sshd gets -p. At most 256 ports.',
  },
  {
    name: 'PrintLastLog',
    match: false,
    requires: 'lastlog',
    grammar: FLAG,
    accumulation: 'first-wins',
    default: 'yes',
  },
  { name: 'PrintMotd', match: false, grammar: FLAG, accumulation: 'first-wins', default: 'yes' },
  {
    name: 'Protocol',
    match: false,
    status: 'ignored',
    grammar: ignored(),
    accumulation: 'none',
    notes: 'Silently ignored (DEBUG2), whatever the argument.',
  },
  {
    name: 'PubkeyAcceptedAlgorithms',
    since: '8.5',
    match: true,
    grammar: algorithms('key'),
    accumulation: 'first-wins',
  },
  {
    name: 'PubkeyAcceptedKeyTypes',
    match: true,
    aliasOf: byRelease({ '7.4': null, '8.5': 'PubkeyAcceptedAlgorithms' }),
    grammar: algorithms('key'),
    accumulation: 'first-wins',
  },
  { name: 'PubkeyAuthentication', match: true, grammar: FLAG, accumulation: 'first-wins', default: 'yes', sample: 'yes' },
  {
    name: 'PubkeyAuthOptions',
    since: '8.2',
    match: true,
    grammar: named('pubkey-auth-options'),
    accumulation: 'first-wins',
    default: 'none',
  },
  // ------------------------------------------------------------ R
  {
    name: 'RDomain',
    since: '7.7',
    match: true,
    requires: 'rdomain',
    withoutFeature: byRelease({ '7.7': 'active', '8.3': 'rejected' }),
    grammar: named('rdomain'),
    accumulation: 'first-wins',
    default: null,
    notes: '8.3+ without routing-domain support: fatal "setting RDomain not supported on this platform." [tested 9.2].',
  },
  { name: 'RefuseConnection', since: '9.9', match: true, grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  {
    name: 'RekeyLimit',
    match: true,
    grammar: named('rekey-limit'),
    accumulation: 'first-wins',
    default: 'default none',
  },
  { name: 'RequiredRSASize', since: '9.1', match: true, grammar: integer(), accumulation: 'first-wins', default: '1024' },
  { name: 'ReverseMappingCheck', match: false, ...DEPRECATED },
  {
    name: 'RevokedKeys',
    match: true,
    grammar: byRelease({ '7.4': path(), '10.3': named('path-list') }),
    accumulation: byRelease({ '7.4': 'first-wins', '10.3': 'first-line-wins' }),
    default: null,
    notes: 'One file up to 10.2, several from 10.3.',
  },
  { name: 'RHostsAuthentication', match: false, ...DEPRECATED },
  { name: 'RhostsRSAAuthentication', match: true, ...DEPRECATED },
  { name: 'RSAAuthentication', match: true, ...DEPRECATED },
  // ------------------------------------------------------------ S
  {
    name: 'SecurityKeyProvider',
    since: '8.2',
    match: false,
    grammar: string(),
    accumulation: 'first-wins',
    default: 'internal',
  },
  { name: 'ServerKeyBits', match: false, ...DEPRECATED },
  {
    name: 'SetEnv',
    since: '7.8',
    match: true,
    grammar: named('env-assignments'),
    accumulation: 'first-line-wins',
    notes:
      'Not appending: only the first active SetEnv line counts (7.8 `uvalue != 0`, 9.7 `found`). ' +
      '9.1+: a repeated name within that line is ignored (debug2).',
  },
  {
    name: 'SKeyAuthentication',
    match: byRelease({ '7.4': false, '8.7': true }),
    status: byRelease({ '7.4': 'active', '7.8': 'deprecated', '8.7': 'active' }),
    aliasOf: byRelease({ '7.4': 'ChallengeResponseAuthentication', '7.8': null, '8.7': 'KbdInteractiveAuthentication' }),
    grammar: FLAG,
    accumulation: 'first-wins',
  },
  { name: 'SshdAuthPath', since: '10.0', match: false, grammar: path(), accumulation: 'first-wins' },
  { name: 'SshdSessionPath', since: '9.8', match: false, grammar: path(), accumulation: 'first-wins' },
  {
    name: 'StreamLocalBindMask',
    match: true,
    grammar: named('octal-mask'),
    accumulation: 'last-wins',
    default: '0177',
  },
  { name: 'StreamLocalBindUnlink', match: true, grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  { name: 'StrictModes', match: false, grammar: FLAG, accumulation: 'first-wins', default: 'yes' },
  {
    name: 'Subsystem',
    match: byRelease({ '7.4': false, '9.5': true }),
    grammar: named('subsystem'),
    accumulation: byRelease({ '7.4': 'unique-name', '9.5': 'per-name' }),
    notes:
      '≤9.4: a second definition of a name is fatal ("Subsystem \'sftp\' already defined."); 9.5+: the ' +
      'first definition of a name wins, later ones are ignored (debug). 10.3+ checks for the command before ' +
      'looking at Match state.',
  },
  {
    name: 'SyslogFacility',
    match: false,
    grammar: named('syslog-facility'),
    accumulation: 'first-wins',
    default: 'AUTH',
  },
  // ------------------------------------------------------------ T–X
  { name: 'TCPKeepAlive', match: false, grammar: FLAG, accumulation: 'first-wins', default: 'yes' },
  { name: 'TrustedUserCAKeys', match: true, grammar: path(), accumulation: 'first-wins', default: null },
  {
    name: 'UnusedConnectionTimeout',
    since: '9.2',
    match: true,
    grammar: time({ none: true }),
    accumulation: 'first-wins',
    default: 'none',
    notes: '"none" (any case) is stored unconditionally, so it also overrides an earlier value.',
  },
  { name: 'UseDNS', match: false, grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  { name: 'UseLogin', match: false, ...DEPRECATED },
  {
    name: 'UsePAM',
    match: false,
    requires: 'pam',
    grammar: FLAG,
    accumulation: 'first-wins',
    default: 'no',
    notes: 'Debian and most distributions ship "UsePAM yes" in sshd_config.',
  },
  {
    name: 'UsePrivilegeSeparation',
    match: false,
    status: byRelease({ '7.4': 'active', '7.5': 'deprecated' }),
    grammar: choice(['yes', 'sandbox', 'nosandbox', 'no']),
    accumulation: 'first-wins',
    default: 'sandbox',
  },
  { name: 'VerifyReverseMapping', match: false, ...DEPRECATED },
  {
    name: 'VersionAddendum',
    match: false,
    grammar: named('version-addendum'),
    accumulation: 'first-wins',
    default: 'none',
  },
  { name: 'X11DisplayOffset', match: true, grammar: integer(), accumulation: 'first-wins', default: '10' },
  { name: 'X11Forwarding', match: true, grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  { name: 'X11UseLocalhost', match: true, grammar: FLAG, accumulation: 'first-wins', default: 'yes' },
  {
    name: 'XAuthLocation',
    match: false,
    grammar: path(),
    accumulation: 'first-wins',
    notes: 'Default is the build\'s xauth path (/usr/bin/xauth on Debian).',
  },

  // ======================================================== Debian patches
  // Verified against Debian 12's sshd 9.2p1-2+deb12u*; Ubuntu carries the same patches.
  {
    name: 'DebianBanner',
    distro: { feature: 'debian-patches', note: 'debian-banner.patch: include the Debian version in the banner.' },
    match: false,
    grammar: FLAG,
    accumulation: 'first-wins',
    default: 'yes',
  },
  {
    name: 'GSSAPIKeyExchange',
    distro: { feature: 'debian-patches', note: 'gssapi.patch (GSSAPI key exchange, rejected upstream).' },
    match: false,
    requires: 'gssapi',
    grammar: FLAG,
    accumulation: 'first-wins',
    default: 'no',
  },
  {
    name: 'GSSAPIKexAlgorithms',
    distro: { feature: 'debian-patches', note: 'gssapi.patch; ssh-audit hardening guides write it.' },
    match: false,
    requires: 'gssapi',
    grammar: algorithms('gss-kex'),
    accumulation: 'first-wins',
  },
  {
    name: 'GSSAPIStoreCredentialsOnRekey',
    distro: { feature: 'debian-patches', note: 'gssapi.patch.' },
    match: false,
    requires: 'gssapi',
    grammar: FLAG,
    accumulation: 'first-wins',
    default: 'no',
  },
  {
    name: 'GSSAPICleanupCreds',
    distro: { feature: 'debian-patches', note: 'gssapi.patch: alias row for GSSAPICleanupCredentials.' },
    match: false,
    requires: 'gssapi',
    // Follows upstream's 10.4-only misspelling, should a patched 10.4 exist.
    aliasOf: byRelease({ '7.4': 'GSSAPICleanupCredentials', '10.4': 'GssCleanupCreds', '10.5': 'GSSAPICleanupCredentials' }),
    grammar: FLAG,
    accumulation: 'first-wins',
  },
  {
    name: 'GSSUseSessionCCache',
    distro: { feature: 'debian-patches', note: 'gssapi.patch: recognised as sUnsupported.' },
    match: false,
    status: 'unsupported',
    grammar: ignored(),
    accumulation: 'none',
  },
  {
    name: 'GSSAPIUseSessionCredCache',
    distro: { feature: 'debian-patches', note: 'gssapi.patch: recognised as sUnsupported [tested 9.2].' },
    match: false,
    status: 'unsupported',
    grammar: ignored(),
    accumulation: 'none',
  },
  {
    name: 'PermitBlacklistedKeys',
    distro: { feature: 'debian-patches', note: 'Left over from the 2008 weak-key blacklist: "Deprecated option" [tested 9.2].' },
    match: false,
    ...DEPRECATED,
  },
];

const BY_NAME = indexByName(SSHD_KEYWORDS);

/**
 * What sshd `release` built as `build` makes of keyword `name` (any case):
 * undefined when it is a "Bad configuration option" there.
 */
export function sshdKeyword(
  name: string,
  release: Release,
  build: BuildProfile = DEBIAN_BUILD,
): ResolvedSshdKeyword | undefined {
  const facts = BY_NAME.get(name.toLowerCase());
  if (!facts) return undefined;
  const resolved = resolveFacts(facts, release, build);
  if (!resolved) return undefined;
  return { ...resolved, facts, allowedInMatch: atRelease(facts.match, release) ?? false };
}

/** Every keyword sshd `release` knows in `build`, in table order. */
export function sshdKeywordsAt(release: Release, build: BuildProfile = DEBIAN_BUILD): ResolvedSshdKeyword[] {
  return SSHD_KEYWORDS.map((facts) => sshdKeyword(facts.name, release, build)).filter(
    (k): k is ResolvedSshdKeyword => k !== undefined,
  );
}

/** Keyword counts per release (for reports). */
export function sshdKeywordCounts(build: BuildProfile = DEBIAN_BUILD): Record<Release, number> {
  return Object.fromEntries(RELEASES.map((r) => [r, sshdKeywordsAt(r, build).length])) as Record<Release, number>;
}

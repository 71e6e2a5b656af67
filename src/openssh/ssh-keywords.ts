/**
 * ssh_config keywords, OpenSSH 7.4 … 10.5, as readconf.c parses them.
 *
 * Produced like sshd-keywords.ts (scripts/extract-keywords.mjs over the
 * V_X_Y_P1 tags, then each `case oX:` handler read at its change points, and
 * doubtful cases run through Debian 12's `ssh -G -F FILE host`, 9.2p1).
 *
 * Parsing facts that apply to every keyword:
 * - The keyword is lower-cased before lookup. Flags take yes/no/true/false,
 *   case-insensitive.
 * - "The first obtained value wins": host-specific blocks must come first.
 *   List keywords that accumulate say so.
 * - Unknown keyword: "Bad configuration option: kw", counted, fatal after the
 *   file — unless an earlier IgnoreUnknown pattern list matches the
 *   lower-cased name ("Ignored unknown option", debug).
 * - oDeprecated: debug only ("Deprecated option"); oUnsupported: "Unsupported
 *   option \"kw\"" printed on every run, not fatal; oIgnore (Protocol): silent.
 * - Value errors are fatal up to 8.4 and counted errors from 8.5 (see
 *   diagnosticSeverity), except the few fatal() calls noted per keyword.
 * - There is no "not allowed here": every keyword may appear in Host/Match.
 */
import type { BuildProfile, Release } from './releases.js';
import { byRelease, DEBIAN_BUILD, RELEASES } from './releases.js';
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

export type SshKeywordFacts = KeywordFacts;

export interface ResolvedSshKeyword extends ResolvedKeywordFacts {
  readonly facts: SshKeywordFacts;
}

const FLAG = flag();
const TIME = time({ none: true });
const DEPRECATED = { status: 'deprecated', grammar: ignored(), accumulation: 'none' } as const;
const UNSUPPORTED = { status: 'unsupported', grammar: ignored(), accumulation: 'none' } as const;
const YES_NO_ASK = choice(['true', 'false', 'yes', 'no', 'ask']);

export const SSH_KEYWORDS: readonly SshKeywordFacts[] = [
  // ------------------------------------------------------------ A–B
  {
    name: 'AddKeysToAgent',
    grammar: byRelease({
      '7.4': choice(['true', 'false', 'yes', 'no', 'ask', 'confirm']),
      '8.4': named('add-keys-to-agent'),
    }),
    accumulation: 'first-wins',
    default: 'no',
  },
  { name: 'AddressFamily', grammar: choice(['inet', 'inet6', 'any']), accumulation: 'first-wins', default: 'any' },
  { name: 'AFSTokenPassing', ...UNSUPPORTED },
  { name: 'BatchMode', grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  { name: 'BindAddress', grammar: string(), accumulation: 'first-wins', default: null },
  { name: 'BindInterface', since: '7.7', grammar: string(), accumulation: 'first-wins', default: null },
  // ------------------------------------------------------------ C
  {
    name: 'CanonicalDomains',
    grammar: named('canonical-domains'),
    accumulation: 'first-line-wins',
    default: null,
  },
  { name: 'CanonicalizeFallbackLocal', grammar: FLAG, accumulation: 'first-wins', default: 'yes' },
  {
    name: 'CanonicalizeHostname',
    grammar: choice(['true', 'false', 'yes', 'no', 'always']),
    accumulation: 'first-wins',
    default: 'no',
  },
  { name: 'CanonicalizeMaxDots', grammar: integer(), accumulation: 'first-wins', default: '1' },
  {
    name: 'CanonicalizePermittedCNAMEs',
    grammar: named('permitted-cnames'),
    accumulation: 'first-line-wins',
    default: null,
  },
  { name: 'CASignatureAlgorithms', since: '7.9', grammar: algorithms('sig'), accumulation: 'first-wins' },
  {
    name: 'CertificateFile',
    grammar: path(),
    accumulation: 'appends',
    notes: 'At most 100 (SSH_MAX_CERTIFICATE_FILES): "Too many certificate files specified".',
  },
  {
    name: 'ChallengeResponseAuthentication',
    aliasOf: byRelease({ '7.4': null, '8.7': 'KbdInteractiveAuthentication' }),
    grammar: FLAG,
    accumulation: 'first-wins',
    default: 'yes',
    notes: 'Its own setting up to 8.6, an alias of KbdInteractiveAuthentication from 8.7.',
  },
  {
    name: 'ChannelTimeout',
    since: '9.6',
    grammar: named('channel-timeout'),
    accumulation: 'first-line-wins',
    default: null,
  },
  {
    name: 'CheckHostIP',
    grammar: FLAG,
    accumulation: 'first-wins',
    default: byRelease({ '7.4': 'yes', '8.5': 'no' }),
  },
  {
    name: 'Cipher',
    status: byRelease({ '7.4': 'active', '7.6': 'deprecated' }),
    grammar: string(),
    accumulation: 'first-wins',
    notes: 'SSH-1 cipher (cipher_number: "Bad cipher") up to 7.5; deprecated from 7.6.',
  },
  { name: 'Ciphers', grammar: algorithms('cipher'), accumulation: 'first-wins' },
  { name: 'ClearAllForwardings', grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  {
    name: 'Compression',
    grammar: byRelease({ '7.4': FLAG, '8.2': choice(['yes', 'no']) }),
    accumulation: 'first-wins',
    default: 'no',
    notes: '8.2+: "true"/"false" are no longer accepted; without zlib only "no".',
  },
  {
    name: 'CompressionLevel',
    status: byRelease({ '7.4': 'active', '7.6': 'unsupported' }),
    requires: byRelease({ '7.5': 'ssh1', '7.6': null }),
    grammar: integer(),
    accumulation: 'first-wins',
  },
  { name: 'ConnectionAttempts', grammar: integer(), accumulation: 'first-wins', default: '1' },
  { name: 'ConnectTimeout', grammar: TIME, accumulation: 'first-wins', default: 'none' },
  {
    name: 'ControlMaster',
    grammar: choice(['true', 'yes', 'false', 'no', 'auto', 'ask', 'autoask']),
    accumulation: 'first-wins',
    default: 'no',
  },
  { name: 'ControlPath', grammar: string(), accumulation: 'first-wins', default: null },
  { name: 'ControlPersist', grammar: named('control-persist'), accumulation: 'first-wins', default: 'no' },
  // ------------------------------------------------------------ D–F
  {
    name: 'DSAAuthentication',
    aliasOf: 'PubkeyAuthentication',
    grammar: byRelease({ '7.4': FLAG, '8.9': choice(['true', 'false', 'yes', 'no', 'unbound', 'host-bound']) }),
    accumulation: 'first-wins',
  },
  { name: 'DynamicForward', grammar: named('forward-dynamic'), accumulation: 'appends' },
  { name: 'EnableEscapeCommandline', since: '9.2', grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  { name: 'EnableSSHKeysign', grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  { name: 'EscapeChar', grammar: named('escape-char'), accumulation: 'first-wins', default: '~' },
  { name: 'ExitOnForwardFailure', grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  { name: 'FallBackToRsh', ...DEPRECATED },
  { name: 'FingerprintHash', grammar: choice(DIGEST_NAMES), accumulation: 'first-wins', default: 'SHA256' },
  { name: 'ForkAfterAuthentication', since: '8.7', grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  {
    name: 'ForwardAgent',
    grammar: byRelease({ '7.4': FLAG, '8.2': named('forward-agent') }),
    accumulation: 'first-wins',
    default: 'no',
  },
  { name: 'ForwardX11', grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  { name: 'ForwardX11Timeout', grammar: TIME, accumulation: 'first-wins', default: '1200' },
  {
    name: 'ForwardX11Trusted',
    grammar: FLAG,
    accumulation: 'first-wins',
    default: 'no',
    buildDefault: { feature: 'debian-patches', value: 'yes' },
    notes: 'Debian\'s ssh defaults to yes (debian-config.patch) [tested 9.2: ssh -G prints forwardx11trusted yes].',
  },
  // ------------------------------------------------------------ G–H
  {
    name: 'GatewayPorts',
    grammar: FLAG,
    accumulation: 'first-wins',
    default: 'no',
    notes: 'A flag on the client (the server\'s GatewayPorts also takes clientspecified).',
  },
  {
    name: 'GlobalKnownHostsFile',
    grammar: named('known-hosts-files'),
    accumulation: 'first-line-wins',
    default: '/etc/ssh/ssh_known_hosts /etc/ssh/ssh_known_hosts2',
  },
  { name: 'GlobalKnownHostsFile2', ...DEPRECATED },
  { name: 'GSSAPIAuthentication', requires: 'gssapi', grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  { name: 'GSSAPIDelegateCredentials', requires: 'gssapi', grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  { name: 'HashKnownHosts', grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  {
    name: 'Host',
    grammar: named('host-patterns'),
    accumulation: 'structural',
    notes: 'A negated match ("!pattern") makes the whole block inactive.',
  },
  {
    name: 'HostbasedAcceptedAlgorithms',
    since: '8.7',
    grammar: algorithms('key'),
    accumulation: 'first-wins',
    notes: '8.5 and 8.6 spelled this keyword "hostbasedalgorithms" in keywords[] (fixed in 8.7).',
  },
  {
    name: 'HostbasedAlgorithms',
    since: '8.5',
    removedIn: '8.7',
    grammar: algorithms('key'),
    accumulation: 'first-wins',
    notes: 'The 8.5/8.6 name of HostbasedAcceptedAlgorithms (a typo in readconf.c keywords[]).',
  },
  { name: 'HostbasedAuthentication', grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  {
    name: 'HostbasedKeyTypes',
    aliasOf: byRelease({ '7.4': null, '8.5': 'HostbasedAlgorithms', '8.7': 'HostbasedAcceptedAlgorithms' }),
    grammar: algorithms('key'),
    accumulation: 'first-wins',
  },
  { name: 'HostKeyAlgorithms', grammar: algorithms('key'), accumulation: 'first-wins' },
  { name: 'HostKeyAlias', grammar: string(), accumulation: 'first-wins', default: null },
  { name: 'Hostname', grammar: string(), accumulation: 'first-wins' },
  // ------------------------------------------------------------ I–K
  { name: 'IdentitiesOnly', grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  {
    name: 'IdentityAgent',
    grammar: byRelease({ '7.4': string(), '7.9': named('agent-socket') }),
    accumulation: 'first-wins',
    default: null,
  },
  {
    name: 'IdentityFile',
    grammar: path(),
    accumulation: 'appends',
    notes: 'At most 100 (SSH_MAX_IDENTITY_FILES): "Too many identity files specified".',
  },
  { name: 'IdentityFile2', aliasOf: 'IdentityFile', grammar: path(), accumulation: 'appends' },
  {
    name: 'IgnoreUnknown',
    grammar: string(),
    accumulation: 'first-wins',
    notes: 'A pattern list; only affects unknown keywords on later lines.',
  },
  {
    name: 'Include',
    grammar: named('include'),
    accumulation: 'structural',
    notes:
      'Relative paths: ~/.ssh for user configs, /etc/ssh for system ones; "~" only in user configs ' +
      '("bad include path"). 9.9+ expands %tokens and ${ENV}.',
  },
  {
    name: 'IPQoS',
    grammar: named('ipqos'),
    accumulation: byRelease({ '7.4': 'last-wins', '8.7': 'first-wins' }),
    default: byRelease({ '7.4': 'lowdelay throughput', '7.8': 'af21 cs1', '10.1': 'ef cs0' }),
    buildDefault: { feature: 'debian-patches', value: 'lowdelay throughput' },
    notes: 'Debian keeps "lowdelay throughput" [tested 9.2: ssh -G].',
  },
  { name: 'KbdInteractiveAuthentication', grammar: FLAG, accumulation: 'first-wins', default: 'yes' },
  { name: 'KbdInteractiveDevices', grammar: string(), accumulation: 'first-wins', default: null },
  { name: 'KeepAlive', aliasOf: 'TCPKeepAlive', grammar: FLAG, accumulation: 'first-wins' },
  {
    name: 'KerberosAuthentication',
    ...UNSUPPORTED,
    notes: 'Always oUnsupported in the client (GSSAPIAuthentication is the Kerberos path).',
  },
  { name: 'KerberosTGTPassing', ...UNSUPPORTED },
  { name: 'KexAlgorithms', grammar: algorithms('kex'), accumulation: 'first-wins' },
  { name: 'KnownHostsCommand', since: '8.5', grammar: restOfLine(), accumulation: 'first-wins', default: null },
  // ------------------------------------------------------------ L–O
  { name: 'LocalCommand', grammar: restOfLine(), accumulation: 'first-wins', default: null },
  { name: 'LocalForward', grammar: named('forward-local'), accumulation: 'appends' },
  { name: 'LogLevel', grammar: named('log-level'), accumulation: 'first-wins', default: 'INFO' },
  {
    name: 'LogVerbose',
    since: '8.5',
    grammar: byRelease({
      '8.5': words({ min: 0 }),
      '8.7': words({ min: 1, noneAlone: true, nonEmpty: true }),
    }),
    accumulation: 'first-line-wins',
    default: null,
  },
  { name: 'MACs', grammar: algorithms('mac'), accumulation: 'first-wins' },
  { name: 'Match', grammar: named('match'), accumulation: 'structural' },
  { name: 'NoHostAuthenticationForLocalhost', grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  { name: 'NumberOfPasswordPrompts', grammar: integer(), accumulation: 'first-wins', default: '3' },
  {
    name: 'ObscureKeystrokeTiming',
    since: '9.5',
    grammar: named('obscure-keystroke-timing'),
    accumulation: 'first-wins',
    default: 'yes',
  },
  // ------------------------------------------------------------ P
  { name: 'PasswordAuthentication', grammar: FLAG, accumulation: 'first-wins', default: 'yes' },
  { name: 'PermitLocalCommand', grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  {
    name: 'PermitRemoteOpen',
    since: '8.5',
    grammar: named('permit-remote-open'),
    accumulation: 'first-line-wins',
    default: 'any',
    notes: 'A missing host or bad port is fatal() even in 8.5+.',
  },
  { name: 'PKCS11Provider', requires: 'pkcs11', grammar: string(), accumulation: 'first-wins', default: null },
  {
    name: 'Port',
    grammar: byRelease({ '7.4': integer(), '7.9': named('port') }),
    accumulation: 'first-wins',
    default: '22',
    notes: 'Up to 7.8 parse_int: any integer, 0 included, no service names; a2port() (1..65535 or a service name) from 7.9.',
  },
  { name: 'PreferredAuthentications', grammar: string(), accumulation: 'first-wins' },
  {
    name: 'Protocol',
    status: byRelease({ '7.4': 'active', '7.6': 'ignored' }),
    grammar: choice(['2', '1', '1,2', '2,1']),
    accumulation: 'first-wins',
    notes: 'proto_spec() up to 7.5 ("Bad protocol spec"); silently ignored from 7.6.',
  },
  {
    name: 'ProxyCommand',
    grammar: restOfLine(),
    accumulation: 'first-wins',
    default: null,
    notes: '≤10.2: ignored when ProxyJump was already set. Leading "=" and blanks are skipped.',
  },
  { name: 'ProxyJump', grammar: named('proxy-jump'), accumulation: 'first-wins', default: null },
  { name: 'ProxyUseFdpass', grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  {
    name: 'PubkeyAcceptedAlgorithms',
    since: '8.5',
    grammar: algorithms('key'),
    accumulation: 'first-wins',
  },
  {
    name: 'PubkeyAcceptedKeyTypes',
    aliasOf: byRelease({ '7.4': null, '8.5': 'PubkeyAcceptedAlgorithms' }),
    grammar: algorithms('key'),
    accumulation: 'first-wins',
  },
  {
    name: 'PubkeyAuthentication',
    grammar: byRelease({ '7.4': FLAG, '8.9': choice(['true', 'false', 'yes', 'no', 'unbound', 'host-bound']) }),
    accumulation: 'first-wins',
    default: 'yes',
  },
  // ------------------------------------------------------------ R
  {
    name: 'RefuseConnection',
    since: '10.1',
    grammar: string(),
    accumulation: 'first-wins',
    notes: 'Any argument; when the line is active ssh exits: fatal "RefuseConnection: ARG".',
  },
  { name: 'RekeyLimit', grammar: named('rekey-limit'), accumulation: 'first-wins', default: 'default none' },
  { name: 'RemoteCommand', since: '7.6', grammar: restOfLine(), accumulation: 'first-wins', default: null },
  { name: 'RemoteForward', grammar: named('forward-remote'), accumulation: 'appends' },
  {
    name: 'RequestTTY',
    grammar: choice(['true', 'yes', 'false', 'no', 'force', 'auto']),
    accumulation: 'first-wins',
    default: 'auto',
  },
  { name: 'RequiredRSASize', since: '9.1', grammar: integer(), accumulation: 'first-wins', default: '1024' },
  {
    name: 'RevokedHostKeys',
    grammar: byRelease({ '7.4': string(), '10.3': named('path-list') }),
    accumulation: byRelease({ '7.4': 'first-wins', '10.3': 'first-line-wins' }),
    default: null,
  },
  { name: 'RhostsAuthentication', ...DEPRECATED },
  {
    name: 'RhostsRSAAuthentication',
    status: byRelease({ '7.4': 'active', '7.6': 'unsupported' }),
    requires: byRelease({ '7.5': 'ssh1', '7.6': null }),
    grammar: FLAG,
    accumulation: 'first-wins',
  },
  {
    name: 'RSAAuthentication',
    status: byRelease({ '7.4': 'active', '7.6': 'unsupported' }),
    requires: byRelease({ '7.5': 'ssh1', '7.6': null }),
    grammar: FLAG,
    accumulation: 'first-wins',
  },
  // ------------------------------------------------------------ S
  { name: 'SecurityKeyProvider', since: '8.2', grammar: string(), accumulation: 'first-wins', default: 'internal' },
  {
    name: 'SendEnv',
    grammar: named('env-names'),
    accumulation: 'appends',
    notes: 'A "-NAME" item removes earlier patterns (7.8+).',
  },
  { name: 'ServerAliveCountMax', grammar: integer(), accumulation: 'first-wins', default: '3' },
  { name: 'ServerAliveInterval', grammar: TIME, accumulation: 'first-wins', default: '0' },
  {
    name: 'SessionType',
    since: '8.7',
    grammar: choice(['none', 'subsystem', 'default']),
    accumulation: 'first-wins',
    default: 'default',
  },
  {
    name: 'SetEnv',
    since: '7.8',
    grammar: named('env-assignments'),
    accumulation: 'first-line-wins',
    notes: 'Only the first active SetEnv line counts; 9.1+ drops repeated names within it.',
  },
  {
    name: 'SKeyAuthentication',
    status: byRelease({ '7.4': 'active', '7.8': 'unsupported', '8.7': 'active' }),
    aliasOf: byRelease({ '7.4': 'ChallengeResponseAuthentication', '7.8': null, '8.7': 'KbdInteractiveAuthentication' }),
    grammar: FLAG,
    accumulation: 'first-wins',
  },
  { name: 'SmartcardDevice', requires: 'pkcs11', aliasOf: 'PKCS11Provider', grammar: string(), accumulation: 'first-wins' },
  { name: 'StdinNull', since: '8.7', grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  {
    name: 'StreamLocalBindMask',
    grammar: named('octal-mask'),
    accumulation: 'last-wins',
    default: '0177',
    notes: 'Stored from every line, even in inactive Host/Match blocks.',
  },
  { name: 'StreamLocalBindUnlink', grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  {
    name: 'StrictHostKeyChecking',
    grammar: byRelease({
      '7.4': YES_NO_ASK,
      '7.6': choice(['true', 'false', 'yes', 'no', 'ask', 'off', 'accept-new']),
    }),
    accumulation: 'first-wins',
    default: 'ask',
  },
  {
    name: 'SyslogFacility',
    since: '7.6',
    grammar: named('syslog-facility'),
    accumulation: 'first-wins',
    default: 'USER',
    notes: 'The first line wins even inside an inactive Host/Match block (no activep check).',
  },
  // ------------------------------------------------------------ T–X
  { name: 'Tag', since: '9.4', grammar: string(), accumulation: 'first-wins', default: null },
  { name: 'TCPKeepAlive', grammar: FLAG, accumulation: 'first-wins', default: 'yes' },
  {
    name: 'TISAuthentication',
    aliasOf: byRelease({ '7.4': 'ChallengeResponseAuthentication', '8.7': 'KbdInteractiveAuthentication' }),
    grammar: FLAG,
    accumulation: 'first-wins',
  },
  {
    name: 'Tunnel',
    grammar: choice(['ethernet', 'point-to-point', 'true', 'yes', 'false', 'no']),
    accumulation: 'first-wins',
    default: 'no',
  },
  {
    name: 'TunnelDevice',
    grammar: named('tunnel-device'),
    accumulation: byRelease({ '7.4': 'last-wins', '8.7': 'first-wins' }),
    default: 'any:any',
  },
  {
    name: 'UpdateHostKeys',
    grammar: YES_NO_ASK,
    accumulation: 'first-wins',
    default: byRelease({ '7.4': 'no', '8.5': 'yes' }),
    notes: '8.5+: yes unless VerifyHostKeyDNS or a non-default UserKnownHostsFile is in use.',
  },
  {
    name: 'UsePrivilegedPort',
    status: byRelease({ '7.4': 'active', '7.8': 'deprecated' }),
    grammar: FLAG,
    accumulation: 'first-wins',
  },
  { name: 'User', grammar: string(), accumulation: 'first-wins' },
  {
    name: 'UserKnownHostsFile',
    grammar: named('known-hosts-files'),
    accumulation: 'first-line-wins',
    default: '~/.ssh/known_hosts ~/.ssh/known_hosts2',
  },
  { name: 'UserKnownHostsFile2', ...DEPRECATED },
  { name: 'UseRoaming', ...DEPRECATED },
  { name: 'UseRsh', ...DEPRECATED },
  { name: 'VerifyHostKeyDNS', grammar: YES_NO_ASK, accumulation: 'first-wins', default: 'no' },
  {
    name: 'VersionAddendum',
    since: '10.0',
    grammar: named('version-addendum'),
    accumulation: 'first-wins',
    default: 'none',
  },
  { name: 'VisualHostKey', grammar: FLAG, accumulation: 'first-wins', default: 'no' },
  {
    name: 'WarnWeakCrypto',
    since: '10.1',
    grammar: choice(['true', 'false', 'yes', 'no', 'no-pq-kex']),
    accumulation: 'first-wins',
    default: 'yes',
  },
  { name: 'XAuthLocation', grammar: path(), accumulation: 'first-wins' },

  // ======================================================== Debian patches
  // Verified against Debian 12's ssh 9.2p1-2+deb12u*.
  {
    name: 'GSSAPIClientIdentity',
    distro: { feature: 'debian-patches', note: 'gssapi.patch.' },
    requires: 'gssapi',
    grammar: string(),
    accumulation: 'first-wins',
    default: null,
  },
  {
    name: 'GSSAPIKeyExchange',
    distro: { feature: 'debian-patches', note: 'gssapi.patch.' },
    requires: 'gssapi',
    grammar: FLAG,
    accumulation: 'first-wins',
    default: 'no',
  },
  {
    name: 'GSSAPIKexAlgorithms',
    distro: { feature: 'debian-patches', note: 'gssapi.patch ("Bad GSSAPI KexAlgorithms").' },
    requires: 'gssapi',
    grammar: algorithms('gss-kex'),
    accumulation: 'first-wins',
  },
  {
    name: 'GSSAPIRenewalForcesRekey',
    distro: { feature: 'debian-patches', note: 'gssapi.patch.' },
    requires: 'gssapi',
    grammar: FLAG,
    accumulation: 'first-wins',
    default: 'no',
  },
  {
    name: 'GSSAPIServerIdentity',
    distro: { feature: 'debian-patches', note: 'gssapi.patch.' },
    requires: 'gssapi',
    grammar: string(),
    accumulation: 'first-wins',
    default: null,
  },
  {
    name: 'GSSAPITrustDns',
    distro: { feature: 'debian-patches', note: 'gssapi.patch.' },
    requires: 'gssapi',
    grammar: FLAG,
    accumulation: 'first-wins',
    default: 'no',
  },
  {
    name: 'ProtocolKeepAlives',
    distro: { feature: 'debian-patches', note: 'keepalive-extensions.patch: sets ServerAliveInterval [tested 9.2].' },
    aliasOf: 'ServerAliveInterval',
    grammar: TIME,
    accumulation: 'first-wins',
  },
  {
    name: 'SetupTimeOut',
    distro: { feature: 'debian-patches', note: 'keepalive-extensions.patch: sets ServerAliveInterval [tested 9.2].' },
    aliasOf: 'ServerAliveInterval',
    grammar: TIME,
    accumulation: 'first-wins',
  },
  {
    name: 'UseBlacklistedKeys',
    distro: { feature: 'debian-patches', note: 'Old weak-key blacklist option, now oDeprecated (debug) [tested 9.2].' },
    ...DEPRECATED,
  },
];

const BY_NAME = indexByName(SSH_KEYWORDS);

/**
 * What ssh `release` built as `build` makes of keyword `name` (any case):
 * undefined when it is a "Bad configuration option" there.
 */
export function sshKeyword(
  name: string,
  release: Release,
  build: BuildProfile = DEBIAN_BUILD,
): ResolvedSshKeyword | undefined {
  const facts = BY_NAME.get(name.toLowerCase());
  if (!facts) return undefined;
  return resolveFacts(facts, release, build);
}

/** Every keyword ssh `release` knows in `build`, in table order. */
export function sshKeywordsAt(release: Release, build: BuildProfile = DEBIAN_BUILD): ResolvedSshKeyword[] {
  return SSH_KEYWORDS.map((facts) => sshKeyword(facts.name, release, build)).filter(
    (k): k is ResolvedSshKeyword => k !== undefined,
  );
}

/** Keyword counts per release (for reports). */
export function sshKeywordCounts(build: BuildProfile = DEBIAN_BUILD): Record<Release, number> {
  return Object.fromEntries(RELEASES.map((r) => [r, sshKeywordsAt(r, build).length])) as Record<Release, number>;
}

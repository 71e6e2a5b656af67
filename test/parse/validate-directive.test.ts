import { describe, expect, it } from 'vitest';
import { createSourceFile } from '../../src/core/source.js';
import { BUILD_PROFILES, DEBIAN_BUILD, MINIMAL_BUILD, type BuildProfile, type Release } from '../../src/openssh/releases.js';
import type { Directive } from '../../src/parse/config/config-model.js';
import { buildConfigTree } from '../../src/parse/config/config-tree.js';
import type { ConfigProblemCode } from '../../src/parse/config/directive-verdict.js';
import { parseConfigFile } from '../../src/parse/config/parse-config-file.js';
import { parseForward, proxyJumpValid, suggestKeyword, validateDirective, type Program, type ValidationContext } from '../../src/parse/config/validate-directive.js';
import { validateConfigTree } from '../../src/parse/config/validate-file.js';
import { convtime, scanScaled, sscanfInts, strtonum } from '../../src/parse/config/openssh-values.js';

function directive(line: string, program: Program, release: Release = '9.2'): Directive {
  const model = parseConfigFile(createSourceFile('f', `${line}\n`), program === 'sshd' ? 'sshd_config' : 'ssh_config', release);
  const d = model.directives[0];
  if (!d) throw new Error(`not a directive: ${line}`);
  return d;
}

function verdictOf(line: string, program: Program, release: Release = '9.2', extra: Partial<ValidationContext> = {}) {
  return validateDirective(directive(line, program, release), { program, release, build: DEBIAN_BUILD, inMatch: false, ...extra });
}

/** [line, expected]: null = accepted; a code (fatal/error: severity) = rejected. */
type Expect = null | `${ConfigProblemCode}/${'fatal' | 'error'}`;
type Row = [string, Expect];

function table(program: Program, release: Release, rows: Row[], extra: Partial<ValidationContext> = {}): void {
  it.each(rows)(`${program} ${release}: %s`, (line, expected) => {
    const v = verdictOf(line, program, release, extra);
    const got = v.problem ? `${v.problem.code}/${v.problem.severity}` : null;
    expect(got, v.problem?.message).toBe(expected);
  });
}

const FATAL = (code: ConfigProblemCode): Expect => `${code}/fatal`;
const ERROR = (code: ConfigProblemCode): Expect => `${code}/error`;

describe('keywords: unknown, status, Match scope', () => {
  table('sshd', '9.2', [
    ['NoSuchThing yes', ERROR('unknown-keyword')],
    ['permitrootlogin no', null],
    ['PERMITROOTLOGIN no', null],
    ['UseLogin yes', null],
    ['Protocol 2', null],
    ['KerberosGetAFSToken yes', null],
    ['RDomain none', FATAL('not-supported')],
    ['GSSAPIKexAlgorithms gss-group14-sha256-', null],
  ]);
  table('sshd', '9.2', [
    ['Port 22', FATAL('not-allowed-in-match')],
    ['UseLogin yes', FATAL('not-allowed-in-match')],
    ['NoSuchThing yes', FATAL('unknown-keyword')],
    ['PasswordAuthentication no', null],
    ['Subsystem sftp /x', FATAL('not-allowed-in-match')],
  ], { inMatch: true });
  table('sshd', '9.5', [['Subsystem sftp /x', null]], { inMatch: true });
  table('sshd', '7.5', [['LogLevel INFO', FATAL('not-allowed-in-match')]], { inMatch: true });
  table('sshd', '7.6', [['LogLevel INFO', null]], { inMatch: true });
  table('ssh', '9.2', [
    ['NoSuchThing yes', ERROR('unknown-keyword')],
    ['KerberosAuthentication yes', null],
    ['UseRoaming no', null],
    ['Protocol 7', null],
    ['Port 22', null],
  ]);
  table('ssh', '7.5', [['Protocol 7', FATAL('bad-value')]]);
  table('ssh', '9.2', [['NoSuchThing yes', null], ['OtherThing yes', ERROR('unknown-keyword')]], { ignoreUnknown: ['nosuch*'] });
  table('ssh', '9.2', [['NoSuchThing yes', null]], { ignoreUnknown: ['x,NOSUCHTHING'] });
  table('ssh', '9.2', [['NoSuchThing yes', ERROR('unknown-keyword')]], { ignoreUnknown: ['!nosuchthing,*'] });

  it('resolves aliases and statuses', () => {
    expect(verdictOf('ChallengeResponseAuthentication no', 'sshd')).toMatchObject({ canonical: 'KbdInteractiveAuthentication', aliasOf: 'ChallengeResponseAuthentication', status: 'active' });
    expect(verdictOf('UseLogin no', 'sshd').status).toBe('deprecated');
    expect(verdictOf('Protocol 2', 'sshd').status).toBe('ignored');
    expect(verdictOf('KerberosGetAFSToken no', 'sshd').status).toBe('unsupported');
    expect(verdictOf('RDomain x', 'sshd').status).toBe('unsupported');
    expect(verdictOf('NoSuch x', 'sshd').canonical).toBeUndefined();
  });

  it('words unknown keywords as OpenSSH does: sshd as written, ssh lower-cased', () => {
    expect(verdictOf('FooBar x', 'sshd').problem?.message).toBe('Bad configuration option: FooBar');
    expect(verdictOf('FooBar x', 'ssh').problem?.message).toBe('Bad configuration option: foobar');
    expect(verdictOf('Port 22', 'sshd', '9.2', { inMatch: true }).problem?.message).toBe("Directive 'Port' is not allowed within a Match block");
  });

  it('suggests the nearest keyword only when it is close', () => {
    expect(verdictOf('PermitRootLogn no', 'sshd').problem?.suggestion).toBe('PermitRootLogin');
    expect(verdictOf('PasswordAuthentications no', 'sshd').problem?.suggestion).toBe('PasswordAuthentication');
    expect(verdictOf('Cipher aes128-ctr', 'sshd').problem?.suggestion).toBe('Ciphers');
    expect(verdictOf('Totally unrelated', 'sshd').problem?.suggestion).toBeUndefined();
    expect(suggestKeyword('hostnme', { program: 'ssh', release: '9.2', build: DEBIAN_BUILD })).toBe('Hostname');
    expect(suggestKeyword('X', { program: 'ssh', release: '9.2', build: DEBIAN_BUILD })).toBeUndefined();
  });

  it('is a bad option when too new for the release or missing from the build', () => {
    expect(verdictOf('ChannelTimeout session=1', 'sshd', '9.1').problem?.code).toBe('unknown-keyword');
    expect(verdictOf('ChannelTimeout session=1', 'sshd', '9.2').problem).toBeUndefined();
    const minimal = validateDirective(directive('GSSAPIKexAlgorithms x', 'sshd'), { program: 'sshd', release: '9.2', build: MINIMAL_BUILD, inMatch: false });
    expect(minimal.problem?.code).toBe('unknown-keyword');
    const openbsd = validateDirective(directive('RDomain 3', 'sshd'), { program: 'sshd', release: '9.2', build: BUILD_PROFILES.openbsd, inMatch: false });
    expect(openbsd.problem).toBeUndefined();
  });
});

describe('flag', () => {
  table('sshd', '9.2', [
    ['PasswordAuthentication yes', null],
    ['PasswordAuthentication NO', null],
    ['PasswordAuthentication true', FATAL('bad-value')],
    ['PasswordAuthentication ""', FATAL('no-argument')],
    ['PasswordAuthentication #c', FATAL('no-argument')],
    ['PasswordAuthentication yes no', ERROR('extra-arguments')],
  ]);
  table('sshd', '7.6', [
    ['PasswordAuthentication Yes', FATAL('bad-value')],
    ['PasswordAuthentication yes', null],
    ['PasswordAuthentication yes no', FATAL('extra-arguments')],
  ]);
  table('ssh', '9.2', [
    ['ForwardX11 TRUE', null],
    ['ForwardX11 false', null],
    ['ForwardX11 on', ERROR('bad-value')],
    ['ForwardX11 yes no', ERROR('extra-arguments')],
  ]);
  table('ssh', '8.4', [['ForwardX11 on', FATAL('bad-value')], ['ForwardX11 yes no', FATAL('extra-arguments')]]);
  table('ssh', '8.5', [['ForwardX11 yes no', ERROR('extra-arguments')]]);
});

describe('choice', () => {
  table('sshd', '9.2', [
    ['PermitRootLogin prohibit-password', null],
    ['PermitRootLogin WITHOUT-PASSWORD', null],
    ['PermitRootLogin maybe', FATAL('bad-value')],
    ['PermitTunnel yes', null],
    ['PermitTunnel Yes', FATAL('bad-value')],
    ['IgnoreRhosts shosts-only', null],
    ['FingerprintHash SHA512', null],
    ['FingerprintHash sha3', FATAL('bad-value')],
    ['Compression delayed', null],
  ]);
  table('sshd', '8.2', [['IgnoreRhosts shosts-only', FATAL('bad-value')]]);
  table('ssh', '9.2', [
    ['StrictHostKeyChecking accept-new', null],
    ['StrictHostKeyChecking ACCEPT-NEW', null],
    ['Compression true', ERROR('bad-value')],
    ['RequestTTY force', null],
    ['PubkeyAuthentication host-bound', null],
  ]);
  table('ssh', '8.1', [['Compression true', null]]);
});

describe('integer', () => {
  table('sshd', '9.2', [
    ['MaxAuthTries 0', null],
    ['MaxAuthTries 007', null],
    ['MaxAuthTries +5', null],
    ['MaxAuthTries " 5"', null],
    ['MaxAuthTries -1', FATAL('bad-value')],
    ['MaxAuthTries 2147483647', null],
    ['MaxAuthTries 2147483648', FATAL('bad-value')],
    ['MaxAuthTries 1x', FATAL('bad-value')],
    ['MaxAuthTries 0x10', FATAL('bad-value')],
    ['MaxAuthTries ""', FATAL('no-argument')],
    ['PerSourceMaxStartups none', null],
    ['PerSourceMaxStartups NONE', FATAL('bad-value')],
  ]);
  table('sshd', '7.6', [['MaxAuthTries 1x', null], ['MaxAuthTries abc', null], ['MaxAuthTries ""', FATAL('no-argument')]]);
  table('ssh', '7.6', [['ConnectionAttempts 0x10', null], ['ConnectionAttempts x', FATAL('bad-value')]]);
  table('ssh', '9.2', [['ConnectionAttempts 0x10', ERROR('bad-value')], ['ServerAliveCountMax 99999999999999999999', ERROR('bad-value')]]);

  it('words errors as atoi_err does', () => {
    expect(verdictOf('MaxAuthTries -1', 'sshd').problem?.message).toBe('MaxAuthTries integer value too small.');
    expect(verdictOf('MaxAuthTries 1x', 'sshd').problem?.message).toBe('MaxAuthTries integer value invalid.');
    expect(verdictOf('MaxAuthTries #', 'sshd').problem?.message).toBe('MaxAuthTries integer value missing.');
    expect(verdictOf('ConnectionAttempts 2147483648', 'ssh').problem?.message).toBe('integer value too large.');
  });
});

describe('time', () => {
  table('sshd', '9.2', [
    ['LoginGraceTime 30', null],
    ['LoginGraceTime 1h30m', null],
    ['LoginGraceTime 90S', null],
    ['LoginGraceTime 1W2d', null],
    ['LoginGraceTime 2min', FATAL('bad-value')],
    ['LoginGraceTime -5', FATAL('bad-value')],
    ['LoginGraceTime +5', null],
    ['LoginGraceTime 2147483647', null],
    ['LoginGraceTime 2147483648', FATAL('bad-value')],
    ['LoginGraceTime 4000w', FATAL('bad-value')],
    ['LoginGraceTime 1.5', FATAL('bad-value')],
    ['LoginGraceTime none', FATAL('bad-value')],
    ['LoginGraceTime ""', FATAL('no-argument')],
    ['UnusedConnectionTimeout none', null],
    ['UnusedConnectionTimeout NONE', null],
  ]);
  table('sshd', '10.3', [['LoginGraceTime 1.5', null], ['LoginGraceTime 1.5m', FATAL('bad-value')], ['LoginGraceTime 1s1s', FATAL('bad-value')], ['LoginGraceTime +5', FATAL('bad-value')]]);
  table('ssh', '9.2', [['ConnectTimeout none', null], ['ConnectTimeout None', ERROR('bad-value')], ['ServerAliveInterval 1x', ERROR('bad-value')]]);

  it('convtime per release', () => {
    expect(convtime('1h30m', '9.2')).toBe(5400);
    expect(convtime('4000w', '8.4')).toBe(4000 * 604800);
    expect(convtime('4000w', '8.5')).toBe(-1);
    expect(convtime('1.5', '10.3')).toBe(1);
    expect(convtime('.5', '10.3')).toBe(0);
    expect(convtime('5.', '10.3')).toBe(-1);
  });
});

describe('algorithm lists', () => {
  table('sshd', '9.2', [
    ['Ciphers aes128-ctr,aes256-ctr', null],
    ['Ciphers +aes128-cbc', null],
    ['Ciphers -bogus', null],
    ['Ciphers ^aes256-ctr', null],
    ['Ciphers bogus', FATAL('bad-algorithm')],
    ['Ciphers aes*', FATAL('bad-algorithm')],
    ['Ciphers aes128-ctr, aes256-ctr', ERROR('extra-arguments')],
    ['Ciphers aes128-ctr,,bogus', null],
    ['Ciphers ""', FATAL('no-argument')],
    ['MACs hmac-md5', null],
    ['KexAlgorithms sntrup761x25519-sha512@openssh.com', null],
    ['KexAlgorithms mlkem768x25519-sha256', FATAL('bad-algorithm')],
    ['HostKeyAlgorithms ssh-ed25519*', null],
    ['HostKeyAlgorithms x*', FATAL('bad-algorithm')],
    ['HostKeyAlgorithms RSA', null],
    ['PubkeyAcceptedAlgorithms !ssh-rsa', null],
    ['CASignatureAlgorithms ssh-ed25519-cert-v01@openssh.com', null],
    ['GSSAPIKexAlgorithms gss-bogus-', FATAL('bad-algorithm')],
  ]);
  table('sshd', '8.0', [['Ciphers ^aes256-ctr', FATAL('bad-algorithm')]]);
  table('sshd', '9.4', [['CASignatureAlgorithms ssh-ed25519-cert-v01@openssh.com', FATAL('bad-algorithm')]]);
  table('sshd', '10.0', [['KexAlgorithms mlkem768x25519-sha256', null]]);
  table('ssh', '9.2', [['Ciphers bogus', ERROR('bad-algorithm')], ['MACs HMAC-SHA2-256', ERROR('bad-algorithm')]]);
});

describe('words, paths, strings, rest of line', () => {
  table('sshd', '9.2', [
    ['LogVerbose kex.c:*:*', null],
    ['LogVerbose none', null],
    ['LogVerbose none a', ERROR('bad-value')],
    ['LogVerbose a none', ERROR('bad-value')],
    ['LogVerbose a ""', ERROR('bad-value')],
    ['LogVerbose #c', null],
    ['Banner none', null],
    ['Banner ""', FATAL('no-argument')],
    ['Banner a b', ERROR('extra-arguments')],
    ['ChrootDirectory ""', FATAL('no-argument')],
    ['ForceCommand echo "a b" c', null],
    ['AuthorizedKeysCommand /usr/bin/x %u', null],
    ['AuthorizedKeysCommand none', null],
    ['AuthorizedKeysCommand NONE', null],
    ['AuthorizedKeysCommand relative', FATAL('bad-value')],
    ['AuthorizedKeysCommand "/usr/bin/x"', FATAL('bad-value')],
    ['AuthorizedKeysCommand none # c', FATAL('bad-value')],
    ['VersionAddendum a b # c', null],
  ]);
  table('sshd', '9.7', [['LogVerbose #c', FATAL('no-argument')]]);
  table('ssh', '9.2', [['User ""', ERROR('no-argument')], ['ProxyCommand ssh -W %h:%p jump', null], ['LocalCommand #c', null]]);
});

describe('named kinds (sshd)', () => {
  table('sshd', '9.2', [
    ['Port 22', null],
    ['Port 0', FATAL('bad-value')],
    ['Port 65536', FATAL('bad-value')],
    ['Port ssh', null],
    ['Port SSH', FATAL('bad-value')],
    ['LogLevel debug3', null],
    ['LogLevel DEBUG4', FATAL('bad-value')],
    ['LogLevel #c', FATAL('no-argument')],
    ['SyslogFacility local7', null],
    ['SyslogFacility kern', FATAL('bad-value')],
    ['RekeyLimit default none', null],
    ['RekeyLimit 1G 1h', null],
    ['RekeyLimit 1.5G', null],
    ['RekeyLimit 15', FATAL('bad-value')],
    ['RekeyLimit -0', null],
    ['RekeyLimit 1K!', null],
    ['RekeyLimit 1KB', FATAL('bad-value')],
    ['RekeyLimit 1G None', FATAL('bad-value')],
    ['RekeyLimit 1G 1h x', ERROR('extra-arguments')],
    ['IPQoS af21 cs1', null],
    ['IPQoS 0x10', null],
    ['IPQoS 256', FATAL('bad-value')],
    ['IPQoS le', null],
    ['IPQoS cs0 cs1 cs2', ERROR('extra-arguments')],
    ['ChannelTimeout session=5m x11=1h', null],
    ['ChannelTimeout none session=1', ERROR('bad-value')],
    ['ChannelTimeout session=1 none', null],
    ['ChannelTimeout =5m', FATAL('bad-value')],
    ['ChannelTimeout session=', FATAL('bad-value')],
    ['Include /etc/ssh/sshd_config.d/*.conf', null],
    ['Include ""', ERROR('bad-value')],
    ['Include #c', FATAL('no-argument')],
    ['ListenAddress 127.0.0.1:2222', null],
    ['ListenAddress ::1', null],
    ['ListenAddress [::1', FATAL('bad-value')],
    ['ListenAddress 127.0.0.1:0', FATAL('bad-value')],
    ['ListenAddress 127.0.0.1/24', FATAL('bad-value')],
    ['ListenAddress 127.0.0.1 rdomain 1', FATAL('bad-value')],
    ['ListenAddress 127.0.0.1 foo', FATAL('bad-value')],
    ['MaxStartups 10:30:100', null],
    ['MaxStartups 10', null],
    ['MaxStartups 0', FATAL('bad-value')],
    ['MaxStartups 10:101:100', FATAL('bad-value')],
    ['MaxStartups 100:30:10', FATAL('bad-value')],
    ['MaxStartups 10:30', FATAL('bad-value')],
    ['MaxStartups 10:30:100x', null],
    ['PerSourceNetBlockSize 24', null],
    ['PerSourceNetBlockSize 24:129', FATAL('bad-value')],
    ['PerSourceNetBlockSize 24:x', null],
    ['AllowUsers alice bob@192.0.2.0/24', null],
    ['AllowUsers alice@192.0.2.1/24', FATAL('bad-value')],
    ['AllowUsers alice@10.0.0.0/8,', FATAL('bad-value')],
    ['AllowUsers ""', FATAL('bad-value')],
    ['AllowUsers a,b', null],
    ['AllowGroups ""', FATAL('bad-value')],
    ['AcceptEnv A=B', FATAL('bad-value')],
    ['AcceptEnv LANG LC_*', null],
    ['SetEnv A', FATAL('bad-value')],
    ['SetEnv A=', null],
    ['AuthorizedKeysFile none x', null],
    ['AuthorizedKeysFile a ""', ERROR('bad-value')],
    ['PermitOpen any', null],
    ['PermitOpen any x:1', ERROR('extra-arguments')],
    ['PermitOpen localhost', FATAL('bad-value')],
    ['PermitOpen host/80', FATAL('bad-value')],
    ['PermitOpen localhost:*', null],
    ['PermitOpen a:1 "" b:2', ERROR('extra-arguments')],
    ['PermitListen 80', null],
    ['PermitListen localhost:0', FATAL('bad-value')],
    ['PermitUserEnvironment LANG,LC_*', null],
    ['PubkeyAuthOptions touch-required verify-required', null],
    ['PubkeyAuthOptions bogus', ERROR('bad-value')],
    ['StreamLocalBindMask 0777', null],
    ['StreamLocalBindMask 1000', FATAL('bad-value')],
    ['StreamLocalBindMask 7x', null],
    ['StreamLocalBindMask 8', FATAL('bad-value')],
    ['Subsystem sftp', FATAL('no-argument')],
    ['Subsystem sftp internal-sftp -l INFO', null],
  ]);
  table('sshd', '9.1', [['MaxStartups 0', null]]);
  table('sshd', '9.7', [
    ['PermitOpen any x:1', null],
    ['PermitOpen x:1 any', FATAL('bad-value')],
    ['ChannelTimeout session=1 none', ERROR('bad-value')],
    ['AllowUsers #c', FATAL('no-argument')],
  ]);
  table('sshd', '9.8', [
    ['IPQoS 0x10', FATAL('bad-value')],
    ['PerSourcePenalties crash:90 authfail:5 max:10m', null],
    ['PerSourcePenalties yes', null],
    ['PerSourcePenalties yes crash:1', FATAL('bad-value')],
    ['PerSourcePenalties refuseconnection:1', FATAL('bad-value')],
    ['PerSourcePenalties max-sources4:x', FATAL('bad-value')],
    ['PerSourcePenalties overflow:deny-all', null],
    ['PerSourcePenaltyExemptList 10.0.0.0/8,192.0.2.1/24', FATAL('bad-value')],
  ]);
  table('sshd', '9.9', [['PerSourcePenalties refuseconnection:1', null], ['PerSourcePenalties crash:1.5', FATAL('bad-value')]]);
  table('sshd', '10.3', [['PerSourcePenalties crash:1.5', null], ['AuthorizedKeysFile none x', ERROR('bad-value')], ['RevokedKeys a b', null]]);
  table('sshd', '8.6', [['PubkeyAuthOptions bogus', FATAL('bad-value')], ['Banner a b', FATAL('extra-arguments')]]);
});

describe('AuthenticationMethods', () => {
  table('sshd', '9.2', [
    ['AuthenticationMethods publickey,password publickey,keyboard-interactive:pam', null],
    ['AuthenticationMethods any', null],
    ['AuthenticationMethods any publickey', FATAL('bad-value')],
    ['AuthenticationMethods publickey any', FATAL('bad-value')],
    ['AuthenticationMethods publickey,bogus', FATAL('bad-value')],
    ['AuthenticationMethods none', null],
    ['AuthenticationMethods gssapi-with-mic', null],
    ['AuthenticationMethods ""', FATAL('bad-value')],
    ['AuthenticationMethods #c', FATAL('no-argument')],
  ]);
  // In an inactive Match block 8.7–9.6 do not store the list, so "any" after a method passes.
  table('sshd', '9.2', [['AuthenticationMethods publickey any', null]], { inMatch: true });
  table('sshd', '9.7', [['AuthenticationMethods publickey any', FATAL('bad-value')]], { inMatch: true });
  table('sshd', '9.2', [['AuthenticationMethods any', FATAL('bad-value')]], { state: { authenticationMethodsSet: true } });
  table('sshd', '8.6', [['AuthenticationMethods bogus', null]], { state: { authenticationMethodsSet: true } });
  it('gssapi-with-mic needs a GSSAPI build', () => {
    const v = validateDirective(directive('AuthenticationMethods gssapi-with-mic', 'sshd'), { program: 'sshd', release: '9.2', build: MINIMAL_BUILD, inMatch: false });
    expect(v.problem?.code).toBe('bad-value');
  });
});

describe('named kinds (ssh)', () => {
  table('ssh', '9.2', [
    ['Port ssh', null],
    ['Port 0', ERROR('bad-value')],
    ['LocalForward 8080 localhost:80', null],
    ['LocalForward 8080', ERROR('bad-value')],
    ['LocalForward 0 localhost:80', ERROR('bad-value')],
    ['LocalForward /tmp/a /tmp/b', null],
    ['LocalForward [::1]:8080 [::1]:80', null],
    ['LocalForward 8080 localhost:80 extra', ERROR('extra-arguments')],
    ['LocalForward 8080 a\\:b:80', null],
    ['RemoteForward 8080', null],
    ['RemoteForward 0 localhost:80', null],
    ['DynamicForward localhost:1080', null],
    ['DynamicForward a:b:c', ERROR('bad-value')],
    ['EscapeChar ^A', null],
    ['EscapeChar ab', ERROR('bad-value')],
    ['EscapeChar é', ERROR('bad-value')],
    ['ControlPersist 10m', null],
    ['ControlPersist YES', ERROR('bad-value')],
    ['TunnelDevice any:any', null],
    ['TunnelDevice 1:x', ERROR('bad-value')],
    ['TunnelDevice 2147483646', ERROR('bad-value')],
    ['AddKeysToAgent confirm 5m', null],
    ['AddKeysToAgent 5m', null],
    ['AddKeysToAgent yes 5m', ERROR('bad-value')],
    ['AddKeysToAgent confirm bogus', ERROR('bad-value')],
    ['IdentityAgent $SSH_AUTH_SOCK', null],
    ['IdentityAgent ${', ERROR('bad-value')],
    ['IdentityAgent $A-B', ERROR('bad-value')],
    ['ForwardAgent /tmp/sock', null],
    ['ForwardAgent $A-B', ERROR('bad-value')], ['ForwardAgent $1x', null],
    ['ProxyJump user@host:22,other', null],
    ['ProxyJump ssh://host/path', ERROR('bad-value')],
    ['ProxyJump @host', ERROR('bad-value')],
    ['ProxyJump host1 host2', null],
    ['CanonicalDomains example.com', null],
    ['CanonicalDomains -bad.com', ERROR('bad-value')],
    ['CanonicalDomains none a.com', ERROR('bad-value')],
    ['CanonicalizePermittedCNAMEs *.a:*.b', null],
    ['CanonicalizePermittedCNAMEs a:', ERROR('bad-value')],
    ['UserKnownHostsFile none x', ERROR('bad-value')],
    ['PermitRemoteOpen any', null],
    ['PermitRemoteOpen any x:1', ERROR('bad-value')],
    ['PermitRemoteOpen localhost', FATAL('bad-value')],
    ['PermitRemoteOpen localhost:*', null],
    ['PermitRemoteOpen #c', FATAL('no-argument')],
    ['SendEnv -LANG', null],
    ['SendEnv A=B', ERROR('bad-value')],
    ['SetEnv A', ERROR('bad-value')],
    ['SetEnv ""', ERROR('bad-value')],
    ['RekeyLimit 1G none', null],
    ['RekeyLimit 15', ERROR('bad-value')],
    ['IPQoS #c', ERROR('no-argument')],
    ['StreamLocalBindMask 8', ERROR('bad-value')],
    ['Include ~/.ssh/config.d/*', null],
    ['Include ""', ERROR('bad-value')],
    ['ChannelTimeout session=1', ERROR('unknown-keyword')],
  ]);
  table('ssh', '9.2', [['Include ~/x', ERROR('bad-value')]], { sshConfigScope: 'system' });
  table('ssh', '9.3', [['ProxyJump host1 host2', null], ['ProxyJump a:0', ERROR('bad-value')]]);
  table('ssh', '9.5', [
    ['ObscureKeystrokeTiming interval:20', null],
    ['ObscureKeystrokeTiming interval:0', ERROR('bad-value')],
    ['ObscureKeystrokeTiming YES', ERROR('bad-value')],
    ['ObscureKeystrokeTiming yes no', ERROR('extra-arguments')],
  ]);
  table('ssh', '9.6', [['ChannelTimeout session=1 none', null], ['ChannelTimeout x', FATAL('bad-value')]]);
  table('ssh', '9.7', [['SendEnv #c', FATAL('no-argument')], ['CanonicalDomains ""', ERROR('bad-value')]]);
  table('ssh', '7.5', [['RemoteForward 8080', FATAL('bad-value')]]);
  table('ssh', '9.9', [['Include /x/%z', FATAL('bad-value')]]);
  table('ssh', '10.3', [['RevokedHostKeys none x', ERROR('bad-value')]]);
});

describe('parsers', () => {
  it('parse_forward', () => {
    expect(parseForward('8080:localhost:80', false, false, '9.2')).toBe(3);
    expect(parseForward('[::1]:8080:[::1]:80', false, false, '9.2')).toBe(4);
    expect(parseForward('8080', true, false, '9.2')).toBe(1);
    expect(parseForward('0', true, true, '9.2')).toBe(1);
    expect(parseForward('0', true, false, '9.2')).toBe(0);
    expect(parseForward('a:b:c:d:e', false, false, '9.2')).toBe(0);
    expect(parseForward('8080:localhost\\', false, false, '9.2')).toBe(0);
  });

  it('parse_jump', () => {
    expect(proxyJumpValid('a,b,c', '9.2')).toBe(true);
    expect(proxyJumpValid('a,,b', '9.2')).toBe(false);
    expect(proxyJumpValid('ssh://u@h:22', '9.2')).toBe(true);
    expect(proxyJumpValid('ssh://u@h:22/x', '9.2')).toBe(false);
    expect(proxyJumpValid('host # comment', '9.2')).toBe(true);
  });

  it('value primitives', () => {
    expect(strtonum(' 12', 0, 100)).toEqual({ value: 12 });
    expect(strtonum('12 ', 0, 100)).toEqual({ error: 'invalid' });
    expect(strtonum('-5', 0, 100)).toEqual({ error: 'too small' });
    expect(scanScaled('1.5K')).toEqual({ value: 1536n });
    expect(scanScaled('1K!')).toEqual({ value: 1024n });
    expect(scanScaled('1KB')).toEqual({ errno: 'EINVAL' });
    expect(sscanfInts('10:30:100x', 3)).toEqual({ n: 3, values: [10, 30, 100] });
    expect(sscanfInts('', 3)).toEqual({ n: -1, values: [] });
    expect(sscanfInts('x', 3)).toEqual({ n: 0, values: [] });
  });
});

// ================================================================== whole files

async function fileVerdicts(text: string, program: Program, release: Release = '9.2', build: BuildProfile = DEBIAN_BUILD) {
  const kind = program === 'sshd' ? 'sshd_config' : 'ssh_config';
  const model = parseConfigFile(createSourceFile(kind, text), kind, release);
  const tree = await buildConfigTree(model, { expand: async () => ({ files: [] }), load: async () => undefined });
  const verdicts = validateConfigTree(tree, { program, release, build });
  return model.directives.map((d) => {
    const p = verdicts.get(d)?.problem;
    return p ? `${p.code}/${p.severity}` : null;
  });
}

describe('validateConfigTree', () => {
  it('tracks sshd Match activity: Match all reopens the global scope', async () => {
    expect(await fileVerdicts('Match User x\nPort 22\nMatch all\nPort 23\n', 'sshd')).toEqual([null, 'not-allowed-in-match/fatal', null, null]);
    expect(await fileVerdicts('Match all\nMatch Address 10.0.0.0/8\nPort 23\n', 'sshd')).toEqual([null, null, 'not-allowed-in-match/fatal']);
  });

  it('10.0+: a Match version that matches the release is active while parsing', async () => {
    expect(await fileVerdicts('Match Version OpenSSH_10*\nPort 22\n', 'sshd', '10.5')).toEqual([null, null]);
    expect(await fileVerdicts('Match Version OpenSSH_9*\nPort 22\n', 'sshd', '10.5')).toEqual([null, 'not-allowed-in-match/fatal']);
  });

  it('AuthenticationMethods must be satisfiable by the enabled methods', async () => {
    expect(await fileVerdicts('PubkeyAuthentication no\nAuthenticationMethods publickey\n', 'sshd')).toEqual([null, 'bad-value/fatal']);
    expect(await fileVerdicts('PubkeyAuthentication no\nAuthenticationMethods publickey password\n', 'sshd')).toEqual([null, null]);
    expect(await fileVerdicts('AuthenticationMethods hostbased\n', 'sshd')).toEqual(['bad-value/fatal']);
    expect(await fileVerdicts('HostbasedAuthentication yes\nAuthenticationMethods hostbased\n', 'sshd')).toEqual([null, null]);
    expect(await fileVerdicts('Match User x\nPubkeyAuthentication no\nMatch all\nAuthenticationMethods publickey\n', 'sshd')).toEqual([null, null, null, null]);
    expect(await fileVerdicts('AuthenticationMethods keyboard-interactive\n', 'sshd', '8.6')).toEqual([null]);
    expect(await fileVerdicts('ChallengeResponseAuthentication no\nAuthenticationMethods keyboard-interactive\n', 'sshd', '8.6')).toEqual([null, 'bad-value/fatal']);
  });

  it('AuthenticationMethods "any" after an earlier list (8.7–9.6)', async () => {
    expect(await fileVerdicts('AuthenticationMethods publickey\nAuthenticationMethods any\n', 'sshd')).toEqual([null, 'bad-value/fatal']);
    expect(await fileVerdicts('AuthenticationMethods publickey\nAuthenticationMethods any\n', 'sshd', '9.7')).toEqual([null, null]);
  });

  it('a repeated Subsystem name is fatal before 9.5', async () => {
    expect(await fileVerdicts('Subsystem sftp /a\nSubsystem sftp /b\n', 'sshd')).toEqual([null, 'bad-value/fatal']);
    expect(await fileVerdicts('Subsystem sftp /a\nSubsystem sftp /b\n', 'sshd', '9.5')).toEqual([null, null]);
  });

  it('algorithm lists are assembled for the line that takes effect', async () => {
    expect(await fileVerdicts('HostKeyAlgorithms !ssh-rsa\n', 'sshd')).toEqual(['bad-algorithm/fatal']);
    expect(await fileVerdicts('HostKeyAlgorithms ssh-ed25519\nHostKeyAlgorithms !ssh-rsa\n', 'sshd')).toEqual([null, null]);
    expect(await fileVerdicts('Ciphers -*\n', 'sshd')).toEqual([null]);
    expect(await fileVerdicts('PubkeyAcceptedAlgorithms !ssh-rsa\n', 'ssh')).toEqual([null]);
    expect(await fileVerdicts('PubkeyAcceptedAlgorithms !ssh-rsa\n', 'ssh', '10.4')).toEqual(['bad-algorithm/fatal']);
    expect(await fileVerdicts('HostKeyAlgorithms !ssh-rsa\n', 'ssh')).toEqual(['bad-algorithm/fatal']);
  });

  it('ssh IgnoreUnknown applies to later lines', async () => {
    expect(await fileVerdicts('Foo 1\nIgnoreUnknown foo\nFoo 1\n', 'ssh')).toEqual(['unknown-keyword/error', null, null]);
    expect(await fileVerdicts('IgnoreUnknown bar\nIgnoreUnknown foo\nFoo 1\n', 'ssh')).toEqual([null, null, 'unknown-keyword/error']);
    // Keywords are looked up whatever the Host block: the IgnoreUnknown of a block other hosts skip does not cover them.
    expect(await fileVerdicts('Host a\nIgnoreUnknown foo\nHost *\nFoo 1\n', 'ssh')).toEqual([null, null, null, 'unknown-keyword/error']);
    expect(await fileVerdicts('Host a\nIgnoreUnknown foo\nHost *\nIgnoreUnknown foo,bar\nFoo 1\nBar 1\n', 'ssh')).toEqual([null, null, null, null, null, 'unknown-keyword/error']);
    expect(await fileVerdicts('IgnoreUnknown foo\nHost a\nFoo 1\n', 'ssh')).toEqual([null, null, null]);
  });
});

/**
 * Effective-value oracle: for realistic configurations with drop-ins, the value sshlint
 * computes for every keyword a configuration sets (which line wins: first-wins, Include order,
 * Match/Host evaluation, appending keywords) must be the value the local OpenSSH 9.2p1 reports,
 * `sshd -T -C user=…,host=…,addr=…` and `ssh -G [-l user] host`, for several connections.
 *
 * The configurations include drop-ins the Debian way (`Include /etc/ssh/sshd_config.d/*.conf`);
 * sshlint maps /etc/ssh to the main file's folder, OpenSSH gets the temp dir instead.
 * Values are compared in the form OpenSSH prints them: flags as yes/no, times in seconds,
 * algorithm lists resolved against the release's defaults, lists one element per word.
 *
 * SSHLINT_ORACLE_REPORT=1 prints the figures (configurations, contexts, comparisons).
 */
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { parseVersion } from '../../src/core/version.js';
import { resolveAlgorithmList, algorithmKeyword } from '../../src/openssh/algorithm-list.js';
import { VENDOR_NOTES, type Side } from '../../src/openssh/algorithms.js';
import type { ConfigKind } from '../../src/parse/config/config-model.js';
import { effectiveConfig, hostNameFor, type Setting, type SshdConnection, type SshDestination } from '../../src/parse/config/effective-config.js';
import { convtime } from '../../src/parse/config/openssh-values.js';
import { analyseConfig } from '../rules/config-rule-tester.js';
import { CONFIG_DIR, cleanupConfigOracle, hasOpenSSH, requireOpenSSH, sshConfigCheck, sshdEffective } from './config-oracle.js';

const RELEASE = '9.2';
const VERSION = parseVersion(RELEASE)!;
const available = hasOpenSSH();
const REPORT = process.env.SSHLINT_ORACLE_REPORT === '1';

type Files = Record<string, string>;

/** What OpenSSH sees: the drop-in folders of /etc/ssh are the temp dir's. */
function forOpenSSH(files: Files): Files {
  return Object.fromEntries(Object.entries(files).map(([name, text]) => [name, text.replaceAll('/etc/ssh/', `${CONFIG_DIR}/`)]));
}

// ============================================================ configurations

const DEBIAN_HEAD = 'Include /etc/ssh/sshd_config.d/*.conf\n\n';

const SSHD_CONFIGS: Record<string, Files> = {
  'cloud-init drop-in re-enables passwords over the main file': {
    sshd_config: `${DEBIAN_HEAD}KbdInteractiveAuthentication no\nUsePAM yes\nPasswordAuthentication no\nX11Forwarding yes\nPrintMotd no\nAcceptEnv LANG LC_*\nSubsystem sftp /usr/lib/openssh/sftp-server\n`,
    'sshd_config.d/50-cloud-init.conf': 'PasswordAuthentication yes\n',
  },
  'hardening drop-in with times and counts, main file disagrees': {
    sshd_config: `${DEBIAN_HEAD}PermitRootLogin yes\nMaxAuthTries 6\nLoginGraceTime 2m\nClientAliveInterval 0\nClientAliveCountMax 3\n`,
    'sshd_config.d/10-hardening.conf': 'PermitRootLogin no\nMaxAuthTries 3\nLoginGraceTime 30s\nClientAliveInterval 5m\nMaxSessions 4\n',
    'sshd_config.d/20-later.conf': 'MaxAuthTries 10\nClientAliveCountMax 1\nMaxSessions 2\n',
  },
  'Match User block for a deploy account': {
    sshd_config: `${DEBIAN_HEAD}X11Forwarding yes\nAllowTcpForwarding yes\nPermitTTY yes\n\nMatch User deploy,ci-*\n    X11Forwarding no\n    AllowTcpForwarding no\n    PermitTTY no\n    ForceCommand /usr/local/bin/deploy\n`,
  },
  'Match Address: passwords only from the office network': {
    sshd_config: `${DEBIAN_HEAD}PasswordAuthentication no\nPubkeyAuthentication yes\n\nMatch Address 10.0.0.0/8,!10.0.0.99\n    PasswordAuthentication yes\nMatch Address 192.168.10.*\n    PasswordAuthentication yes\n    MaxAuthTries 2\n`,
  },
  'Match Host and LocalPort': {
    sshd_config: `${DEBIAN_HEAD}PermitRootLogin no\nBanner none\n\nMatch Host *.example.com\n    Banner /etc/issue.net\nMatch LocalPort 2222\n    PermitRootLogin prohibit-password\n    Banner /etc/issue\n`,
  },
  'Match Group root and Match User root': {
    sshd_config: `${DEBIAN_HEAD}PermitRootLogin no\nAllowAgentForwarding yes\n\nMatch Group root\n    PermitRootLogin without-password\nMatch User root\n    PermitRootLogin yes\n    AllowAgentForwarding no\n`,
  },
  'AllowUsers and AcceptEnv add up across drop-ins; a Match block replaces them': {
    sshd_config: `${DEBIAN_HEAD}AllowUsers alice bob\nAcceptEnv LANG\nAcceptEnv LC_*\nDenyUsers guest\n\nMatch Address 192.168.10.0/24\n    AllowUsers root\n    AcceptEnv EDITOR\n`,
    'sshd_config.d/10-users.conf': 'AllowUsers deploy\nAcceptEnv TZ\n',
  },
  'Ports and host keys accumulate': {
    sshd_config: `${DEBIAN_HEAD}Port 22\nHostKey /var/lib/ssh/ssh_host_ed25519_key\nHostKey /var/lib/ssh/ssh_host_rsa_key\n`,
    'sshd_config.d/port.conf': 'Port 2222\n',
  },
  'algorithm lists: drop-in wins, +/-/^ edits against the defaults': {
    sshd_config: `${DEBIAN_HEAD}Ciphers aes256-gcm@openssh.com,aes256-ctr\nMACs -hmac-sha1,umac-64@openssh.com\nKexAlgorithms +diffie-hellman-group14-sha1\nHostKeyAlgorithms ^ssh-rsa\n`,
    'sshd_config.d/crypto.conf': 'Ciphers -aes128-ctr,aes192-ctr\nPubkeyAcceptedAlgorithms +ssh-rsa\n',
  },
  'Match all in a drop-in overrides the main file': {
    sshd_config: `${DEBIAN_HEAD}PermitRootLogin yes\nX11Forwarding yes\nMaxAuthTries 5\n`,
    'sshd_config.d/99-policy.conf': 'Match all\n    PermitRootLogin no\n    X11Forwarding no\n',
  },
  "a drop-in's own Match block ends with the drop-in": {
    sshd_config: `${DEBIAN_HEAD}PasswordAuthentication no\nAllowTcpForwarding no\n`,
    'sshd_config.d/10-sftp.conf': 'Match User sftp-*\n    ChrootDirectory /srv/sftp\n    AllowTcpForwarding no\n    PasswordAuthentication yes\n',
    'sshd_config.d/20-admin.conf': 'Match User alice\n    AllowTcpForwarding yes\n',
  },
  'Include inside a Match block': {
    sshd_config: 'PermitRootLogin no\nX11Forwarding no\n\nMatch User alice,root\n    Include /etc/ssh/admin.d/*.conf\n',
    'admin.d/x11.conf': 'X11Forwarding yes\nPermitRootLogin prohibit-password\n',
  },
  'ChallengeResponseAuthentication is an alias of KbdInteractiveAuthentication': {
    sshd_config: `${DEBIAN_HEAD}KbdInteractiveAuthentication yes\n`,
    'sshd_config.d/legacy.conf': 'ChallengeResponseAuthentication no\n',
  },
  'two Match blocks match the same user: the first value wins': {
    sshd_config: `${DEBIAN_HEAD}MaxSessions 10\nPermitTunnel no\n\nMatch User alice,bob\n    MaxSessions 1\nMatch User *,!root\n    MaxSessions 3\n    PermitTunnel yes\n`,
  },
  'several criteria on one Match line': {
    sshd_config: `${DEBIAN_HEAD}PasswordAuthentication no\nPermitEmptyPasswords no\n\nMatch User alice Address 10.0.0.0/8\n    PasswordAuthentication yes\nMatch User root LocalPort 2222 Host admin.example.com\n    PasswordAuthentication yes\n    PermitEmptyPasswords no\n`,
  },
  'Subsystem, AuthorizedKeysFile and PubkeyAcceptedAlgorithms in Match': {
    sshd_config: `${DEBIAN_HEAD}AuthorizedKeysFile .ssh/authorized_keys .ssh/authorized_keys2\nSubsystem sftp internal-sftp\n\nMatch User deploy\n    AuthorizedKeysFile /var/lib/ssh/keys/%u\n    PubkeyAcceptedAlgorithms -ssh-rsa\n`,
    'sshd_config.d/sftp.conf': 'Subsystem backup /usr/local/libexec/backup-subsystem\nAuthenticationMethods publickey\n',
  },
  'logging, limits and last-wins keywords': {
    sshd_config: `${DEBIAN_HEAD}LogLevel VERBOSE\nSyslogFacility AUTHPRIV\nMaxStartups 10:30:100\nMaxStartups 20:50:200\nIPQoS lowdelay throughput\nIPQoS af21 cs1\nUseDNS no\n`,
    'sshd_config.d/log.conf': 'LogLevel INFO\nStrictModes yes\n',
  },
  'repeated Port and SetEnv; IPv6 Match Address': {
    sshd_config: `${DEBIAN_HEAD}Port 22\nPort 22\nSetEnv TZ=UTC\nSetEnv LANG=C.UTF-8\n\nMatch Address 2001:db8::/32\n    SetEnv TZ=Europe/Paris\n    PermitTTY no\n`,
    'sshd_config.d/env.conf': 'SetEnv EDITOR=vi\n',
  },
  'Match on host names and rdomain-free local addresses': {
    sshd_config: `${DEBIAN_HEAD}ClientAliveInterval 300\nGatewayPorts no\n\nMatch LocalAddress 192.168.1.1\n    ClientAliveInterval 60\nMatch Host ci.*,!*.example.com\n    GatewayPorts clientspecified\n`,
  },
};

const SSH_CONFIGS: Record<string, Files> = {
  'Debian ssh_config with a drop-in, Host * last': {
    ssh_config: 'Include /etc/ssh/ssh_config.d/*.conf\n\nHost *\n    SendEnv LANG LC_*\n    HashKnownHosts yes\n    GSSAPIAuthentication yes\n',
    'ssh_config.d/10-company.conf': 'Host bastion\n    User jump\n    Port 2200\nHost *\n    ServerAliveInterval 30\n    HashKnownHosts no\n',
  },
  'Host * first shadows every later block': {
    ssh_config: 'Host *\n    User nobody\n    ForwardAgent no\n\nHost bastion\n    User alice\n    ForwardAgent yes\n    Port 2222\n',
  },
  'Hostname substitution seen by Match host': {
    ssh_config: 'Host web db\n    Hostname %h.internal.example.com\nMatch host *.internal.example.com\n    User ops\n    Port 2022\nMatch originalhost web\n    IdentityFile ~/.ssh/web\nHost *\n    Port 22\n    IdentityFile ~/.ssh/id_ed25519\n',
  },
  'Match user and localuser': {
    ssh_config: 'Host bastion\n    User admin\nMatch user admin\n    ForwardAgent yes\nMatch localuser root\n    StrictHostKeyChecking accept-new\nMatch !localuser root\n    StrictHostKeyChecking yes\n',
  },
  'HostName with %% and %h, seen by Match host': {
    ssh_config: 'Host web\n    Hostname %%h-%h.example\nMatch host %h-web.example\n    User matched\n',
  },
  "Match host x all: ssh takes it as Match host x": {
    ssh_config: 'Match host bastion all\n    User jump\n    Port 2200\nHost *\n    User nobody\n',
  },
  'negated Host patterns': {
    ssh_config: 'Host * !bastion\n    ProxyJump bastion\n    ForwardX11 no\nHost bastion\n    ForwardX11 yes\n    ProxyJump none\n',
  },
  'appending keywords: IdentityFile, LocalForward, SendEnv': {
    ssh_config: 'Host db.example.com\n    IdentityFile ~/.ssh/db\n    LocalForward 5432 localhost:5432\n    SendEnv PGUSER\nHost *.example.com\n    IdentityFile ~/.ssh/company\n    SendEnv TZ\nHost *\n    IdentityFile ~/.ssh/id_ed25519\n',
  },
  'algorithm edits in Host blocks and drop-ins': {
    ssh_config: 'Include /etc/ssh/ssh_config.d/*.conf\nHost legacy\n    Ciphers +aes128-cbc\n    HostKeyAlgorithms +ssh-rsa\n    KexAlgorithms ^diffie-hellman-group14-sha1\nHost *\n    MACs -hmac-sha1\n    Ciphers -chacha20-poly1305@openssh.com\n',
    'ssh_config.d/crypto.conf': 'Host *.example.com\n    Ciphers aes256-gcm@openssh.com\n',
  },
  'duplicate IdentityFile and CertificateFile lines; SetEnv': {
    ssh_config: 'Host db.example.com\n    IdentityFile ~/.ssh/id_ed25519\n    CertificateFile ~/.ssh/id_ed25519-cert.pub\n    SetEnv A=1\nHost *\n    IdentityFile ~/.ssh/id_ed25519\n    IdentityFile ~/.ssh/id_rsa\n    CertificateFile ~/.ssh/id_ed25519-cert.pub\n    SetEnv B=2\n',
  },
  'Include inside a Host block, Host with several patterns': {
    ssh_config: 'Host bastion web\n    Include /etc/ssh/ssh_config.d/*.conf\nHost *.example.com !db.example.com\n    User staff\nHost *\n    User default\n    ConnectTimeout 5\n',
    'ssh_config.d/jump.conf': 'User jumper\nConnectTimeout 20\nHost db.example.com\n    User dba\n',
  },
  'Match all and exec (a failing command)': {
    ssh_config: 'Match exec "true"\n    Compression yes\nMatch !exec "true"\n    ConnectTimeout 10\nMatch all\n    Compression no\n    ConnectTimeout 30\n    ServerAliveCountMax 5\n',
  },
};

/** Who connects: `sshd -T -C`. Only root exists among these users, so only root can match Match Group. */
const SSHD_CONTEXTS: SshdConnection[] = [
  { user: 'alice', host: 'client.example.com', addr: '10.0.0.5', laddr: '192.168.1.1', lport: 22 },
  { user: 'root', host: 'admin.example.com', addr: '192.168.10.7', laddr: '192.168.1.1', lport: 2222 },
  { user: 'deploy', host: 'ci.example.org', addr: '203.0.113.9', laddr: '10.1.1.1', lport: 22 },
  { user: 'bob', host: 'laptop.example.net', addr: '10.0.0.99', laddr: '10.1.1.1', lport: 2222 },
  { user: 'sftp-backup', host: 'ci.example.com', addr: '198.51.100.1', laddr: '192.168.1.1', lport: 22 },
  { user: 'alice', host: 'v6.example.com', addr: '2001:db8::7', laddr: '2001:db8::1', lport: 22 },
];

/** The groups of a user that exists on this machine (Match Group asks the group database). */
function groupsOf(user: string): string[] {
  try {
    return execFileSync('id', ['-Gn', user], { encoding: 'utf8' }).trim().split(/\s+/);
  } catch {
    return [];
  }
}

const SSH_DESTINATIONS: SshDestination[] = [
  { host: 'bastion', localUser: 'root' },
  { host: 'web', localUser: 'root' },
  { host: 'db.example.com', localUser: 'root' },
  { host: 'legacy', localUser: 'root', user: 'admin' },
  { host: 'other.example.org', localUser: 'root' },
  { host: 'Web', localUser: 'root' },
];

// ============================================================== values

/** Values sshd -T / ssh -G print in another spelling than the one written. */
const PRINTED_VALUE: Record<string, Record<string, string>> = {
  permitrootlogin: { 'prohibit-password': 'without-password' },
};

/** Values ssh -G prints transformed (readconf.c `dump_client_config`); undefined: not printed at all. */
const SSH_PRINTED: Record<string, (value: string, host: string) => string | undefined> = {
  // %h (and %%) expanded for the host given on the command line, as sshlint's evaluation of Match host does.
  hostname: (value, host) => hostNameFor(value, host),
  // `ProxyJump none` clears the jump host: nothing is printed.
  proxyjump: (value) => (value === 'none' ? undefined : value),
  // A forward's host is printed in brackets.
  localforward: (value) => value.replace(/^([^[:/][^:/]*):(\d+)$/, '[$1]:$2'),
};

/**
 * The Debian 12 build knows KEX names upstream 9.2 does not and puts them first in its
 * defaults (VENDOR_NOTES in algorithms.ts): sshlint resolves lists against upstream's
 * defaults, so those names are left out of what the binary prints before comparing.
 */
const VENDOR_EXTRA = new Set(VENDOR_NOTES.filter((n) => n.release === RELEASE).flatMap((n) => n.extraNames));

/**
 * The value sshlint says applies, in the form OpenSSH prints it; null: OpenSSH prints
 * nothing; undefined: not comparable (no line applies and the default is not recorded).
 */
function expected(keyword: string, lines: Setting[] | undefined, defaultValue: string | null | undefined, side: Side, host: string): string | null | undefined {
  const values = lines ? lines.flatMap((s) => s.values) : defaultValue === undefined || defaultValue === null ? undefined : defaultValue.split(' ');
  if (values === undefined) return undefined;
  const grammar = lines?.[0]?.verdict.keyword?.grammar.kind;
  const lower = keyword.toLowerCase();
  const algorithms = algorithmKeyword(lower, side);
  if (algorithms && values.length === 1) {
    const resolved = resolveAlgorithmList(algorithms, values[0]!, RELEASE, side);
    return resolved.ok ? resolved.effective.join(',') : undefined;
  }
  const words = values.map((value) => {
      const v = value.toLowerCase();
      if (grammar === 'flag' || (!lines && (v === 'true' || v === 'false'))) return v === 'true' ? 'yes' : v === 'false' ? 'no' : v;
      if (grammar === 'time') return String(convtime(value, RELEASE));
      const ssh = side === 'client' ? SSH_PRINTED[lower] : undefined;
      return ssh ? ssh(v, host) : (PRINTED_VALUE[lower]?.[v] ?? v);
  });
  return words.includes(undefined) ? null : words.join(' ');
}

function printed(dump: Map<string, string[]>, keyword: string): string | undefined {
  const lower = keyword.toLowerCase();
  const text = dump.get(lower)?.join(' ').toLowerCase();
  return lower === 'kexalgorithms' ? text?.split(',').filter((name) => !VENDOR_EXTRA.has(name)).join(',') : text;
}

interface Disagreement {
  config: string;
  context: string;
  keyword: string;
  sshlint: string;
  openssh: string | undefined;
}

const figures = { configs: 0, contexts: 0, comparisons: 0, skipped: 0 };
const disagreements: Disagreement[] = [];

async function analyse(files: Files, kind: ConfigKind) {
  const analysis = await analyseConfig(files, kind, VERSION);
  const problems = [...analysis.verdicts.values()].filter((v) => v.problem);
  expect(problems.map((v) => v.problem?.message)).toEqual([]);
  const config = effectiveConfig(analysis, { version: VERSION });
  // Every keyword the configuration sets, with its built-in default for when no line applies.
  const keywords = new Set(config.settings.map((s) => s.keyword));
  const defaults = new Map(config.settings.map((s) => [s.keyword, s.verdict.keyword?.aliasOf ? undefined : s.verdict.keyword?.default]));
  return { config, keywords, defaults };
}

function compare(config: string, context: string, keywords: Set<string>, settings: ReadonlyMap<string, Setting[]>, dump: Map<string, string[]>, defaults: Map<string, string | null | undefined>, side: Side, host = ''): void {
  figures.contexts++;
  for (const keyword of keywords) {
    const want = expected(keyword, settings.get(keyword.toLowerCase()), defaults.get(keyword), side, host);
    if (want === undefined) {
      figures.skipped++;
      continue;
    }
    figures.comparisons++;
    const got = printed(dump, keyword);
    if (got !== (want ?? undefined)) disagreements.push({ config, context, keyword, sshlint: want ?? '(nothing printed)', openssh: got });
  }
}

describe.skipIf(!available)('effective values agree with sshd -T / ssh -G (OpenSSH 9.2)', () => {
  requireOpenSSH();
  afterAll(async () => {
    await cleanupConfigOracle();
    if (REPORT) {
      console.log(`effective-config oracle: ${figures.configs} configurations, ${figures.contexts} contexts, ${figures.comparisons} keyword comparisons (${figures.skipped} without a recorded default skipped), ${disagreements.length} disagreements`);
    }
  });

  for (const [name, files] of Object.entries(SSHD_CONFIGS)) {
    it(`sshd: ${name}`, async () => {
      figures.configs++;
      const { config, keywords, defaults } = await analyse(files, 'sshd_config');
      const before = disagreements.length;
      for (const connection of SSHD_CONTEXTS) {
        const groups = groupsOf(connection.user!);
        const dump = await sshdEffective(forOpenSSH(files), connection);
        const label = Object.entries(connection).map(([k, v]) => `${k}=${v}`).join(',');
        compare(name, label, keywords, config.for({ ...connection, groups }), dump, defaults, 'server');
      }
      expect(disagreements.slice(before)).toEqual([]);
    });
  }

  for (const [name, files] of Object.entries(SSH_CONFIGS)) {
    it(`ssh: ${name}`, async () => {
      figures.configs++;
      const { config, keywords, defaults } = await analyse(files, 'ssh_config');
      const before = disagreements.length;
      for (const destination of SSH_DESTINATIONS) {
        const result = await sshConfigCheck(forOpenSSH(files), destination.host, destination.user ? { user: destination.user } : {});
        expect(result.errors).toEqual([]);
        const label = `${destination.user ? `-l ${destination.user} ` : ''}${destination.host}`;
        compare(name, label, keywords, config.for(destination), result.effective, defaults, 'client', destination.host);
      }
      expect(disagreements.slice(before)).toEqual([]);
    });
  }
});

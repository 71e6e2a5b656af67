/**
 * The lockout rules (SSH700–SSH704) on small repositories: which rule reports which line, and
 * that nothing is reported where the login works or depends on what the repository does not
 * show. The real-sshd proof of the same analysis is test/oracle/lockout.oracle.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseVersion } from '../../src/core/version.js';
import { expandTilde, expandTokens } from '../../src/lockout/expand-path.js';
import { checkedPaths } from '../../src/lockout/file-modes.js';
import { governingServer, machinePrefix, resolveTargetPath } from '../../src/lockout/installed-keys.js';
import { DEFAULT_POLICY, type RuleContext } from '../../src/rules/rule.js';
import { CERT_KEYS, CERTS } from '../fixtures/certificates.js';
import { KEYS } from '../fixtures/keys.js';
import { lintRepository } from '../lockout/lint-repository.js';
import type { SetupSpec } from '../oracle/lockout-fixtures.js';

const CONTEXT: RuleContext = { version: parseVersion('9.2')!, policy: DEFAULT_POLICY, now: Date.UTC(2026, 0, 1) / 1000 };
const root = mkdtempSync(join(tmpdir(), 'sshlint-lockout-rules-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
async function lockoutFindings(files: Record<string, string>, setups: SetupSpec[] = [], context = CONTEXT): Promise<string[]> {
  const repo = join(root, String(counter++));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  const { findings } = await lintRepository(repo, files, setups, context);
  return findings.filter((f) => /^SSH70\d$/.test(f.ruleId)).map((f) => `${f.alias} ${f.file}:${f.line} ${f.message}`);
}

const SSHD = 'etc/ssh/sshd_config';
const DEPLOY = 'home/deploy/.ssh/authorized_keys';
const ROOT = 'root/.ssh/authorized_keys';
const USER_CA = 'etc/ssh/user_ca.pub';

interface Case {
  name: string;
  files: Record<string, string>;
  setups?: SetupSpec[];
  /** `alias file:line` prefixes, and words each message must hold. */
  expected: { at: string; says: string[] }[];
}

const CASES: Case[] = [
  { name: 'nothing to report', files: { [SSHD]: 'PasswordAuthentication no\n', [DEPLOY]: `${KEYS.ed25519}\n${KEYS.rsa2048}\n` }, expected: [] },
  { name: 'no sshd_config in the repository: the server is unknown', files: { [DEPLOY]: `${KEYS.dsa1024}\n` }, expected: [] },
  {
    name: 'AllowUsers leaves deploy out',
    files: { [SSHD]: 'AllowUsers admin\nPasswordAuthentication no\n', [DEPLOY]: `${KEYS.ed25519}\n` },
    expected: [{ at: `lockout-user-refused ${SSHD}:1`, says: ["deploy's ssh-ed25519 key", 'does not list deploy', 'deploy is locked out'] }],
  },
  {
    name: 'locked out is not claimed while passwords may work',
    files: { [SSHD]: 'AllowUsers admin\n', [DEPLOY]: `${KEYS.ed25519}\n` },
    expected: [{ at: `lockout-user-refused ${SSHD}:1`, says: ['deploy can only log in with a password, if the account has one'] }],
  },
  {
    name: 'locked out is not claimed while AuthorizedKeysCommand may supply a key',
    files: { [SSHD]: 'AllowUsers admin\nPasswordAuthentication no\nAuthorizedKeysCommand /usr/bin/sss_ssh_authorizedkeys\nAuthorizedKeysCommandUser nobody\n', [DEPLOY]: `${KEYS.ed25519}\n` },
    expected: [{ at: `lockout-user-refused ${SSHD}:1`, says: ['may still accept a key that AuthorizedKeysCommand supplies'] }],
  },
  { name: 'AllowUsers in a Match block on an address: depends on the client', files: { [SSHD]: 'PasswordAuthentication no\nMatch Address 192.168.0.0/16\n  AllowUsers admin\n', [DEPLOY]: `${KEYS.ed25519}\n` }, expected: [] },
  { name: 'AllowUsers in a Match block for another user does not apply', files: { [SSHD]: 'PasswordAuthentication no\nMatch User admin\n  AllowUsers admin\n', [DEPLOY]: `${KEYS.ed25519}\n` }, expected: [] },
  {
    name: "a Match block for deploy replaces the top-level AllowUsers",
    files: { [SSHD]: 'PasswordAuthentication no\nAllowUsers deploy admin\nMatch User deploy\n  AllowUsers admin\n', [DEPLOY]: `${KEYS.ed25519}\n` },
    expected: [{ at: `lockout-user-refused ${SSHD}:4`, says: ['does not list deploy'] }],
  },
  {
    name: 'AllowUsers with commas says why',
    files: { [SSHD]: 'AllowUsers admin,deploy\n', [DEPLOY]: `${KEYS.ed25519}\n` },
    expected: [{ at: `lockout-user-refused ${SSHD}:1`, says: ['a comma is part of the pattern'] }],
  },
  { name: 'AllowUsers user@host depends on the client', files: { [SSHD]: 'AllowUsers deploy@10.0.0.1\n', [DEPLOY]: `${KEYS.ed25519}\n` }, expected: [] },
  { name: 'AllowGroups depends on the groups', files: { [SSHD]: 'AllowGroups ssh-users\n', [DEPLOY]: `${KEYS.ed25519}\n` }, expected: [] },
  {
    name: 'PermitRootLogin no, root keys only',
    files: { [SSHD]: 'PermitRootLogin no\n', [ROOT]: `${KEYS.ed25519}\n`, [DEPLOY]: `${KEYS.ed25519}\n` },
    expected: [{ at: `lockout-user-refused ${SSHD}:1`, says: ["root's ssh-ed25519 key", 'forbids root logins'] }],
  },
  {
    name: 'forced-commands-only accepts a key with command=',
    files: { [SSHD]: 'PermitRootLogin forced-commands-only\n', [ROOT]: `command="backup" ${KEYS.ed25519}\n` },
    expected: [],
  },
  {
    name: 'PubkeyAuthentication no in Match User: deploy only',
    files: { [SSHD]: 'Match User deploy\n  PubkeyAuthentication no\n', [DEPLOY]: `${KEYS.ed25519}\n`, [ROOT]: `${KEYS.ed25519}\n` },
    expected: [{ at: `lockout-user-refused ${SSHD}:2`, says: ['switches public-key authentication off for deploy'] }],
  },
  { name: 'PubkeyAuthentication no for everyone is left to pubkey-authentication-off', files: { [SSHD]: 'PubkeyAuthentication no\n', [DEPLOY]: `${KEYS.ed25519}\n` }, expected: [] },
  { name: 'Match Address may or may not apply', files: { [SSHD]: 'Match Address 10.0.0.0/8\n  PubkeyAuthentication no\n', [DEPLOY]: `${KEYS.ed25519}\n` }, expected: [] },
  {
    name: 'AuthenticationMethods needs a password as well',
    files: { [SSHD]: 'AuthenticationMethods publickey,password\n', [DEPLOY]: `${KEYS.ed25519}\n` },
    expected: [{ at: `lockout-user-refused ${SSHD}:1`, says: ['requires password besides a key', 'Permission denied (password)'] }],
  },
  {
    name: 'PubkeyAcceptedAlgorithms: the line, the refused keys, and the key that still works',
    files: { [SSHD]: 'PubkeyAcceptedAlgorithms ssh-ed25519\n', [DEPLOY]: `${KEYS.ecdsa256}\n${KEYS.ed25519}\n` },
    expected: [{ at: `lockout-key-refused ${SSHD}:1`, says: ['leaves out ecdsa-sha2-nistp256', `deploy can still log in with ${DEPLOY}:2`] }],
  },
  { name: 'a DSA key refused by the default list is left to key-dsa', files: { [SSHD]: 'PasswordAuthentication no\n', [DEPLOY]: `${KEYS.dsa1024}\n` }, expected: [] },
  { name: 'only ssh-rsa (SHA-1) accepted: depends on the client', files: { [SSHD]: 'PubkeyAcceptedAlgorithms ssh-rsa\n', [DEPLOY]: `${KEYS.rsa2048}\n` }, expected: [] },
  {
    name: 'RequiredRSASize above the key',
    files: { [SSHD]: 'RequiredRSASize 3072\n', [DEPLOY]: `${KEYS.rsa2048}\n${KEYS.rsa3072}\n` },
    expected: [{ at: `lockout-key-refused ${SSHD}:1`, says: ['ssh-rsa 2048-bit key', 'under 3072 bits', 'can still log in'] }],
  },
  {
    name: 'AuthorizedKeysFile with ~',
    files: { [SSHD]: 'AuthorizedKeysFile ~/.ssh/authorized_keys\n', [DEPLOY]: `${KEYS.ed25519}\n`, [ROOT]: `${KEYS.ed25519}\n` },
    expected: [{ at: `lockout-keys-not-read ${SSHD}:1`, says: ['/root/.ssh/authorized_keys for deploy', "to root's home, so any key in root's file can log in as deploy"] }],
  },
  {
    name: 'the default AuthorizedKeysFile and a file elsewhere: not a conventional place, not claimed',
    files: { [SSHD]: 'PasswordAuthentication no\n', 'keys/authorized_keys': `${KEYS.ed25519}\n` },
    expected: [],
  },
  {
    name: 'a setup installation to a path AuthorizedKeysFile does not name: the finding is on the key',
    files: { [SSHD]: 'PasswordAuthentication no\n', 'files/deploy.pub': `${KEYS.ed25519}\n`, 'setup.sh': 'install deploy.pub /etc/ssh/keys/deploy\n' },
    setups: [{ file: 'setup.sh', installations: [{ user: 'deploy', target: '/etc/ssh/keys/deploy', keysFile: 'files/deploy.pub', line: 1 }] }],
    expected: [{ at: 'lockout-keys-not-read files/deploy.pub:1', says: ['never /etc/ssh/keys/deploy'] }],
  },
  {
    name: 'chmod 777 on the home',
    files: { [SSHD]: 'PasswordAuthentication no\n', [DEPLOY]: `${KEYS.ed25519}\n`, 'setup.sh': 'chmod 777 /home/deploy\n' },
    setups: [{ file: 'setup.sh', modes: [{ target: '/home/deploy', written: '777', mode: 0o777, line: 1 }] }],
    expected: [{ at: 'lockout-unsafe-modes setup.sh:1', says: ['/home/deploy writable by others', 'bad ownership or modes for directory /home/deploy'] }],
  },
  {
    name: 'a later chmod repairs the mode',
    files: { [SSHD]: 'PasswordAuthentication no\n', [DEPLOY]: `${KEYS.ed25519}\n`, 'setup.sh': 'chmod -R 777 /home/deploy\nchmod 700 /home/deploy/.ssh\n' },
    setups: [{ file: 'setup.sh', modes: [{ target: '/home/deploy', written: '777', mode: 0o777, recursive: true, line: 1 }, { target: '/home/deploy/.ssh', written: '700', mode: 0o700, line: 2 }] }],
    // The file and the home stay 777: still refused (sshd checks the file first), on the first line.
    expected: [{ at: 'lockout-unsafe-modes setup.sh:1', says: ['makes /home/deploy/.ssh/authorized_keys writable by others'] }],
  },
  {
    name: 'a mode outside the checked paths does not matter',
    files: { [SSHD]: 'PasswordAuthentication no\n', [DEPLOY]: `${KEYS.ed25519}\n`, 'setup.sh': 'chmod 777 /srv/www\n' },
    setups: [{ file: 'setup.sh', modes: [{ target: '/srv/www', written: '777', mode: 0o777, line: 1 }] }],
    expected: [],
  },
  {
    name: 'group-writable: Debian accepts it for a user-private group',
    files: { [SSHD]: 'PasswordAuthentication no\n', [DEPLOY]: `${KEYS.ed25519}\n`, 'setup.sh': 'chmod g+w /home/deploy\n' },
    setups: [{ file: 'setup.sh', modes: [{ target: '/home/deploy', written: '775', mode: 0o775, line: 1 }] }],
    expected: [],
  },
  {
    name: 'sshd refuses to start',
    files: { [SSHD]: 'PubkeyAuthentication yse\n', [DEPLOY]: `${KEYS.ed25519}\n`, [ROOT]: `${KEYS.ed25519}\n` },
    expected: [{ at: `lockout-sshd-will-not-start ${SSHD}:1`, says: ['Everyone is locked out', "deploy's ssh-ed25519 key", "root's ssh-ed25519 key"] }],
  },
  {
    name: 'a drop-in governs the keys of its machine',
    files: { 'etc/ssh/sshd_config': 'Include /etc/ssh/sshd_config.d/*.conf\n', 'etc/ssh/sshd_config.d/users.conf': 'AllowUsers root\n', [DEPLOY]: `${KEYS.ed25519}\n` },
    expected: [{ at: 'lockout-user-refused etc/ssh/sshd_config.d/users.conf:1', says: ['does not list deploy'] }],
  },
  // ---------------------------------------------------------------- certificates (CERTS: principal alice, CA caEd25519 unless said)
  {
    name: 'a certificate whose CA TrustedUserCAKeys lists, for its principal',
    files: { [SSHD]: 'TrustedUserCAKeys /etc/ssh/user_ca.pub\n', [USER_CA]: `${CERT_KEYS.caEd25519}\n`, 'certs/alice-cert.pub': `${CERTS.valid}\n` },
    expected: [],
  },
  {
    name: 'TrustedUserCAKeys names a file without the CA',
    files: { [SSHD]: 'TrustedUserCAKeys /etc/ssh/user_ca.pub\n', [USER_CA]: `${CERT_KEYS.caRsa}\n`, 'certs/alice-cert.pub': `${CERTS.valid}\n` },
    expected: [{ at: `lockout-certificate-refused ${SSHD}:1`, says: ["alice's ssh-ed25519 certificate (certs/alice-cert.pub:1)", `${USER_CA}, which does not list the CA`, 'alice can only log in with a password'] }],
  },
  {
    name: "a certificate in deploy's home whose principals leave deploy out",
    files: { [SSHD]: 'TrustedUserCAKeys /etc/ssh/user_ca.pub\n', [USER_CA]: `${CERT_KEYS.caEd25519}\n`, 'home/deploy/.ssh/id_ed25519-cert.pub': `${CERTS.valid}\n` },
    expected: [{ at: 'lockout-certificate-refused home/deploy/.ssh/id_ed25519-cert.pub:1', says: ['principals (alice) do not include deploy', 'name is not a listed principal'] }],
  },
  {
    name: 'an expired certificate is left to certificate-validity',
    files: { [SSHD]: 'TrustedUserCAKeys /etc/ssh/user_ca.pub\n', [USER_CA]: `${CERT_KEYS.caEd25519}\n`, 'certs/alice-cert.pub': `${CERTS.expired}\n` },
    expected: [],
  },
  {
    name: 'an ssh-rsa CA signature under the default list is left to certificate-signed-with-ssh-rsa',
    files: { [SSHD]: 'TrustedUserCAKeys /etc/ssh/user_ca.pub\n', [USER_CA]: `${CERT_KEYS.caRsa}\n`, 'certs/alice-cert.pub': `${CERTS.signedSshRsa}\n` },
    expected: [],
  },
  {
    name: 'CASignatureAlgorithms refuses the CA signature',
    files: { [SSHD]: 'TrustedUserCAKeys /etc/ssh/user_ca.pub\nCASignatureAlgorithms ssh-ed25519\n', [USER_CA]: `${CERT_KEYS.caRsa}\n`, 'certs/alice-cert.pub': `${CERTS.signedRsaSha512}\n` },
    expected: [{ at: `lockout-certificate-refused ${SSHD}:2`, says: ['does not allow its CA signature (rsa-sha2-512)'] }],
  },
  {
    name: 'PubkeyAcceptedAlgorithms without the certificate type',
    files: { [SSHD]: 'TrustedUserCAKeys /etc/ssh/user_ca.pub\nPubkeyAcceptedAlgorithms ssh-ed25519\n', [USER_CA]: `${CERT_KEYS.caEd25519}\n`, 'certs/alice-cert.pub': `${CERTS.valid}\n` },
    expected: [{ at: `lockout-key-refused ${SSHD}:2`, says: ['leaves out ssh-ed25519-cert-v01@openssh.com'] }],
  },
  {
    name: 'nothing trusts the CA: the finding is on the certificate',
    files: { [SSHD]: 'PasswordAuthentication no\n', 'certs/alice-cert.pub': `${CERTS.valid}\n` },
    expected: [{ at: 'lockout-certificate-refused certs/alice-cert.pub:1', says: ['nothing trusts its CA', 'no TrustedUserCAKeys'] }],
  },
  {
    name: 'cert-authority with principals= that the certificate does not carry',
    files: { [SSHD]: 'PasswordAuthentication no\n', [DEPLOY]: `cert-authority,principals="ops" ${CERT_KEYS.caEd25519}\n`, 'certs/alice-cert.pub': `${CERTS.valid}\n` },
    expected: [
      { at: "lockout-certificate-refused certs/alice-cert.pub:1 deploy's", says: ['include none of `principals="ops"`'] },
      { at: "lockout-certificate-refused certs/alice-cert.pub:1 alice's", says: ['nothing trusts its CA'] },
    ],
  },
  {
    name: 'cert-authority without principals= takes the user name',
    files: { [SSHD]: 'PasswordAuthentication no\n', 'home/alice/.ssh/authorized_keys': `cert-authority ${CERT_KEYS.caEd25519}\n`, 'certs/alice-cert.pub': `${CERTS.valid}\n` },
    expected: [],
  },
  {
    name: 'AuthorizedPrincipalsFile, AuthorizedKeysCommand: not claimed',
    files: { [SSHD]: 'TrustedUserCAKeys /etc/ssh/user_ca.pub\nAuthorizedPrincipalsFile /etc/ssh/principals/%u\nAuthorizedKeysCommand /usr/bin/keys %u\nAuthorizedKeysCommandUser nobody\n', [USER_CA]: `${CERT_KEYS.caRsa}\n`, 'certs/alice-cert.pub': `${CERTS.valid}\n` },
    expected: [],
  },
  {
    name: 'a TrustedUserCAKeys file the repository does not hold: not claimed',
    files: { [SSHD]: 'TrustedUserCAKeys /etc/ssh/user_ca.pub\n', 'certs/alice-cert.pub': `${CERTS.valid}\n` },
    expected: [],
  },
  // ---------------------------------------------------------------- groups
  {
    name: 'AllowGroups with etc/passwd and etc/group: deploy is in none',
    files: { [SSHD]: 'AllowGroups sshusers\n', 'etc/passwd': 'deploy:x:1000:1000::/home/deploy:/bin/sh\n', 'etc/group': 'deploy:x:1000:\nsshusers:x:1001:admin\n', [DEPLOY]: `${KEYS.ed25519}\n` },
    expected: [{ at: `lockout-user-refused ${SSHD}:1`, says: ["lists none of deploy's groups (deploy, per etc/group)", 'none of user\'s groups are listed in AllowGroups'] }],
  },
  {
    name: 'AllowGroups matched by a supplementary group',
    files: { [SSHD]: 'AllowGroups ssh*\n', 'etc/group': 'sshusers:x:1001:admin,deploy\n', [DEPLOY]: `${KEYS.ed25519}\n` },
    expected: [],
  },
  {
    name: 'DenyGroups and a member in etc/group',
    files: { [SSHD]: 'DenyGroups contractors\n', 'etc/group': 'contractors:x:1001:deploy\n', [DEPLOY]: `${KEYS.ed25519}\n` },
    expected: [{ at: `lockout-user-refused ${SSHD}:1`, says: ['denies group contractors, and etc/group puts deploy in it'] }],
  },
  { name: 'AllowGroups without etc/passwd: the primary group is unknown', files: { [SSHD]: 'AllowGroups sshusers\n', 'etc/group': 'sshusers:x:1001:admin\n', [DEPLOY]: `${KEYS.ed25519}\n` }, expected: [] },
  { name: 'etc/group of another machine does not count', files: { [SSHD]: 'AllowGroups sshusers\n', 'other/etc/group': 'sshusers:x:1001:\n', 'other/etc/passwd': 'deploy:x:1000:1000::/home/deploy:/bin/sh\n', [DEPLOY]: `${KEYS.ed25519}\n` }, expected: [] },
  // ---------------------------------------------------------------- chroot
  {
    name: 'a chroot component made group-writable',
    files: { [SSHD]: 'Match User deploy\n  ChrootDirectory /srv/sftp/%u\n  ForceCommand internal-sftp\n', [DEPLOY]: `${KEYS.ed25519}\n`, 'setup.sh': 'chmod 775 /srv/sftp\n' },
    setups: [{ file: 'setup.sh', modes: [{ target: '/srv/sftp', written: '775', mode: 0o775, line: 1 }] }],
    expected: [{ at: 'lockout-chroot-refused setup.sh:1', says: ['/srv/sftp writable by its group', 'chroots deploy into /srv/sftp/deploy', 'chroot directory component /srv/sftp/"'] }],
  },
  {
    name: 'a chroot with safe modes',
    files: { [SSHD]: 'ChrootDirectory /srv/sftp\nForceCommand internal-sftp\n', [DEPLOY]: `${KEYS.ed25519}\n`, 'setup.sh': 'chmod 755 /srv/sftp\nchmod 777 /srv/sftp/upload\n' },
    setups: [{ file: 'setup.sh', modes: [{ target: '/srv/sftp', written: '755', mode: 0o755, line: 1 }, { target: '/srv/sftp/upload', written: '777', mode: 0o777, line: 2 }] }],
    expected: [],
  },
  { name: 'ChrootDirectory %h: ownership is not modelled', files: { [SSHD]: 'ChrootDirectory %h\n', [DEPLOY]: `${KEYS.ed25519}\n` }, expected: [] },
];

describe('lockout rules', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const found = await lockoutFindings(c.files, c.setups);
      expect(found.length, found.join('\n')).toBe(c.expected.length);
      for (const expected of c.expected) {
        const hit = found.find((message) => message.startsWith(`${expected.at} `));
        expect(hit, `${expected.at} in:\n${found.join('\n')}`).toBeDefined();
        for (const words of expected.says) expect(hit).toContain(words);
      }
    });
  }

  it('reports on the target release: DSA re-enabled is fine on 9.2', async () => {
    const files = { [SSHD]: 'PubkeyAcceptedAlgorithms +ssh-dss\n', [DEPLOY]: `${KEYS.dsa1024}\n` };
    expect(await lockoutFindings(files)).toEqual([]);
  });

  it("does not blame root's home for AuthorizedKeysFile ~admin/…, which names admin's", async () => {
    const [hit, ...more] = await lockoutFindings({ [SSHD]: 'AuthorizedKeysFile ~admin/.ssh/authorized_keys\n', [DEPLOY]: `${KEYS.ed25519}\n` });
    expect(more).toEqual([]);
    expect(hit).toContain('makes sshd read /home/admin/.ssh/authorized_keys for deploy, never');
    expect(hit).not.toContain("root's home");
  });
});

describe('where keys land', () => {
  it('maps a repository layout to the machine', () => {
    expect(machinePrefix('etc/ssh/sshd_config')).toBe('');
    expect(machinePrefix('rootfs/etc/ssh/sshd_config')).toBe('rootfs/');
    expect(machinePrefix('docker/sshd_config')).toBe('docker/');
    expect(machinePrefix('a/sshd_config.d/x.conf')).toBe('a/');
    expect(machinePrefix('sshd_config')).toBe('');
  });

  it('resolves setup paths, and gives up on variables', () => {
    expect(resolveTargetPath('~/.ssh/authorized_keys', 'deploy')).toBe('/home/deploy/.ssh/authorized_keys');
    expect(resolveTargetPath('~root/.ssh/', undefined)).toBe('/root/.ssh');
    expect(resolveTargetPath('$HOME/.ssh', 'deploy')).toBeUndefined();
    expect(resolveTargetPath('/home/{{ user }}/.ssh', 'deploy')).toBeUndefined();
    expect(resolveTargetPath('~/.ssh', undefined)).toBeUndefined();
  });

  it('expands ~ and tokens as tilde_expand_filename and percent_expand do', () => {
    expect(expandTilde('~/.ssh/authorized_keys', 'root')).toBe('/root/.ssh/authorized_keys');
    expect(expandTilde('~', 'deploy')).toBe('/home/deploy');
    expect(expandTilde('~admin/.ssh', 'root')).toBe('/home/admin/.ssh');
    expect(expandTilde('.ssh/~x', 'root')).toBe('.ssh/~x');
    expect(expandTokens('/etc/ssh/keys/%u%%', { u: 'deploy' })).toBe('/etc/ssh/keys/deploy%');
    expect(expandTokens('/etc/ssh/keys/%U', { u: 'deploy' })).toBeUndefined();
    expect(expandTokens('/etc/ssh/keys/%', { u: 'deploy' })).toBeUndefined();
  });

  it('lists the paths StrictModes checks, up to the home', () => {
    expect(checkedPaths('/home/deploy/.ssh/authorized_keys', '/home/deploy')).toEqual(['/home/deploy/.ssh/authorized_keys', '/home/deploy/.ssh', '/home/deploy']);
    expect(checkedPaths('/etc/ssh/keys/deploy', '/home/deploy')).toEqual(['/etc/ssh/keys/deploy', '/etc/ssh/keys', '/etc/ssh', '/etc', '/']);
  });

  it('picks no server when two could govern the same path', () => {
    const server = (path: string) => ({ kind: 'sshd_config', tree: { main: { source: { path } } } }) as never;
    const a = server('a/sshd_config');
    const b = server('b/sshd_config');
    expect(governingServer([a, b], 'a/home/deploy/.ssh/authorized_keys')).toBe(a);
    expect(governingServer([a, b], 'home/deploy/.ssh/authorized_keys')).toBeUndefined();
  });
});

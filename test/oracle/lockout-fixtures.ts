/**
 * Repositories for the lockout proof (lockout.oracle.test.ts): each is a small tree of files
 * (`{{name}}` stands for the public line of a generated key) and, where it matters, the setup
 * facts its provisioning code states (built directly: the setup parsers are tested on their own).
 * Each cause OpenSSH 9.2 can show has a fixture that locks someone out and one where the same
 * setting lets the login through.
 */
import type { KeyType } from './openssh.js';

export const FIXTURE_KEYS: Record<string, { type: KeyType; bits?: number }> = {
  deploy: { type: 'ed25519' },
  deploy2: { type: 'ed25519' },
  admin: { type: 'ed25519' },
  root: { type: 'ed25519' },
  rsa2048: { type: 'rsa', bits: 2048 },
  rsa3072: { type: 'rsa', bits: 3072 },
  ecdsa: { type: 'ecdsa' },
  dsa: { type: 'dsa' },
  ca: { type: 'ed25519' },
  ca2: { type: 'ed25519' },
  caRsa: { type: 'rsa', bits: 3072 },
  certified: { type: 'ed25519' },
};

/** Dates every certificate window is judged at agree on: the proof's `now` (2026-01-01) and the machine's clock. */
const VALID = '20200101:20991231';

/** User certificates signed with ssh-keygen -s (`{{cert:name}}` stands for the certificate's line); all certify `certified`. */
export const FIXTURE_CERTS: Record<string, { ca: string; principals: string[]; validity: string; signature?: string }> = {
  deploy: { ca: 'ca', principals: ['deploy'], validity: VALID },
  alice: { ca: 'ca', principals: ['alice'], validity: VALID },
  ops: { ca: 'ca', principals: ['ops'], validity: VALID },
  expired: { ca: 'ca', principals: ['deploy'], validity: '20200101:20210101' },
  notYetValid: { ca: 'ca', principals: ['deploy'], validity: '20990101:21000101' },
  sshRsa: { ca: 'caRsa', principals: ['deploy'], validity: VALID, signature: 'ssh-rsa' },
  rsaSha512: { ca: 'caRsa', principals: ['deploy'], validity: VALID, signature: 'rsa-sha2-512' },
};

export interface SetupSpec {
  /** The setup file (its text is in `files`). */
  file: string;
  installations?: { user?: string; target?: string; keysFile: string; line: number }[];
  modes?: { target: string; written: string; mode?: number; recursive?: boolean; line: number }[];
}

export interface LockoutFixture {
  name: string;
  files: Record<string, string>;
  setups?: SetupSpec[];
  /** Accounts the machine needs besides the homes in `files` (users who log in with a certificate only). */
  users?: string[];
  /** Directories the machine has, root-owned, mode 755, before the setup code's modes (a chroot). */
  directories?: string[];
  /** A user's ssh configuration in the tree (`{{private:name}}` stands for a generated private key): the real ssh runs it against the machine's sshd. */
  client?: { user: string; config: string; host: string };
}

const SSHD = 'etc/ssh/sshd_config';
const DEPLOY = 'home/deploy/.ssh/authorized_keys';
const ROOT = 'root/.ssh/authorized_keys';
/** A plain Debian-like configuration (the defaults for everything that matters). */
const PLAIN = 'PasswordAuthentication no\nKbdInteractiveAuthentication no\n';

export const LOCKOUT_FIXTURES: LockoutFixture[] = [
  {
    name: 'everything works (defaults, Ed25519, RSA 2048, ECDSA, root with a key)',
    files: { [SSHD]: PLAIN, [DEPLOY]: '{{deploy}}\n{{rsa2048}}\n{{ecdsa}}\n', [ROOT]: '{{root}}\n' },
  },
  {
    name: 'AllowUsers without deploy',
    files: { [SSHD]: `${PLAIN}AllowUsers admin root\n`, [DEPLOY]: '{{deploy}}\n', 'home/admin/.ssh/authorized_keys': '{{admin}}\n', [ROOT]: '{{root}}\n' },
  },
  {
    name: 'AllowUsers with commas',
    files: { [SSHD]: `${PLAIN}AllowUsers deploy,admin\n`, [DEPLOY]: '{{deploy}}\n' },
  },
  {
    name: 'AllowUsers over two lines lets both in',
    files: { [SSHD]: `${PLAIN}AllowUsers admin\nAllowUsers deploy\n`, [DEPLOY]: '{{deploy}}\n', 'home/admin/.ssh/authorized_keys': '{{admin}}\n' },
  },
  {
    name: 'DenyUsers pattern',
    files: { [SSHD]: `${PLAIN}DenyUsers dep*\n`, [DEPLOY]: '{{deploy}}\n', 'home/admin/.ssh/authorized_keys': '{{admin}}\n' },
  },
  {
    name: 'AllowUsers in a drop-in',
    files: {
      [SSHD]: `Include /etc/ssh/sshd_config.d/*.conf\n${PLAIN}`,
      'etc/ssh/sshd_config.d/10-users.conf': 'AllowUsers root\n',
      [DEPLOY]: '{{deploy}}\n',
      [ROOT]: '{{root}}\n',
    },
  },
  {
    name: 'PermitRootLogin no',
    files: { [SSHD]: `${PLAIN}PermitRootLogin no\n`, [DEPLOY]: '{{deploy}}\n', [ROOT]: '{{root}}\n' },
  },
  {
    name: 'PermitRootLogin forced-commands-only',
    files: { [SSHD]: `${PLAIN}PermitRootLogin forced-commands-only\n`, [ROOT]: '{{root}}\ncommand="true" {{admin}}\n' },
  },
  {
    name: 'PubkeyAuthentication no in a Match block for deploy',
    files: { [SSHD]: `${PLAIN}Match User deploy\n  PubkeyAuthentication no\n`, [DEPLOY]: '{{deploy}}\n', [ROOT]: '{{root}}\n' },
  },
  {
    name: 'PubkeyAuthentication no for everyone',
    files: { [SSHD]: `PubkeyAuthentication no\nPasswordAuthentication yes\n`, [DEPLOY]: '{{deploy}}\n' },
  },
  {
    name: 'Match on the client address: no claim',
    files: { [SSHD]: `${PLAIN}Match Address 10.0.0.0/8\n  PubkeyAuthentication no\n`, [DEPLOY]: '{{deploy}}\n' },
  },
  {
    name: 'AuthenticationMethods publickey,password',
    files: { [SSHD]: 'PasswordAuthentication yes\nAuthenticationMethods publickey,password\n', [DEPLOY]: '{{deploy}}\n' },
  },
  {
    name: 'AuthenticationMethods with a key-only list',
    files: { [SSHD]: 'PasswordAuthentication yes\nAuthenticationMethods publickey,password publickey\n', [DEPLOY]: '{{deploy}}\n' },
  },
  {
    name: 'PubkeyAcceptedAlgorithms Ed25519 only',
    files: { [SSHD]: `${PLAIN}PubkeyAcceptedAlgorithms ssh-ed25519\n`, [DEPLOY]: '{{deploy}}\n{{rsa2048}}\n{{ecdsa}}\n' },
  },
  {
    name: 'PubkeyAcceptedAlgorithms -ecdsa*',
    files: { [SSHD]: `${PLAIN}PubkeyAcceptedAlgorithms -ecdsa*\n`, [DEPLOY]: '{{ecdsa}}\n{{rsa2048}}\n' },
  },
  {
    name: 'DSA by default, and re-enabled with +ssh-dss',
    files: {
      [SSHD]: `${PLAIN}Match User admin\n  PubkeyAcceptedAlgorithms +ssh-dss\n`,
      [DEPLOY]: '{{dsa}}\n',
      'home/admin/.ssh/authorized_keys': '{{dsa}}\n',
    },
  },
  {
    name: 'RequiredRSASize 3072',
    files: { [SSHD]: `${PLAIN}RequiredRSASize 3072\n`, [DEPLOY]: '{{rsa2048}}\n', 'home/admin/.ssh/authorized_keys': '{{rsa3072}}\n' },
  },
  {
    name: 'AuthorizedKeysFile with ~ (root\'s home for everyone)',
    files: { [SSHD]: `${PLAIN}AuthorizedKeysFile ~/.ssh/authorized_keys\n`, [DEPLOY]: '{{deploy}}\n', [ROOT]: '{{root}}\n' },
  },
  {
    name: 'AuthorizedKeysFile in /etc/ssh while keys are in the home',
    files: {
      [SSHD]: `${PLAIN}AuthorizedKeysFile /etc/ssh/authorized_keys/%u\n`,
      [DEPLOY]: '{{deploy}}\n',
      'home/admin/.ssh/authorized_keys': '{{admin}}\n',
    },
  },
  {
    name: 'AuthorizedKeysFile without authorized_keys2',
    files: { [SSHD]: `${PLAIN}AuthorizedKeysFile .ssh/authorized_keys\n`, 'home/deploy/.ssh/authorized_keys2': '{{deploy}}\n', 'home/admin/.ssh/authorized_keys': '{{admin}}\n' },
  },
  {
    name: 'AuthorizedKeysFile %h',
    files: { [SSHD]: `${PLAIN}AuthorizedKeysFile %h/.ssh/authorized_keys\n`, [DEPLOY]: '{{deploy}}\n' },
  },
  {
    name: 'StrictModes and a home writable by others',
    files: { [SSHD]: PLAIN, [DEPLOY]: '{{deploy}}\n', 'home/admin/.ssh/authorized_keys': '{{admin}}\n', 'provision.sh': 'chmod 777 /home/deploy\n' },
    setups: [{ file: 'provision.sh', modes: [{ target: '/home/deploy', written: '777', mode: 0o777, line: 1 }] }],
  },
  {
    name: 'StrictModes and authorized_keys made o+w',
    files: { [SSHD]: PLAIN, [DEPLOY]: '{{deploy}}\n', 'provision.sh': 'chmod o+w /home/deploy/.ssh/authorized_keys\n' },
    setups: [{ file: 'provision.sh', modes: [{ target: '/home/deploy/.ssh/authorized_keys', written: 'o+w', line: 1 }] }],
  },
  {
    name: 'StrictModes no tolerates the same modes',
    files: { [SSHD]: `${PLAIN}StrictModes no\n`, [DEPLOY]: '{{deploy}}\n', 'provision.sh': 'chmod -R 777 /home/deploy\n' },
    setups: [{ file: 'provision.sh', modes: [{ target: '/home/deploy', written: '777', mode: 0o777, recursive: true, line: 1 }] }],
  },
  {
    name: 'Modes that StrictModes accepts (644 file, 755 home, 700 .ssh)',
    files: { [SSHD]: PLAIN, [DEPLOY]: '{{deploy}}\n', 'provision.sh': 'chmod 755 /home/deploy\nchmod 700 /home/deploy/.ssh\nchmod 644 /home/deploy/.ssh/authorized_keys\n' },
    setups: [
      {
        file: 'provision.sh',
        modes: [
          { target: '/home/deploy', written: '755', mode: 0o755, line: 1 },
          { target: '/home/deploy/.ssh', written: '700', mode: 0o700, line: 2 },
          { target: '/home/deploy/.ssh/authorized_keys', written: '644', mode: 0o644, line: 3 },
        ],
      },
    ],
  },
  {
    name: 'Group-writable home (Debian accepts a user-private group): no claim',
    files: { [SSHD]: PLAIN, [DEPLOY]: '{{deploy}}\n', 'provision.sh': 'chmod 775 /home/deploy\n' },
    setups: [{ file: 'provision.sh', modes: [{ target: '/home/deploy', written: '775', mode: 0o775, line: 1 }] }],
  },
  {
    name: 'Keys installed by setup code from a role file',
    files: {
      [SSHD]: `${PLAIN}PubkeyAcceptedAlgorithms ssh-ed25519\n`,
      'roles/users/files/deploy.pub': '{{deploy}}\n',
      'roles/users/files/ci.pub': '{{ecdsa}}\n',
      'roles/users/tasks/main.yml': '- authorized_key: {user: deploy, key: deploy.pub}\n- authorized_key: {user: ci, key: ci.pub}\n',
    },
    setups: [
      {
        file: 'roles/users/tasks/main.yml',
        installations: [
          { user: 'deploy', keysFile: 'roles/users/files/deploy.pub', line: 1 },
          { user: 'ci', keysFile: 'roles/users/files/ci.pub', line: 2 },
        ],
      },
    ],
  },
  {
    name: 'ForceCommand does not stop the login',
    files: { [SSHD]: `${PLAIN}Match User deploy\n  ForceCommand /bin/true\n`, [DEPLOY]: '{{deploy}}\n' },
  },
  {
    name: 'A line sshd refuses: nobody gets in',
    files: { [SSHD]: `${PLAIN}PubkeyAuthentication yse\n`, [DEPLOY]: '{{deploy}}\n', [ROOT]: '{{root}}\n' },
  },
  {
    name: 'A keyword not allowed in Match: nobody gets in',
    files: { [SSHD]: `${PLAIN}Match User admin\n  StrictModes no\n`, [DEPLOY]: '{{deploy}}\n' },
  },
  // ---------------------------------------------------------------- certificates
  {
    name: 'certificate: TrustedUserCAKeys lists its CA, principal deploy',
    files: { [SSHD]: `${PLAIN}TrustedUserCAKeys /etc/ssh/user_ca.pub\n`, 'etc/ssh/user_ca.pub': '{{ca}}\n', 'certs/deploy-cert.pub': '{{cert:deploy}}\n' },
    users: ['deploy'],
  },
  {
    name: 'certificate: TrustedUserCAKeys lists another CA',
    files: { [SSHD]: `${PLAIN}TrustedUserCAKeys /etc/ssh/user_ca.pub\n`, 'etc/ssh/user_ca.pub': '{{ca2}}\n', 'certs/deploy-cert.pub': '{{cert:deploy}}\n' },
    users: ['deploy'],
  },
  {
    name: "certificate: principal alice in deploy's home (alice logs in, deploy does not)",
    files: { [SSHD]: `${PLAIN}TrustedUserCAKeys /etc/ssh/user_ca.pub\n`, 'etc/ssh/user_ca.pub': '{{ca2}}\n{{ca}}\n', 'home/deploy/.ssh/id_ed25519-cert.pub': '{{cert:alice}}\n' },
    users: ['alice'],
  },
  {
    name: 'certificate: expired, and not yet valid',
    files: { [SSHD]: `${PLAIN}TrustedUserCAKeys /etc/ssh/user_ca.pub\n`, 'etc/ssh/user_ca.pub': '{{ca}}\n', 'certs/old-cert.pub': '{{cert:expired}}\n', 'certs/future-cert.pub': '{{cert:notYetValid}}\n' },
    users: ['deploy'],
  },
  {
    name: 'certificate: ssh-rsa CA signature under the default CASignatureAlgorithms, rsa-sha2-512 accepted',
    files: { [SSHD]: `${PLAIN}TrustedUserCAKeys /etc/ssh/user_ca.pub\n`, 'etc/ssh/user_ca.pub': '{{caRsa}}\n', 'certs/sha1-cert.pub': '{{cert:sshRsa}}\n', 'certs/sha512-cert.pub': '{{cert:rsaSha512}}\n' },
    users: ['deploy'],
  },
  {
    name: 'certificate: CASignatureAlgorithms ssh-ed25519 refuses an RSA CA',
    files: { [SSHD]: `${PLAIN}TrustedUserCAKeys /etc/ssh/user_ca.pub\nCASignatureAlgorithms ssh-ed25519\n`, 'etc/ssh/user_ca.pub': '{{caRsa}}\n{{ca}}\n', 'certs/sha512-cert.pub': '{{cert:rsaSha512}}\n', 'certs/deploy-cert.pub': '{{cert:deploy}}\n' },
    users: ['deploy'],
  },
  {
    name: 'certificate: PubkeyAcceptedAlgorithms without certificate types',
    files: { [SSHD]: `${PLAIN}TrustedUserCAKeys /etc/ssh/user_ca.pub\nPubkeyAcceptedAlgorithms ssh-ed25519,rsa-sha2-512\n`, 'etc/ssh/user_ca.pub': '{{ca}}\n', 'certs/deploy-cert.pub': '{{cert:deploy}}\n' },
    users: ['deploy'],
  },
  {
    name: 'certificate: nothing trusts the CA',
    files: { [SSHD]: PLAIN, 'certs/deploy-cert.pub': '{{cert:deploy}}\n' },
    users: ['deploy'],
  },
  {
    name: 'certificate: cert-authority in authorized_keys, with and without principals=',
    files: {
      [SSHD]: PLAIN,
      [DEPLOY]: 'cert-authority {{ca}}\n',
      'home/admin/.ssh/authorized_keys': 'cert-authority,principals="ops" {{ca}}\n',
      'certs/deploy-cert.pub': '{{cert:deploy}}\n',
      'certs/ops-cert.pub': '{{cert:ops}}\n',
    },
  },
  {
    name: 'certificate: AuthorizedPrincipalsFile maps the principals (undecided)',
    files: { [SSHD]: `${PLAIN}TrustedUserCAKeys /etc/ssh/user_ca.pub\nAuthorizedPrincipalsFile /etc/ssh/principals/%u\n`, 'etc/ssh/user_ca.pub': '{{ca}}\n', 'etc/ssh/principals/deploy': 'ops\n', 'certs/ops-cert.pub': '{{cert:ops}}\n' },
    users: ['deploy'],
  },
  // ---------------------------------------------------------------- groups
  {
    name: 'AllowGroups with etc/group and etc/passwd',
    files: {
      [SSHD]: `${PLAIN}AllowGroups sshusers\n`,
      'etc/passwd': 'deploy:x:20000:20000::/home/deploy:/bin/sh\nadmin:x:20001:20001::/home/admin:/bin/sh\n',
      'etc/group': 'deploy:x:20000:\nadmin:x:20001:\nsshusers:x:20010:admin\n',
      [DEPLOY]: '{{deploy}}\n',
      'home/admin/.ssh/authorized_keys': '{{admin}}\n',
    },
  },
  {
    name: 'AllowGroups by the primary group',
    files: {
      [SSHD]: `${PLAIN}AllowGroups staff*\n`,
      'etc/passwd': 'deploy:x:20000:20010::/home/deploy:/bin/sh\n',
      'etc/group': 'staff-ssh:x:20010:\n',
      [DEPLOY]: '{{deploy}}\n',
    },
  },
  {
    name: 'DenyGroups with etc/group only',
    files: {
      [SSHD]: `${PLAIN}DenyGroups contractors\n`,
      'etc/group': 'contractors:x:20010:deploy\n',
      [DEPLOY]: '{{deploy}}\n',
      'home/admin/.ssh/authorized_keys': '{{admin}}\n',
    },
  },
  {
    name: 'AllowGroups with etc/group only: the primary group is unknown (undecided)',
    files: { [SSHD]: `${PLAIN}AllowGroups sshusers\n`, 'etc/group': 'sshusers:x:20010:admin\n', [DEPLOY]: '{{deploy}}\n', 'home/admin/.ssh/authorized_keys': '{{admin}}\n' },
  },
  // ---------------------------------------------------------------- chroot
  {
    name: 'sftp-only chroot, root-owned 755: the login works',
    files: { [SSHD]: `${PLAIN}Match User deploy\n  ChrootDirectory /srv/sftp/%u\n  ForceCommand internal-sftp\n`, [DEPLOY]: '{{deploy}}\n', 'provision.sh': 'mkdir -p /srv/sftp/deploy\nchmod 755 /srv/sftp/deploy\n' },
    directories: ['/srv/sftp/deploy'],
    setups: [{ file: 'provision.sh', modes: [{ target: '/srv/sftp/deploy', written: '755', mode: 0o755, line: 2 }] }],
  },
  {
    name: 'sftp-only chroot made group-writable',
    files: { [SSHD]: `${PLAIN}Match User deploy\n  ChrootDirectory /srv/sftp/%u\n  ForceCommand internal-sftp\n`, [DEPLOY]: '{{deploy}}\n', 'home/admin/.ssh/authorized_keys': '{{admin}}\n', 'provision.sh': 'mkdir -p /srv/sftp/deploy\nchmod 775 /srv/sftp/deploy\n' },
    directories: ['/srv/sftp/deploy'],
    setups: [{ file: 'provision.sh', modes: [{ target: '/srv/sftp/deploy', written: '775', mode: 0o775, line: 2 }] }],
  },
  {
    name: 'chroot under a directory made o+w',
    files: { [SSHD]: `${PLAIN}ChrootDirectory /srv/jail\nForceCommand internal-sftp\n`, [DEPLOY]: '{{deploy}}\n', 'provision.sh': 'chmod o+w /srv\n' },
    directories: ['/srv/jail'],
    setups: [{ file: 'provision.sh', modes: [{ target: '/srv', written: 'o+w', line: 1 }] }],
  },
  ...identityFixtures(),
];

/**
 * deploy's own ~/.ssh/config offers the machine's sshd (Host self, 127.0.0.1) the keys `offered`
 * in order, only those (IdentitiesOnly yes, IdentityAgent none); deploy's authorized_keys holds `deploy`.
 * `file=key` puts a key in a file of another name.
 */
function identityFixture(name: string, offered: string[], sshd = PLAIN): LockoutFixture {
  const config = 'home/deploy/.ssh/config';
  const files: Record<string, string> = {
    [SSHD]: sshd,
    [DEPLOY]: '{{deploy}}\n',
    [config]: `Host self\n    HostName 127.0.0.1\n    IdentitiesOnly yes\n    IdentityAgent none\n${offered.map((entry) => `    IdentityFile ~/.ssh/id_${entry.split('=')[0]}\n`).join('')}`,
  };
  for (const entry of offered) {
    const [file, key = file] = entry.split('=');
    files[`home/deploy/.ssh/id_${file}`] = `{{private:${key}}}`;
  }
  return { name, files, client: { user: 'deploy', config, host: 'self' } };
}

function identityFixtures(): LockoutFixture[] {
  const six = ['admin', 'root', 'rsa2048', 'rsa3072', 'ecdsa', 'deploy2'];
  return [
    identityFixture('seven identities, the accepted one last: Too many authentication failures', [...six, 'deploy']),
    identityFixture('six identities, the accepted one sixth: logs in', [...six.slice(0, 5), 'deploy']),
    identityFixture('MaxAuthTries 3, the accepted identity fourth: Too many authentication failures', ['admin', 'root', 'ecdsa', 'deploy'], `${PLAIN}MaxAuthTries 3\n`),
    identityFixture('MaxAuthTries 3 for deploy only, the accepted identity third: logs in', ['admin', 'root', 'deploy'], `${PLAIN}Match User deploy\n    MaxAuthTries 3\n`),
    identityFixture('the same key in two files counts twice', ['admin', 'root', 'ecdsa', 'copy=admin', 'deploy'], `${PLAIN}MaxAuthTries 4\n`),
  ];
}

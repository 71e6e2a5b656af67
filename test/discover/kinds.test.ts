import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FileKind } from '../../src/core/file-kind.js';
import { FILE_NAME_KINDS, kindFromContent, kindFromLastSegments, kindFromPath } from '../../src/discover/kinds.js';

const byPath: [string, FileKind | undefined][] = [
  ['authorized_keys', 'authorized_keys'],
  ['home/deploy/.ssh/authorized_keys2', 'authorized_keys'],
  ['alice.authorized_keys', undefined],
  ['authorized_keys.j2', undefined],
  ['known_hosts', 'known_hosts'],
  ['known_hosts2', 'known_hosts'],
  ['etc/ssh/ssh_known_hosts', 'known_hosts'],
  ['etc/ssh/ssh_known_hosts2', 'known_hosts'],
  ['id_ed25519.pub', 'public_key'],
  ['keys/ci-cert.PUB', 'public_key'],
  ['ssh_host_rsa_key.pub', 'public_key'],
  ['etc/ssh/sshd_config', 'sshd_config'],
  ['etc/ssh/sshd_config.d/50-cloud-init.conf', 'sshd_config'],
  ['etc/ssh/sshd_config.d/99-off.conf.disabled', 'sshd_config'],
  ['etc/ssh/sshd_config.d/README.md', undefined],
  ['etc/ssh/sshd_config.d/README', undefined],
  ['etc/ssh/sshd_config.d/keys/authorized_keys', 'authorized_keys'],
  ['etc/ssh/ssh_config', 'ssh_config'],
  ['etc/ssh/ssh_config.d/20-proxy.conf', 'ssh_config'],
  ['dotfiles/.ssh/config', 'ssh_config'],
  ['C:\\Users\\me\\.ssh\\config', 'ssh_config'],
  ['.ssh/config.d/work', 'ssh_config'],
  ['config.d/work', undefined],
  ['.git/config', undefined],
  ['config', undefined],
  ['id_rsa', 'private_key'],
  ['id_dsa', 'private_key'],
  ['id_ecdsa', 'private_key'],
  ['id_ed25519', 'private_key'],
  ['id_ecdsa_sk', 'private_key'],
  ['id_ed25519_sk', 'private_key'],
  ['id_work_sk', 'private_key'],
  ['etc/ssh/ssh_host_ed25519_key', 'private_key'],
  ['putty/server.ppk', 'private_key'],
  ['deploy.pem', undefined],
  ['id_rsa_github', undefined],
  ['id_token.py', undefined],
  ['', undefined],
  ['.github/workflows/deploy.yml', 'workflow'],
  ['repo/.github/workflows/ci.yaml', 'workflow'],
  ['.github/workflows/README.md', undefined],
  ['.github/dependabot.yml', undefined],
  ['workflows/deploy.yml', undefined],
  ['scripts/setup.sh', 'shell_script'],
  ['provision.bash', 'shell_script'],
  ['setup', undefined],
  ['Dockerfile', 'dockerfile'],
  ['docker/Dockerfile.alpine', 'dockerfile'],
  ['Containerfile', 'dockerfile'],
  ['ssh.dockerfile', 'dockerfile'],
  ['Dockerfile.md', undefined],
  ['Makefile', 'makefile'],
  ['makefile', 'makefile'],
  ['GNUmakefile', 'makefile'],
  ['build/rules.mk', 'makefile'],
  ['Makefile.am', undefined],
];

describe('kindFromPath', () => {
  it.each(byPath)('%j → %s', (path, kind) => {
    expect(kindFromPath(path)).toBe(kind);
  });
});

const OPENSSH = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n';

const byContent: [string, string, FileKind | undefined][] = [
  ['OpenSSH key', OPENSSH, 'private_key'],
  ['with BOM, CRLF and leading blank lines', `\uFEFF\r\n\r\n${OPENSSH.replace(/\n/g, '\r\n')}`, 'private_key'],
  ['PEM RSA', '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n', 'private_key'],
  ['PEM DSA', '-----BEGIN DSA PRIVATE KEY-----\n', 'private_key'],
  ['PEM EC', '-----BEGIN EC PRIVATE KEY-----\n', 'private_key'],
  ['PKCS#8', '-----BEGIN PRIVATE KEY-----\n', 'private_key'],
  ['PKCS#8 encrypted', '-----BEGIN ENCRYPTED PRIVATE KEY-----\n', 'private_key'],
  ['ssh.com', '---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nSubject: me\n', 'private_key'],
  ['PuTTY v2', 'PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\n', 'private_key'],
  ['PuTTY v3', 'PuTTY-User-Key-File-3: ssh-ed25519\r\n', 'private_key'],
  ['certificate then key (PEM bundle)', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\n', 'private_key'],
  ['certificate only', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', undefined],
  ['PEM public key', '-----BEGIN PUBLIC KEY-----\nMIIB\n', undefined],
  ['RFC 4716 public key', '---- BEGIN SSH2 PUBLIC KEY ----\nComment: x\n', undefined],
  ['key pasted into a script', `#!/bin/sh\ncat > id <<EOF\n${OPENSSH}EOF\n`, undefined],
  ['key indented in YAML', `key: |\n  ${OPENSSH}`, undefined],
  ['a public key line', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice\n', undefined],
  ['an sshd_config', 'PermitRootLogin no\n', undefined],
  ['empty', '', undefined],
  ['blank', ' \n\t\n', undefined],
];

describe('kindFromPath turns paths away by one test first', () => {
  // Names and name parts the classification looks at, cased both ways, joined into segments.
  const parts = [
    ...FILE_NAME_KINDS.keys(), 'config', '.ssh', 'sshd_config.d', 'ssh_config.d', 'config.d', '.github', 'workflows', 'tasks', 'handlers', 'playbooks',
    'Dockerfile', 'Containerfile', 'Makefile', 'GNUmakefile', 'user-data', 'user_data', 'userdata', 'cloud-init', 'cloud_config', 'id_work_sk', 'ssh_host_rsa_key',
    'README', 'x', '.', '-', '_', 'pub', 'ppk', 'sh', 'bash', 'mk', 'tf', 'yml', 'yaml', 'md', 'ansible', 'cloud-config', 'dockerfile', 'tpl', 'j2',
  ];
  const segment = fc.array(fc.constantFrom(...parts, ...parts.map((part) => part.toUpperCase())), { minLength: 1, maxLength: 3 }).map((pieces) => pieces.join(''));
  const filePath = fc.tuple(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.constantFrom('/', '\\')).map(([segments, separator]) => segments.join(separator));

  it('never turns away a path the full classification gives a kind', () => {
    fc.assert(
      fc.property(filePath, (path) => {
        const segments = path.split(/[\\/]/);
        expect(kindFromPath(path)).toBe(kindFromLastSegments(segments.at(-3), segments.at(-2), segments.at(-1) ?? ''));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('kindFromContent', () => {
  it.each(byContent)('%s', (_name, head, kind) => {
    expect(kindFromContent(head)).toBe(kind);
  });
});

import { defineEngineRule } from '../rule.js';

export default defineEngineRule({
  id: 'SSH001',
  alias: 'unreadable-file',
  kinds: ['authorized_keys', 'known_hosts', 'public_key', 'sshd_config', 'ssh_config', 'private_key'],
  category: 'hygiene',
  severity: 'note',
  docs: {
    summary: 'An SSH file could not be analysed: binary, too large, unreadable, or a link leaving the repository.',
    what: 'A file whose name says it is an SSH file (or that was named on the command line) was skipped: it holds NUL bytes, is larger than the size limit, cannot be read, is not a regular file, or is a symbolic link that points outside the scanned root (sshlint never reads outside it).',
    why: 'What sshlint cannot read it cannot check. A binary `authorized_keys` or one that is a directory is also what sshd refuses: it reads nothing from it, and nobody can log in with a key.',
    bad: '$ file home/deploy/.ssh/authorized_keys\nhome/deploy/.ssh/authorized_keys: data',
    good: '$ file home/deploy/.ssh/authorized_keys\nhome/deploy/.ssh/authorized_keys: OpenSSH ED25519 public key',
    references: ['sshd(8) AUTHORIZED_KEYS FILE FORMAT'],
  },
});

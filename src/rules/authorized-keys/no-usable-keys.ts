import { ED25519_EXAMPLE } from '../examples.js';
import { defineKeyFileRule, hitAt, parsedEntries } from '../rule.js';

export default defineKeyFileRule({
  id: 'SSH116',
  alias: 'no-usable-keys',
  kinds: ['authorized_keys'],
  category: 'lockout',
  severity: 'warning',
  wholeFile: true,
  docs: {
    summary: 'The authorized_keys file contains no key that OpenSSH can read.',
    what: 'The file is empty, holds only comments and blank lines, or every key line in it is one sshd skips (each of those is reported by its own rule). Reported once, on line 1.',
    why: 'sshd finds no key in the file, so nobody can log in with a key through it. When this file is what provisioning deploys for an account, that account is locked out of public-key login.',
    bad: '# deploy keys go here',
    good: `# deploy keys\n${ED25519_EXAMPLE} deploy@ci`,
    references: ['OpenSSH auth2-pubkeyfile.c auth_check_authkeys_file()', 'sshd(8) AUTHORIZED_KEYS FILE FORMAT'],
  },
  check(model) {
    if (parsedEntries(model).length > 0) return [];
    const keyLines = model.lines.filter((l) => l.status === 'rejected').length;
    const message =
      keyLines > 0
        ? `sshd skips ${keyLines === 1 ? 'the only non-comment line' : `all ${keyLines} non-comment lines`} of this file, so no key in it authorizes a login.`
        : 'This file contains no key at all (only blank lines or comments), so no key in it authorizes a login.';
    const help = keyLines > 0 ? 'Fix the lines reported in this file, or add a valid public key line (`ssh-keygen -y -f KEY` prints it).' : 'Add the public key of each person or system that should log in (the one-line contents of their `.pub` file).';
    const first = model.source.lines[0];
    if (!first) return [{ line: 1, column: 1, endColumn: 1, message, help }];
    return [hitAt(first, { start: 0, end: first.text.length }, message, help)];
  },
});

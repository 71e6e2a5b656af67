import { ED25519_EXAMPLE, KEY_FILE_KINDS } from '../examples.js';
import { defineKeyFileRule, hitAt, rejectedLines } from '../rule.js';

export default defineKeyFileRule({
  id: 'SSH104',
  alias: 'key-split-across-lines',
  kinds: KEY_FILE_KINDS,
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'A key wrapped onto several lines (every piece is reported).',
    what: 'A key whose base64 data continues on the following lines, as a terminal, an editor or an email client wraps long lines. Joined back, the pieces make a valid key, which is how sshlint tells this from other damage.',
    why: 'OpenSSH reads these files one line at a time, so no piece is a key: sshd skips every one of them silently and the owner gets "Permission denied (publickey)". This is the most common authorized_keys mistake.',
    bad: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0Sd\nG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@laptop',
    good: `${ED25519_EXAMPLE} alice@laptop`,
    references: ['sshd(8): "Each line of the file contains one key"', 'OpenSSH sshkey.c sshkey_read()'],
  },
  check(model) {
    return rejectedLines(model, 'split-key').map(({ line, rejection }) => {
      const piece = line.number - rejection.firstLine + 1;
      const pieces = rejection.lastLine - rejection.firstLine + 1;
      return hitAt(
        line,
        { start: 0, end: line.text.length },
        `This ${rejection.typeName} key is split across lines ${rejection.firstLine}–${rejection.lastLine} (this is piece ${piece} of ${pieces}); OpenSSH reads one key per line and skips every piece.`,
        `Join lines ${rejection.firstLine}–${rejection.lastLine} into one line with no breaks inside the base64 data.`,
      );
    });
  },
});

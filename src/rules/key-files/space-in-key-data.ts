import { ED25519_EXAMPLE, KEY_FILE_KINDS } from '../examples.js';
import { defineKeyFileRule, hitAt, rejectedLines } from '../rule.js';

export default defineKeyFileRule({
  id: 'SSH105',
  alias: 'space-in-key-data',
  kinds: KEY_FILE_KINDS,
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'Spaces or tabs inside the base64 key data.',
    what: 'The base64 data is interrupted by blanks, usually where a wrapped key was joined back with spaces. Without the blanks the data is a valid key.',
    why: 'The key data ends at the first blank, so OpenSSH decodes only the first part, fails, and skips the line silently.',
    bad: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0Sd G6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@laptop',
    good: `${ED25519_EXAMPLE} alice@laptop`,
    references: ['OpenSSH sshkey.c sshkey_read() ("find end of keyblob")'],
  },
  check(model) {
    return rejectedLines(model, 'space-in-key-data').map(({ line, rejection }) =>
      hitAt(
        line,
        rejection.spaces[0]!,
        `The key data contains ${rejection.spaces.length === 1 ? 'a blank' : `${rejection.spaces.length} blanks`}; OpenSSH stops reading it there and skips this line.`,
        'Remove the blanks inside the base64 data.',
      ),
    );
  },
});

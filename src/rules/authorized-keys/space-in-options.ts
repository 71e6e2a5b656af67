import { ED25519_EXAMPLE } from '../examples.js';
import { defineKeyFileRule, hitAt, rejectedLines } from '../rule.js';

export default defineKeyFileRule({
  id: 'SSH131',
  alias: 'space-in-options',
  kinds: ['authorized_keys', 'public_key'],
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'A space after a comma between authorized_keys options.',
    what: 'Options are separated by commas with no blanks: `no-pty,no-agent-forwarding`. A space after a comma (outside double quotes) ends the options field there.',
    why: 'sshd then reads the next option name as the key type, fails, and skips the line silently. The key owner is locked out by a single space.',
    bad: `no-pty, no-agent-forwarding ${ED25519_EXAMPLE} deploy@ci`,
    good: `no-pty,no-agent-forwarding ${ED25519_EXAMPLE} deploy@ci`,
    references: ['sshd(8): "The options (if present) consist of comma-separated option specifications. No spaces are permitted, except within double quotes."', 'OpenSSH authfile.c sshkey_advance_past_options()'],
  },
  check(model) {
    return rejectedLines(model, 'space-in-options').map(({ line, rejection }) =>
      hitAt(line, rejection.spaces[0]!, 'A blank after a comma ends the options field: sshd reads the next option as the key type and skips this line.', 'Remove the blanks after the commas between options.'),
    );
  },
});

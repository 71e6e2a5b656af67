import { ED25519_EXAMPLE } from '../examples.js';
import { defineKeyFileRule, hitAt, rejectedLines } from '../rule.js';
import { optionErrorHits } from './option-errors.js';

export default defineKeyFileRule({
  id: 'SSH132',
  alias: 'key-option-quoting',
  kinds: ['authorized_keys', 'public_key'],
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'A valued option without double quotes, or with an unterminated quote.',
    what: 'Valued options (`command`, `from`, `environment`, `expiry-time`, `principals`, `permitopen`, `permitlisten`, `tunnel`) must be written `name="value"`. Single quotes, no quotes, or a missing closing quote do not work; inside the quotes only `\\"` is an escape.',
    why: 'sshd fails with "missing start quote", "missing end quote" or "invalid key option string" and skips the key silently.',
    bad: `command=/usr/local/bin/backup ${ED25519_EXAMPLE} backup@ci`,
    good: `command="/usr/local/bin/backup" ${ED25519_EXAMPLE} backup@ci`,
    references: ['sshd(8) AUTHORIZED_KEYS FILE FORMAT', 'OpenSSH misc.c opt_dequote()', 'OpenSSH authfile.c sshkey_advance_past_options()'],
  },
  check(model) {
    const unterminated = rejectedLines(model, 'unterminated-quote').map(({ line, rejection }) =>
      hitAt(line, rejection.range, 'A double quote in the options is never closed; sshd rejects the line ("invalid key option string").', 'Close the quote, and write a literal double quote inside a value as \\".'),
    );
    const dequote = optionErrorHits(model, ['missing-start-quote', 'missing-end-quote'], (_code, option) => `Write the value in double quotes: ${option ?? 'name'}="…".`);
    return [...unterminated, ...dequote].sort((a, b) => a.line - b.line);
  },
});

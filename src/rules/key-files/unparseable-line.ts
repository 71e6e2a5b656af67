import { ED25519_EXAMPLE, KEY_FILE_KINDS } from '../examples.js';
import { defineKeyFileRule, hitAt, quote, rejectedLines } from '../rule.js';

const BASE64_ONLY = /^\s*[A-Za-z0-9+/]{16,}={0,2}\s*$/;

export default defineKeyFileRule({
  id: 'SSH100',
  alias: 'unparseable-line',
  kinds: KEY_FILE_KINDS,
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'A line that is neither a comment nor a key OpenSSH can read.',
    what: 'A non-blank line that does not start with `#` and does not parse as `keytype base64 [comment]` (or, in authorized_keys, `options keytype base64 [comment]`), and that no more specific rule explains: options with no key after them, free text, a stray fragment.',
    why: 'sshd and ssh skip such a line without a word at their default log level (debug2 only). If the line was meant to be a key, its owner is locked out and nothing says why.',
    bad: `no-pty,no-port-forwarding\nalice's laptop key`,
    good: `no-pty,no-port-forwarding ${ED25519_EXAMPLE} alice@laptop\n# alice's laptop key`,
    references: ['sshd(8) AUTHORIZED_KEYS FILE FORMAT', 'OpenSSH auth2-pubkeyfile.c auth_check_authkey_line()', 'OpenSSH sshkey.c sshkey_read()'],
  },
  check(model) {
    const what = model.kind === 'known_hosts' ? 'Host names' : 'Options';
    const missing = rejectedLines(model, 'missing-key').map(({ line, rejection }) =>
      hitAt(line, rejection.range, `${what} ${quote(line.text.slice(rejection.range.start, rejection.range.end))} are not followed by a key; OpenSSH skips this line.`, `Put the key type and the base64 key after the ${what.toLowerCase()}, on the same line, separated by a space.`),
    );
    const other = rejectedLines(model, 'unparseable').map(({ line, rejection }) =>
      BASE64_ONLY.test(line.text)
        ? hitAt(line, rejection.range, 'This line holds only base64 with no key type: it looks like part of a key wrapped across lines. OpenSSH skips it.', 'Join the key back into one line: `keytype base64 comment`.')
        : hitAt(line, rejection.range, `OpenSSH cannot read a key from ${quote(line.text.trim())} and skips this line.`, 'Write keys as `keytype base64 [comment]` on one line, and start comments with `#`.'),
    );
    return [...missing, ...other].sort((a, b) => a.line - b.line);
  },
});

import { ED25519_EXAMPLE } from '../examples.js';
import { defineKeyFileRule, hitAt, quote, rejectedLines } from '../rule.js';

export default defineKeyFileRule({
  id: 'SSH200',
  alias: 'known-hosts-invalid-marker',
  kinds: ['known_hosts'],
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'A known_hosts marker other than `@cert-authority` or `@revoked`, or more than one.',
    what: 'A line starting with `@` must carry exactly one of the two case-sensitive markers, followed by a space. `@CA`, `@cert-authority,@revoked`, two markers, or a marker followed only by a tab (when the line has a space later) are invalid.',
    why: 'ssh treats the whole line as invalid and skips it: a CA it was meant to trust is not trusted (host key verification fails), a key it was meant to revoke is not revoked.',
    bad: `@certificate-authority *.example.com ${ED25519_EXAMPLE}`,
    good: `@cert-authority *.example.com ${ED25519_EXAMPLE}`,
    references: ['sshd(8) SSH_KNOWN_HOSTS FILE FORMAT', 'OpenSSH hostfile.c check_markers()'],
  },
  check(model) {
    return rejectedLines(model, 'invalid-marker').map(({ line, rejection }) =>
      hitAt(line, rejection.range, `${quote(line.text.slice(rejection.range.start, rejection.range.end))} is not a valid marker; ssh skips this line.`, 'Use exactly one of @cert-authority or @revoked, followed by a space.'),
    );
  },
});

import { atLeast } from '../../core/version.js';
import { ED25519_EXAMPLE } from '../examples.js';
import { defineKeyFileRule, hitAt, entriesWithOption } from '../rule.js';
import { CA_EXAMPLE } from '../key-files/example-keys.js';

export default defineKeyFileRule({
  id: 'SSH140',
  alias: 'principals-without-cert-authority',
  kinds: ['authorized_keys'],
  category: 'lockout',
  severity: 'error',
  docs: {
    summary: '`principals=` on a key line without `cert-authority`: sshd refuses the key.',
    what: 'A `principals="…"` option on a line that is not marked `cert-authority`. The option only means something for a CA key: it lists the certificate principals accepted from that CA.',
    why: 'sshd.8 says the option "is ignored for keys that are not marked as trusted certificate signers", but since OpenSSH 7.7 the code does the opposite: `auth_authorise_keyopts()` (auth.c in 7.7–9.0, auth2-pubkeyfile.c since 9.1) logs "principals on non-CA key" at debug level and denies access. At the default log level sshd only logs "Refused by key options", without the reason (tested with OpenSSH 9.2p1).',
    bad: `principals="alice" ${ED25519_EXAMPLE} alice@laptop`,
    good: `${ED25519_EXAMPLE} alice@laptop\ncert-authority,principals="alice" ${CA_EXAMPLE} users-ca`,
    references: ['OpenSSH auth2-pubkeyfile.c auth_authorise_keyopts() ("principals on non-CA key", deny access)', 'sshd(8) AUTHORIZED_KEYS FILE FORMAT, principals', 'tested with OpenSSH 9.2p1'],
  },
  check(model, context) {
    // OpenSSH 7.4–7.6 did ignore it; the deny check came with the options rewrite in 7.7.
    if (!atLeast(context.version, '7.7')) return [];
    return entriesWithOption(model, 'principals').flatMap(({ line, entry }) => {
      if (entry.options.some((option) => option.name === 'cert-authority')) return [];
      const principals = entry.options.find((option) => option.name === 'principals');
      if (!principals) return [];
      return [
        hitAt(
          line,
          principals.range,
          'principals= is only valid with cert-authority: on a plain key sshd denies the login ("principals on non-CA key"), although sshd(8) says the option is ignored.',
          'Remove principals= to allow this key, or add cert-authority if the line holds a CA key.',
        ),
      ];
    });
  },
});

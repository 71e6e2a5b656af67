import { atLeast } from '../../core/version.js';
import { defineKeyFileRule, hitAt, entriesWithOption } from '../rule.js';
import { CA_EXAMPLE } from '../key-files/example-keys.js';

export default defineKeyFileRule({
  id: 'SSH146',
  alias: 'cert-authority-without-principals',
  kinds: ['authorized_keys'],
  category: 'unsafe-setting',
  severity: 'note',
  enabledByDefault: false,
  docs: {
    summary: 'A `cert-authority` line without `principals=`: any certificate from that CA naming the account is accepted.',
    what: 'A `cert-authority` key line with no `principals="…"` option.',
    why: 'Without `principals=`, sshd accepts any user certificate signed by this CA whose principal list contains the login name (`sshkey_cert_check_authority()` against the user name). Up to OpenSSH 10.2 it also accepts a certificate with an empty principal list, for every account: a CA that signs one by mistake (CVE-2024-7594 was such a CA product) opens all accounts that trust it this way (tested with OpenSSH 9.2p1; 10.3 refuses such certificates). Whoever controls the CA, or can get it to sign a certificate with the right name, can log in. That is often intended (it is how user CAs work), so the rule is off by default; `principals=` narrows the trust to named identities.',
    bad: `cert-authority ${CA_EXAMPLE} users-ca`,
    good: `cert-authority,principals="alice,deploy" ${CA_EXAMPLE} users-ca`,
    references: ['sshd(8) AUTHORIZED_KEYS FILE FORMAT, cert-authority and principals', 'OpenSSH auth2-pubkeyfile.c auth_check_authkey_line(), sshkey.c sshkey_cert_check_authority()', 'openssh-portable commit 5166b6cbf (10.3: certificates must list principals)', 'OpenSSH PROTOCOL.certkeys', 'tested with OpenSSH 9.2p1'],
  },
  check(model, context) {
    const emptyListAccepted = !atLeast(context.version, '10.3');
    return entriesWithOption(model, 'cert-authority').flatMap(({ line, entry }) => {
      const ca = entry.options.find((option) => option.name === 'cert-authority');
      if (!ca || entry.key.key.certificate) return [];
      if (entry.options.some((option) => option.name === 'principals')) return [];
      return [
        hitAt(
          line,
          ca.range,
          emptyListAccepted
            ? 'This CA is trusted without principals=: sshd accepts any certificate it signed whose principals include the login name, and (before OpenSSH 10.3) any it signed with no principals at all.'
            : 'This CA is trusted without principals=: sshd accepts any certificate it signed whose principals include the login name.',
          'Add principals="…" listing the certificate principals allowed to log in to this account.',
        ),
      ];
    });
  },
});

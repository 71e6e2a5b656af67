import { defineKeyFileRule, hitAt, certificateEntries } from '../rule.js';
import { CA_EXAMPLE, CERT_EXAMPLE } from '../key-files/example-keys.js';

export default defineKeyFileRule({
  id: 'SSH114',
  alias: 'certificate-as-key',
  kinds: ['authorized_keys'],
  category: 'lockout',
  severity: 'warning',
  docs: {
    summary: 'A certificate (`*-cert-v01@openssh.com`) listed in authorized_keys, where it never matches.',
    what: 'An authorized_keys line whose key is an OpenSSH certificate, typically the contents of an `id_ed25519-cert.pub` pasted in place of the `.pub` key, with or without `cert-authority`.',
    why: 'sshd compares a presented plain key with the plain keys of the file, and a presented certificate\'s CA key with the keys of `cert-authority` lines (`sshkey_equal()`, which also requires identical types). A certificate on a line matches neither, so the line is dead: whoever expected it to grant access is locked out. sshd gives no message (tested with OpenSSH 9.2p1, with and without `cert-authority`).',
    bad: `${CERT_EXAMPLE} alice@laptop`,
    good: `cert-authority,principals="alice" ${CA_EXAMPLE} users-ca`,
    references: ['OpenSSH auth2-pubkeyfile.c auth_check_authkey_line()', 'OpenSSH sshkey.c sshkey_equal()', 'sshd(8) AUTHORIZED_KEYS FILE FORMAT, cert-authority', 'tested with OpenSSH 9.2p1'],
  },
  check(model) {
    return certificateEntries(model).flatMap(({ line, entry }) => {
      if (!entry.key.key.certificate) return [];
      const withCa = entry.options.some((option) => option.name === 'cert-authority');
      const message = withCa
        ? 'This line trusts a certificate as a CA, but cert-authority needs the CA\'s own public key: sshd never matches a certificate here, so this line grants no access.'
        : 'This line holds a certificate, not a public key: sshd never matches a certificate listed as a key, so this line grants no access.';
      return [
        hitAt(
          line,
          entry.key.typeRange,
          message,
          'To trust certificates, add the CA\'s public key with `cert-authority` (and `principals=`); to allow this one key, list its plain public key (the `.pub` without `-cert`).',
        ),
      ];
    });
  },
});

import { defineRepositoryRule } from '../rule.js';
import { LOCKOUT_KINDS } from './kinds.js';
import { lockoutHits } from './lockout-hits.js';

export default defineRepositoryRule({
  id: 'SSH705',
  alias: 'lockout-certificate-refused',
  kinds: LOCKOUT_KINDS,
  category: 'lockout',
  severity: 'error',
  docs: {
    summary: 'sshd refuses a user certificate the repository holds: its CA is not trusted for the user, its principals leave the user out, or CASignatureAlgorithms refuses its signature.',
    what: 'A user certificate in the repository (`*-cert.pub`) on a machine whose sshd configuration the repository holds, for each user who would present it (its principals, the owner of the home it lies in, the users whose authorized_keys trust its CA). sshd trusts a certificate through the file `TrustedUserCAKeys` names (the principals must include the user unless AuthorizedPrincipalsFile maps them) or a `cert-authority` line in the user\'s authorized_keys (its `principals=`, else the user\'s name). Reported: the CA missing from the TrustedUserCAKeys file the repository holds, nothing trusting the CA at all, principals that do not name the user or match `principals=`, and a `CASignatureAlgorithms` line that refuses the CA\'s signature algorithm. Expired and ssh-rsa-signed certificates are left to certificate-validity and certificate-signed-with-ssh-rsa, which say so on the certificate; AuthorizedKeysCommand, RevokedKeys, AuthorizedPrincipalsFile and Match blocks on the client make the outcome unknown, and nothing is claimed.',
    why: 'A certificate login fails for reasons the certificate does not show: the server trusts another CA, the certificate was issued for `ubuntu` while the account is `deploy`, or the CA signature is one the server no longer accepts. `sshd -t` passes, `ssh-keygen -L` looks fine, and the user gets "Permission denied (publickey)"; the reason is in the server\'s log only, often at debug level.',
    bad: '# sshd_config\nTrustedUserCAKeys /etc/ssh/user_ca.pub\n\n# etc/ssh/user_ca.pub: the old CA only\n# certs/deploy-cert.pub: signed by the new CA, principal deploy',
    good: '# etc/ssh/user_ca.pub: both CAs during the rotation\nssh-ed25519 AAAAC3Nza… old-ca\nssh-ed25519 AAAAC3Nza… new-ca',
    references: ['sshd_config(5) TrustedUserCAKeys, AuthorizedPrincipalsFile, CASignatureAlgorithms', 'sshd(8) AUTHORIZED_KEYS FILE FORMAT (cert-authority, principals=)', 'OpenSSH auth2-pubkey.c user_cert_trusted_ca()', 'OpenSSH sshkey.c sshkey_cert_check_authority()'],
  },
  checkRepository: (model, context) => lockoutHits(model, context, 'certificate-refused'),
});

import { ED25519_EXAMPLE, KEY_FILE_KINDS } from '../examples.js';
import { defineKeyFileRule, hitAt, entriesOfFamily } from '../rule.js';
import { RSA_1024_EXAMPLE } from './example-keys.js';

export default defineKeyFileRule({
  id: 'SSH111',
  alias: 'key-rsa-weak',
  kinds: KEY_FILE_KINDS,
  category: 'weak-crypto',
  severity: 'warning',
  docs: {
    summary: 'An RSA key (or RSA certificate) shorter than the policy minimum (2048 bits by default).',
    what: 'An `ssh-rsa` key, or a certificate of one, whose modulus has fewer bits than `policy.minRsaBits` (default 2048). Keys under 1024 bits never get here: OpenSSH refuses to load them at all (see invalid-key-data).',
    why: 'OpenSSH still accepts RSA keys from 1024 bits (its floor, `RequiredRSASize` since 9.1), so nothing stops working: the risk is the key itself. RSA under 2048 bits no longer gives adequate security (NIST SP 800-131A has disallowed it since 2014); 2048 bits is the usual minimum, and ssh-audit recommends 3072 bits (its hardening guides set `RequiredRSASize 3072`).',
    bad: `${RSA_1024_EXAMPLE} build@ci`,
    good: `${ED25519_EXAMPLE} build@ci`,
    references: ['OpenSSH sshkey.h SSH_RSA_MINIMUM_MODULUS_SIZE (1024)', 'sshd_config(5) RequiredRSASize', 'NIST SP 800-131A (RSA below 2048 bits disallowed)', 'ssh-audit hardening guides (RequiredRSASize 3072)'],
  },
  check(model, context) {
    const minimum = context.policy.minRsaBits;
    return entriesOfFamily(model, 'rsa').flatMap(({ line, entry }) => {
      const key = entry.key.key;
      if (key.family !== 'rsa' || key.bits >= minimum) return [];
      const what = key.certificate ? `certificate of a ${key.bits}-bit RSA key` : `${key.bits}-bit RSA key`;
      const risk =
        key.bits < 2048
          ? 'OpenSSH still accepts it, but RSA keys under 2048 bits no longer give adequate security (NIST has disallowed them since 2014); ssh-audit recommends 3072 bits.'
          : 'OpenSSH accepts it; the minimum comes from policy.minRsaBits (ssh-audit recommends 3072 bits).';
      return [
        hitAt(
          line,
          entry.key.typeRange,
          `This is a ${what}, below the ${minimum}-bit minimum. ${risk}`,
          'Replace it with an Ed25519 key (`ssh-keygen -t ed25519`), or an RSA key of at least 3072 bits (`ssh-keygen -t rsa -b 3072`).',
        ),
      ];
    });
  },
});

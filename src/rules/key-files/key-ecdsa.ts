import { ED25519_EXAMPLE, KEY_FILE_KINDS } from '../examples.js';
import { defineKeyFileRule, hitAt, entriesOfFamily } from '../rule.js';
import { ECDSA_P256_EXAMPLE } from './example-keys.js';

export default defineKeyFileRule({
  id: 'SSH112',
  alias: 'key-ecdsa',
  kinds: KEY_FILE_KINDS,
  category: 'weak-crypto',
  severity: 'note',
  enabledByDefault: false,
  docs: {
    summary: 'An ECDSA key on a NIST curve (P-256, P-384, P-521), including FIDO `sk-ecdsa` keys. Off by default: sources disagree.',
    what: 'A key line of type `ecdsa-sha2-nistp256`/`nistp384`/`nistp521`, `sk-ecdsa-sha2-nistp256@openssh.com`, or a certificate of one.',
    why: 'OpenSSH accepts these keys by default and has no plan to drop them. ssh-audit nevertheless fails the NIST curves (it distrusts how their constants were chosen) and warns that ECDSA signatures depend on a good random nonce per signature. CIS benchmarks, Mozilla\'s OpenSSH guideline and ComplianceAsCode accept ECDSA. Turn this rule on if your policy follows ssh-audit; Ed25519 avoids both concerns.',
    bad: `${ECDSA_P256_EXAMPLE} alice@laptop`,
    good: `${ED25519_EXAMPLE} alice@laptop`,
    references: ['ssh-audit ssh2_kexdb.py (ecdsa-sha2-nistp*: fail, NIST P-curves; warn, random nonces)', 'Mozilla OpenSSH guideline (ECDSA host keys accepted)', 'ComplianceAsCode content, CIS Ubuntu 24.04 controls (ECDSA allowed)'],
  },
  check(model) {
    return entriesOfFamily(model, 'ecdsa', 'ecdsa-sk').flatMap(({ line, entry }) => {
      const key = entry.key.key;
      if (key.family !== 'ecdsa' && key.family !== 'ecdsa-sk') return [];
      const curve = key.curve ?? 'nistp256';
      const what = key.family === 'ecdsa-sk' ? `a FIDO security-key ECDSA key (NIST ${curve})` : `an ECDSA key on the NIST curve ${curve}`;
      return [
        hitAt(
          line,
          entry.key.typeRange,
          `This is ${key.certificate ? `a certificate of ${what}` : what}. OpenSSH accepts it; ssh-audit fails the NIST curves and warns about ECDSA's random per-signature nonce, while CIS and Mozilla accept them.`,
          key.family === 'ecdsa-sk'
            ? 'If the security key supports it, generate an Ed25519 one instead (`ssh-keygen -t ed25519-sk`).'
            : 'Prefer an Ed25519 key (`ssh-keygen -t ed25519`).',
        ),
      ];
    });
  },
});

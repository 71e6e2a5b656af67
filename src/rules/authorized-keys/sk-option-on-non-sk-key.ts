import { ED25519_EXAMPLE } from '../examples.js';
import { defineKeyFileRule, hitAt, entriesWithOption, type RuleHit } from '../rule.js';

const SK_OPTIONS = new Set(['touch-required', 'verify-required']);
const SK_EXAMPLE = 'sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29tAAAAIJEEc55w6vf9C9mE0GYMtPIO3qTnMVUeVCmRNdmmD4GmAAAABHNzaDo=';

export default defineKeyFileRule({
  id: 'SSH145',
  alias: 'sk-option-on-non-sk-key',
  kinds: ['authorized_keys'],
  category: 'hygiene',
  severity: 'note',
  docs: {
    summary: '`no-touch-required` or `verify-required` on a key that is not a FIDO security key: no effect.',
    what: 'A `[no-]touch-required` or `[no-]verify-required` option on a plain key whose type is not `sk-ssh-ed25519@openssh.com` or `sk-ecdsa-sha2-nistp256@openssh.com`. `cert-authority` lines are not reported: there the option applies to the certificates the CA signs, which may be security-key certificates (sshd(8) shows `cert-authority,no-touch-required` in its example).',
    why: 'sshd accepts these options on any key, but only signatures from FIDO authenticators carry the user-presence and user-verification flags they test. On an ordinary key they do nothing (tested with OpenSSH 9.2p1): `verify-required` does not add a PIN check, which is probably what its author expected.',
    bad: `verify-required ${ED25519_EXAMPLE} alice@laptop`,
    good: `verify-required ${SK_EXAMPLE} alice@yubikey`,
    references: ['sshd(8) AUTHORIZED_KEYS FILE FORMAT, no-touch-required and verify-required ("only makes sense for the FIDO authenticator algorithms")', 'OpenSSH auth2-pubkey.c user presence / verification checks', 'tested with OpenSSH 9.2p1'],
  },
  check(model) {
    const hits: RuleHit[] = [];
    for (const { line, entry } of entriesWithOption(model, ...SK_OPTIONS)) {
      const family = entry.key.key.family;
      if (family === 'ecdsa-sk' || family === 'ed25519-sk') continue;
      if (entry.options.some((option) => option.name === 'cert-authority')) continue;
      for (const option of entry.options) {
        if (!SK_OPTIONS.has(option.name)) continue;
        const text = line.text.slice(option.range.start, option.range.end);
        hits.push(
          hitAt(
            line,
            option.range,
            `${text} only affects FIDO security keys (sk-…); on this ${entry.key.typeInfo.name} key sshd accepts it and ignores it${option.name === 'verify-required' && !option.negated ? ', so no PIN or biometric check is added' : ''}.`,
            'Remove the option, or use a security-key key (`ssh-keygen -t ed25519-sk`, with `-O verify-required` for a PIN) if that is what it was meant for.',
          ),
        );
      }
    }
    return hits;
  },
});

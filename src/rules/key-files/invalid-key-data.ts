import { ED25519_EXAMPLE, KEY_FILE_KINDS } from '../examples.js';
import { defineKeyFileRule, hitAt, rejectedLines, type RuleHit } from '../rule.js';

export default defineKeyFileRule({
  id: 'SSH102',
  alias: 'invalid-key-data',
  kinds: KEY_FILE_KINDS,
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'The base64 key data is missing, not valid base64, truncated, or not a valid key.',
    what: 'After the key type comes the key blob in base64. It is missing, holds characters base64 does not have, was cut short (a copy that lost its end), or decodes to bytes that are not a valid key of that type: a truncated blob, trailing bytes, an EC point off its curve, an RSA modulus below the 1024 bits OpenSSH accepts, a certificate whose signature does not verify.',
    why: 'OpenSSH decodes the blob with `sshkey_fromb`; any failure makes sshd skip the line silently, and the key never authenticates.',
    bad: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9o alice@laptop',
    good: `${ED25519_EXAMPLE} alice@laptop`,
    references: ['OpenSSH sshkey.c sshkey_read(), sshkey_from_blob_internal()', 'OpenSSH ssh-rsa.c (SSH_RSA_MINIMUM_MODULUS_SIZE)', 'RFC 4253 §6.6 public key formats'],
  },
  check(model) {
    const hits: RuleHit[] = [];
    for (const { line, rejection } of rejectedLines(model, 'key')) {
      const failure = rejection.failure;
      const help = 'Copy the key again from its .pub file (`cat ~/.ssh/id_ed25519.pub`), as one unbroken line.';
      if (failure.code === 'no-key-data' && failure.typeInfo) {
        hits.push(hitAt(line, failure.typeRange, `Key type ${failure.typeInfo.name} has no key data after it; OpenSSH skips this line.`, help));
      } else if (failure.code === 'invalid-base64') {
        hits.push(hitAt(line, failure.base64Range, 'The key data is not valid base64; OpenSSH skips this line.', help));
      } else if (failure.code === 'invalid-blob') {
        const error = failure.error;
        const message =
          error.code === 'key-length'
            ? `This ${failure.typeInfo.name} key is refused by OpenSSH: ${error.message}. The line is skipped.`
            : `The ${failure.typeInfo.name} key data is not a valid key (${error.message}); OpenSSH skips this line.`;
        hits.push(hitAt(line, failure.base64Range, message, error.code === 'key-length' ? 'Generate a new key: `ssh-keygen -t ed25519`.' : help));
      }
    }
    return hits;
  },
});

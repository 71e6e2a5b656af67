import { ED25519_BLOB, ED25519_EXAMPLE, KEY_FILE_KINDS } from '../examples.js';
import { defineKeyFileRule, hitAt, rejectedLines } from '../rule.js';

export default defineKeyFileRule({
  id: 'SSH103',
  alias: 'key-type-mismatch',
  kinds: KEY_FILE_KINDS,
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'The key type label does not match the key inside the base64 data.',
    what: 'The base64 blob starts with its own type name; OpenSSH requires it to equal the label in front of it (and for ECDSA, the same curve). A label edited by hand, or the blob of another key pasted after it, breaks that.',
    why: 'sshd fails with SSH_ERR_KEY_TYPE_MISMATCH (or EC_CURVE_MISMATCH) and skips the line silently.',
    bad: `ssh-rsa ${ED25519_BLOB} alice@laptop`,
    good: `${ED25519_EXAMPLE} alice@laptop`,
    references: ['OpenSSH sshkey.c sshkey_read() ("ensure type of blob matches type at start of line")'],
  },
  check(model) {
    return rejectedLines(model, 'key').flatMap(({ line, rejection }) => {
      const failure = rejection.failure;
      if (failure.code !== 'type-mismatch') return [];
      const actual = failure.key.curve && failure.key.family === 'ecdsa' ? `${failure.key.type} (curve ${failure.key.curve})` : failure.key.type;
      return [
        hitAt(line, failure.typeRange, `The line says ${failure.typeInfo.name} but the key data is a ${actual} key; OpenSSH skips this line.`, `Change the label to the key's real type, or paste the key that belongs to it.`),
      ];
    });
  },
});

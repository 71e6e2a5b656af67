import { SIGNATURE_ALGORITHMS, signatureAlgorithmByName } from '../../ssh/key-types.js';
import { KEY_FILE_KINDS } from '../examples.js';
import { defineKeyFileRule, entriesLabelled, hitAt, quote } from '../rule.js';
import { RSA_2048_BLOB } from './example-keys.js';

export default defineKeyFileRule({
  id: 'SSH117',
  alias: 'nonstandard-key-label',
  kinds: KEY_FILE_KINDS,
  category: 'hygiene',
  severity: 'note',
  docs: {
    summary: 'The key is labelled with a signature algorithm name (`rsa-sha2-512`, `rsa-sha2-256`, …) instead of its key type.',
    what: 'A key line that starts with `rsa-sha2-256`, `rsa-sha2-512`, their `-cert-v01@openssh.com` forms, or `webauthn-sk-ecdsa-sha2-nistp256@openssh.com`. These name the algorithm a signature is made with; the key type is `ssh-rsa` (or `sk-ecdsa-sha2-nistp256@openssh.com`). The label usually comes from copying a server\'s algorithm list or a tool that printed the negotiated algorithm.',
    why: 'OpenSSH reads the label as the key type it belongs to (`peek_type_nid()` in sshkey.c), so the key works: sshd 9.2 accepts `rsa-sha2-512 AAAAB3NzaC1yc2E…` for login and ssh-keygen lists it. Other tools are stricter: sshpk (Node.js) rejects the line as an unknown algorithm and paramiko\'s certificate loader requires the label to equal the type inside the key. ssh-keygen and every other writer use the key type.',
    bad: `rsa-sha2-512 ${RSA_2048_BLOB} build@ci`,
    good: `ssh-rsa ${RSA_2048_BLOB} build@ci`,
    references: ['OpenSSH sshkey.c peek_type_nid(), sshkey_read()', 'RFC 8332 (rsa-sha2-256/512 are signature algorithms for ssh-rsa keys)', 'sshpk lib/formats/rfc4253.js algToKeyType()', 'tested with OpenSSH 9.2p1 (sshd login, ssh-keygen -l)'],
  },
  check(model) {
    return entriesLabelled(model, ...SIGNATURE_ALGORITHMS.map((algorithm) => algorithm.name)).flatMap(({ line, entry }) => {
      const alias = signatureAlgorithmByName(entry.key.typeName);
      if (!alias) return [];
      return [
        hitAt(
          line,
          entry.key.typeRange,
          `${quote(entry.key.typeName)} names a signature algorithm, not a key type. OpenSSH reads it as ${alias.keyType}, but other tools that parse this file may reject the line.`,
          `Label the key with its type: \`${alias.keyType}\`.`,
        ),
      ];
    });
  },
});

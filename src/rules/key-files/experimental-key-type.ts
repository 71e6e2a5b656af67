import { ED25519_EXAMPLE, KEY_FILE_KINDS } from '../examples.js';
import { defineKeyFileRule, hitAt, entriesOfFamily } from '../rule.js';

export default defineKeyFileRule({
  id: 'SSH113',
  alias: 'experimental-key-type',
  kinds: KEY_FILE_KINDS,
  category: 'lockout',
  severity: 'warning',
  docs: {
    summary: 'An experimental key type (`ssh-mldsa44-ed25519@openssh.com`) that OpenSSH does not accept by default.',
    what: 'A key line of type `ssh-mldsa44-ed25519@openssh.com` (the hybrid ML-DSA-44 + Ed25519 post-quantum signature OpenSSH 10.4 implemented) or its certificate type. Before 10.4 the line does not even parse (see unknown-key-type).',
    why: 'OpenSSH 10.4 and 10.5 can read these keys but leave the algorithm out of the default PubkeyAcceptedAlgorithms, HostKeyAlgorithms and CASignatureAlgorithms (it was in the 10.5 development defaults and removed "for release"). Unless the server adds it explicitly, the key is refused and its owner cannot log in; a client likewise ignores such a host key.',
    bad: 'ssh-mldsa44-ed25519@openssh.com AAAAH3NzaC1tbGRzYTQ0LWVkMjU1MTlAb3BlbnNzaC5jb20AAAVA… alice@laptop',
    good: `${ED25519_EXAMPLE} alice@laptop`,
    references: ['OpenSSH myproposal.h KEX_DEFAULT_PK_ALG (10.4, 10.5)', 'openssh-portable commit d535299b8 "remove ml-dsa/x25519 from the default algorithm list for release"'],
  },
  check(model) {
    return entriesOfFamily(model, 'mldsa44-ed25519').flatMap(({ line, entry }) => {
      if (entry.key.key.family !== 'mldsa44-ed25519') return [];
      const effect =
        model.kind === 'known_hosts'
          ? 'ssh does not use it unless HostKeyAlgorithms adds it, so this entry never verifies the host'
          : entry.options.some((option) => option.name === 'cert-authority')
            ? 'sshd refuses certificates it signs unless CASignatureAlgorithms adds it'
            : 'sshd refuses it unless PubkeyAcceptedAlgorithms adds it, so this key cannot log in on a default server';
      return [
        hitAt(
          line,
          entry.key.typeRange,
          `${entry.key.typeInfo.name} is an experimental post-quantum key type that is not in OpenSSH's default algorithm lists: ${effect}.`,
          'Keep an Ed25519 key next to it for login, or enable the algorithm explicitly (e.g. `PubkeyAcceptedAlgorithms +ssh-mldsa44-ed25519@openssh.com` on OpenSSH 10.4+).',
        ),
      ];
    });
  },
});

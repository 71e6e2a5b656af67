import { defineRepositoryRule } from '../rule.js';
import { LOCKOUT_KINDS } from './kinds.js';
import { lockoutHits } from './lockout-hits.js';

export default defineRepositoryRule({
  id: 'SSH704',
  alias: 'lockout-key-refused',
  kinds: LOCKOUT_KINDS,
  category: 'lockout',
  severity: 'error',
  docs: {
    summary: 'sshd refuses a key the repository installs: its type is not in PubkeyAcceptedAlgorithms, or RSA shorter than RequiredRSASize.',
    what: 'A key installed for a user whose type the effective `PubkeyAcceptedAlgorithms` for that user leaves out (an ECDSA key under an Ed25519-only list, an RSA key when no rsa-sha2-* remains, sk-* keys removed with `-sk-*`), or an RSA key shorter than `RequiredRSASize`. The finding goes on the configuration line, names the keys and says whether the user has another key that works. A DSA key refused by the default list is left to key-dsa, which says so on the key.',
    why: 'Tightening the algorithm list or raising RequiredRSASize is good hardening, and `sshd -t` accepts it, but every key that no longer qualifies stops working at the next restart: sshd logs "key type … not in PubkeyAcceptedAlgorithms" or "refusing RSA key" and the user sees "Permission denied (publickey)".',
    bad: '# sshd_config\nRequiredRSASize 3072\n\n# home/deploy/.ssh/authorized_keys\nssh-rsa AAAAB3Nza… (2048 bits) deploy@ci',
    good: '# home/deploy/.ssh/authorized_keys\nssh-ed25519 AAAAC3Nza… deploy@ci',
    references: ['sshd_config(5) PubkeyAcceptedAlgorithms, RequiredRSASize', 'OpenSSH auth2-pubkey.c userauth_pubkey()', 'OpenSSH sshkey.c sshkey_check_rsa_length()'],
  },
  checkRepository: (model, context) => lockoutHits(model, context, 'key-refused'),
});

import { defineConfigRule } from '../rule.js';
import { CONFIG_KINDS, problemHits } from './problems.js';

export default defineConfigRule({
  id: 'SSH407',
  alias: 'invalid-algorithm-list',
  kinds: CONFIG_KINDS,
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'An algorithm list with a name the target release does not know.',
    what: "`Ciphers`, `MACs`, `KexAlgorithms`, `HostKeyAlgorithms`, `PubkeyAcceptedAlgorithms`, `CASignatureAlgorithms` and friends accept only names the release knows: removed ones (`arcfour`, `hmac-ripemd160`, `ssh-dss` on 10.0+), newer ones (`mlkem768x25519-sha256` before 9.9), typos, wildcards where the keyword takes none (`Ciphers aes*-ctr`), or `!` negation.",
    why: 'sshd reports "Bad SSH2 cipher spec" / "Bad SSH2 KexAlgorithms" / "Bad key types" and refuses to start; ssh refuses to run.',
    bad: 'Ciphers aes128-ctr,arcfour256',
    good: 'Ciphers aes128-ctr,aes256-ctr',
    references: ['OpenSSH cipher.c ciphers_valid(), mac.c mac_valid(), kex-names.c kex_names_valid(), sshkey.c sshkey_names_valid2()'],
  },
  checkConfig(analysis) {
    return problemHits(analysis, 'bad-algorithm', 'Use only names the target release lists in `ssh -Q cipher|mac|kex|key`, comma-separated; to drop defaults, write `-name`.');
  },
});

import type { PrivateKeyBlock } from '../../parse/private-key.js';
import { ED25519_EXAMPLE } from '../examples.js';
import { definePrivateKeyRule } from '../rule.js';
import { describeKey, privateKeyHits } from './private-key-hits.js';

/** Key derivations made for speed, not for resisting guesses: one MD5 round (PEM), plain SHA-1 (PuTTY v2). */
const FAST_KDFS = ['MD5', 'SHA-1'];

export default definePrivateKeyRule({
  id: 'SSH601',
  alias: 'encrypted-private-key-exposed',
  kinds: ['any'],
  category: 'secret-exposure',
  severity: 'warning',
  docs: {
    summary: 'A passphrase-protected private key is committed to the repository.',
    what: 'A whole private key encrypted with a passphrase, in any file: OpenSSH (bcrypt KDF), PEM with `Proc-Type: 4,ENCRYPTED`, encrypted PKCS#8, PuTTY `.ppk` with `Encryption: aes256-cbc`, or ssh.com. The message names the format, cipher and key derivation, and the key type, size, fingerprint and matching public key where the format stores them in the clear (OpenSSH, PuTTY).',
    why: 'A warning, not an error: nobody can use the key without its passphrase. But everyone who can read the repository can guess that passphrase offline, as fast as their hardware allows, with no lockout and forever (history keeps the file). Legacy PEM encryption derives the key with one MD5 round and PuTTY v2 with SHA-1, so guessing is fast; OpenSSH\'s bcrypt and PuTTY v3\'s Argon2 slow it down but do not save a weak passphrase.',
    bad: `# deploy/id_ed25519 (ssh-keygen -N …)\n-----BEGIN OPENSSH PRIVATE KEY-----\n…\n-----END OPENSSH PRIVATE KEY-----`,
    good: `# deploy/id_ed25519.pub (the private key lives in the CI secret store)\n${ED25519_EXAMPLE} deploy@ci`,
    references: [
      'OpenSSH PROTOCOL.key (cipher and bcrypt KDF in the clear header)',
      'RFC 1421 §4.6.1 (Proc-Type, DEK-Info); OpenSSL EVP_BytesToKey',
      'PuTTY manual appendix C (PPK format: Key-Derivation)',
    ],
  },
  checkPrivateKeys(scan) {
    return privateKeyHits(
      scan,
      (key) => key.encryption.encrypted,
      (key) => `A passphrase-protected private key is committed here (${describeKey(key)}, ${describeEncryption(key)}); anyone who can read the repository can guess its passphrase offline.`,
      'Remove it and purge it from history (git filter-repo, then force-push); rotate it unless its passphrase is long and random. Keep private keys in a secret store rather than in the repository.',
    );
  },
});

function describeEncryption(key: PrivateKeyBlock): string {
  if (!key.encryption.encrypted) return 'not encrypted';
  const { cipher, kdf } = key.encryption;
  const parts = [cipher ? `encrypted with ${cipher}` : 'encrypted'];
  if (kdf) parts.push(FAST_KDFS.includes(kdf) ? `passphrase hashed with a single ${kdf}: guessing is fast` : `passphrase hashed with ${kdf}`);
  return parts.join(', ');
}

import { ED25519_EXAMPLE } from '../examples.js';
import { definePrivateKeyRule } from '../rule.js';
import { describeKey, privateKeyHits } from './private-key-hits.js';

export default definePrivateKeyRule({
  id: 'SSH600',
  alias: 'private-key-exposed',
  kinds: ['any'],
  category: 'secret-exposure',
  severity: 'error',
  docs: {
    summary: 'An unencrypted private key is committed to the repository.',
    what: 'A whole private key without a passphrase, in any file whatever its name: OpenSSH (`openssh-key-v1`), PEM RSA/DSA/EC, PKCS#8, PuTTY `.ppk` v2/v3 or ssh.com, on its own or pasted into YAML, shell, `.env`, JSON or Terraform state. The message names the format, key type, size and fingerprint, and the authorized_keys/known_hosts/.pub line that holds its public half when the scan finds one. sshlint never prints key material. Templates (`{{ vault_key }}`, `${SSH_KEY}`, `...`) and truncated examples are not keys and are not reported.',
    why: 'Anyone who can read the repository, its forks, clones, CI caches or history can use the key: log in wherever its public half is authorized, or impersonate the host it belongs to. Deleting the file in a later commit does not remove it from history.',
    bad: `# deploy/id_ed25519\n-----BEGIN OPENSSH PRIVATE KEY-----\n…\n-----END OPENSSH PRIVATE KEY-----`,
    good: `# deploy/id_ed25519.pub (the private key lives in the CI secret store)\n${ED25519_EXAMPLE} deploy@ci`,
    references: [
      'OpenSSH PROTOCOL.key (openssh-key-v1: cipher "none" means unencrypted)',
      'Mozilla OpenSSH guidelines: never copy private keys off the machine',
      'GitHub docs: Removing sensitive data from a repository',
    ],
  },
  checkPrivateKeys(scan) {
    return privateKeyHits(
      scan,
      (key) => !key.encryption.encrypted,
      (key) => `An unencrypted private key is committed here (${describeKey(key)}); anyone who can read the repository can use it.`,
      'Remove it and treat it as compromised: rotate it (delete its public key wherever it is authorized, make a new key), purge the file from history (git filter-repo, then force-push), and keep private keys in a secret store.',
    );
  },
});

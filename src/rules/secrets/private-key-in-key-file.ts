import { ED25519_EXAMPLE, KEY_FILE_KINDS } from '../examples.js';
import { defineKeyFileRule, type RuleHit } from '../rule.js';

export default defineKeyFileRule({
  id: 'SSH600',
  alias: 'private-key-exposed',
  kinds: KEY_FILE_KINDS,
  category: 'secret-exposure',
  severity: 'error',
  docs: {
    summary: 'A private key is committed to the repository.',
    what: 'A private key block (OpenSSH `-----BEGIN OPENSSH PRIVATE KEY-----`, PEM RSA/DSA/EC, PKCS#8, or a PuTTY `.ppk`) found in a file. sshlint never prints key material, only where it is.',
    why: 'Anyone who can read the repository, its forks, clones, CI caches or history can log in as the key\'s owner. Removing the file in a later commit does not remove it from history.',
    bad: `# authorized_keys\n-----BEGIN OPENSSH PRIVATE KEY-----\n…\n-----END OPENSSH PRIVATE KEY-----`,
    good: `# authorized_keys\n${ED25519_EXAMPLE} deploy@ci`,
    references: ['Mozilla OpenSSH guidelines: never copy private keys off the machine', 'ComplianceAsCode ssh_keys_passphrase_protected'],
  },
  check(model) {
    const hits: RuleHit[] = [];
    for (const block of model.blocks) {
      if (block.kind !== 'private-key' && block.kind !== 'putty-private-key') continue;
      hits.push({
        line: block.firstLine,
        column: 1,
        endLine: block.lastLine,
        endColumn: (model.source.lines[block.lastLine - 1]?.text.length ?? 0) + 1,
        message: `A private key (${block.label}) is committed here (lines ${block.firstLine}–${block.lastLine}); anyone with read access to the repository can use it.`,
        help: 'Remove it, rotate the key (it is compromised), purge it from history, and commit only the public key.',
      });
    }
    return hits;
  },
});

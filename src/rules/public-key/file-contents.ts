import { ED25519_EXAMPLE } from '../examples.js';
import { defineKeyFileRule, hitAt, hitLines, parsedEntries, type RuleHit } from '../rule.js';

export default defineKeyFileRule({
  id: 'SSH300',
  alias: 'public-key-file-contents',
  kinds: ['public_key'],
  category: 'hygiene',
  severity: 'warning',
  docs: {
    summary: 'A .pub file with more than one key, with authorized_keys options, or with no key at all.',
    what: 'A public key file holds one `keytype base64 [comment]` line, as `ssh-keygen` writes it. Reported: a second (or later) key line; a key line that starts with authorized_keys options (`restrict,command="…" ssh-ed25519 …`); a file with only comments and blank lines. Lines OpenSSH cannot parse at all are left to the malformed-line rules.',
    why: 'Everything that loads "the" public key of a file (`sshkey_load_public()`: ssh with IdentityFile/CertificateFile, `ssh-keygen -s` signing, `-L`, `-e`, `-y` checks) takes the first line it can read as a bare key and ignores the rest, while `ssh-keygen -l` and `ssh-copy-id` process every line, so the tools disagree about which key the file means. A line with options is no key to `sshkey_load_public()`: `ssh-keygen -s` fails with a misleading "No such file or directory", `-L` with "invalid format", and ssh does not load a certificate written that way. A file without a key fails in all of them.',
    bad: `restrict ${ED25519_EXAMPLE} deploy@ci`,
    good: `${ED25519_EXAMPLE} deploy@ci`,
    references: ['OpenSSH authfile.c sshkey_try_load_public()', 'OpenSSH ssh-keygen.c do_fingerprint()', 'ssh-keygen(1)'],
  },
  check(model) {
    const hits: RuleHit[] = [];
    const keys = parsedEntries(model);
    const withOptions = keys.filter(({ entry }) => entry.optionsRange !== undefined);
    for (const { line, entry } of withOptions) {
      hits.push(
        hitAt(
          line,
          entry.optionsRange!,
          'authorized_keys options in a .pub file: ssh and ssh-keygen -s/-L/-e read only bare keys and skip this line (only ssh-keygen -l tolerates options).',
          'Remove the options from the .pub file; add them where the key is installed (authorized_keys).',
        ),
      );
    }
    // sshkey_try_load_public: the first line that reads as a bare key wins.
    const used = keys.find(({ entry }) => entry.optionsRange === undefined);
    const second = keys[1];
    if (second) {
      const usedText = used ? `the key on line ${used.line.number}` : 'no key (every key line has options)';
      hits.push(
        hitAt(
          second.line,
          { start: second.entry.key.typeRange.start, end: second.entry.key.base64Range.end },
          `This .pub file holds ${keys.length} keys; ssh and ssh-keygen -s/-L/-e use only ${usedText}, while ssh-keygen -l and ssh-copy-id take them all.`,
          'Keep one key per .pub file (named after its private key); collect several keys in an authorized_keys file instead.',
        ),
      );
    }
    const anyKeyLine = model.lines.some((l) => l.status !== 'ignored');
    if (!anyKeyLine) {
      const lines = model.source.lines;
      const message = 'This .pub file contains no key, only comments or blank lines: ssh-keygen reports "is not a public key file" and nothing can be installed from it.';
      const help = 'Write the public key into it again, e.g. `ssh-keygen -y -f PRIVATE_KEY > FILE.pub`.';
      hits.push(lines.length > 0 ? hitLines(lines, 1, lines.length, message, help) : { line: 1, column: 1, message, help });
    }
    return hits;
  },
});

import { ED25519_BLOB } from '../examples.js';
import { defineKeyFileRule, hitAt, parsedEntries } from '../rule.js';

export default defineKeyFileRule({
  id: 'SSH206',
  alias: 'known-hosts-unhashed',
  kinds: ['known_hosts'],
  category: 'hygiene',
  severity: 'note',
  enabledByDefault: false,
  docs: {
    summary: 'known_hosts entries that name their hosts in clear text (HashKnownHosts not applied).',
    what: 'Lines that `ssh-keygen -H` would hash: no marker, a host field that is not already hashed and has no wildcard or negation (`*`, `?`, `!`). `@cert-authority` and `@revoked` lines and wildcard patterns cannot be hashed and are not reported. One finding per file, on the first such line.',
    why: 'A known_hosts file lists the servers its owner connects to. If the file leaks (a committed dotfiles repository, a stolen laptop, a compromised account), plain names tell an attacker where to go next; hashed names (`|1|salt|hash`, what `HashKnownHosts yes` writes) do not, though short names can still be guessed. Mozilla\'s OpenSSH guidelines recommend hashing. It does not matter for files whose content is public anyway, e.g. a CI known_hosts that pins github.com or gitlab.com: leave this rule off there, or suppress it.',
    bad: `bastion.corp.example.com,10.20.0.5 ssh-ed25519 ${ED25519_BLOB}`,
    good: `|1|gzvywNsCMp5CzpCVydM36Kg4ans=|IaqXDh0p7pF7X/dPPWhcGA0U1qM= ssh-ed25519 ${ED25519_BLOB}`,
    references: ['Mozilla OpenSSH guidelines (HashKnownHosts yes)', 'ssh_config(5) HashKnownHosts', 'ssh-keygen(1) -H; OpenSSH ssh-keygen.c known_hosts_hash()'],
  },
  check(model) {
    const plain = parsedEntries(model).flatMap(({ line, entry }) => {
      const fields = entry.knownHosts;
      if (!fields || fields.marker || fields.hosts.hashed || /[*?!]/.test(fields.hosts.text)) return [];
      return [{ line, range: fields.hosts.range }];
    });
    const first = plain[0];
    if (!first) return [];
    const others = plain.length > 1 ? ` (and ${plain.length - 1} more line${plain.length > 2 ? 's' : ''})` : '';
    return [
      hitAt(
        first.line,
        first.range,
        `Host names are stored in clear text here${others}: anyone who reads this file learns which servers it is used for.`,
        'Hash the file with `ssh-keygen -H -f FILE` (it keeps a .old copy), and set `HashKnownHosts yes` so new entries are hashed too.',
      ),
    ];
  },
});

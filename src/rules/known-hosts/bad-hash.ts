import { defineKeyFileRule, hitAt, rejectedLines } from '../rule.js';

export default defineKeyFileRule({
  id: 'SSH201',
  alias: 'known-hosts-bad-hash',
  kinds: ['known_hosts'],
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'A hashed host name (`|1|salt|hash`) whose salt is not 20 bytes of base64.',
    what: 'Hashed known_hosts entries (HashKnownHosts yes) have the form `|1|<base64 20-byte salt>|<base64 HMAC-SHA1>`. The salt is damaged, truncated, or the separators are missing.',
    why: 'ssh reports "bad host hash" at debug level and skips the line, so the host is unknown: a prompt, or a failure under StrictHostKeyChecking yes.',
    bad: '|1|abc|Wj3uH2MkGeZ7XMcXw9ZAwyRnnaU= ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl',
    good: 'github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl',
    references: ['OpenSSH hostfile.c extract_salt(), match_maybe_hashed()'],
  },
  check(model) {
    return rejectedLines(model, 'bad-hash').map(({ line, rejection }) =>
      hitAt(line, rejection.range, 'The hashed host name is damaged (its salt is not 20 bytes of base64); ssh skips this line.', 'Regenerate the entry: `ssh-keygen -R HOST`, then `ssh-keyscan HOST` and verify the fingerprint, or write the host name in clear.'),
    );
  },
});

import { atLeast, formatVersion } from '../../core/version.js';
import { ED25519_BLOB, ED25519_EXAMPLE, KEY_FILE_KINDS } from '../examples.js';
import { defineKeyFileRule, hitAt, quote, rejectedLines, type RuleHit } from '../rule.js';

export default defineKeyFileRule({
  id: 'SSH101',
  alias: 'unknown-key-type',
  kinds: KEY_FILE_KINDS,
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'The key type is not one the target OpenSSH knows (wrong case, a signature name, a removed type).',
    what: 'The key type label must be an exact, case-sensitive key type name the target OpenSSH release knows: `ssh-ed25519`, `ssh-rsa`, `ecdsa-sha2-nistp256`, `sk-ssh-ed25519@openssh.com`… `SSH-ED25519` or `ed25519` are not (a signature algorithm name such as `rsa-sha2-512` happens to be read as its key type); `ssh-dss` is unknown from OpenSSH 10.0, which removed DSA.',
    why: 'sshd compares the label byte for byte (`sshkey_read`); an unknown label makes it skip the line silently, so the key never authenticates.',
    bad: `SSH-ED25519 ${ED25519_BLOB} alice@laptop`,
    good: `${ED25519_EXAMPLE} alice@laptop`,
    references: ['OpenSSH sshkey.c peek_type_nid()', 'sshd(8) AUTHORIZED_KEYS FILE FORMAT (list of key types)', 'OpenSSH 10.0 release notes (DSA removed)'],
  },
  check(model, context) {
    const hits: RuleHit[] = [];
    for (const { line, rejection } of rejectedLines(model, 'wrong-case-type')) {
      hits.push(hitAt(line, rejection.range, `${quote(rejection.typeName)} is not a key type OpenSSH knows (names are case-sensitive: ${rejection.suggestion}?); the line is skipped.`, `Write the key type as \`${rejection.suggestion}\`.`));
    }
    for (const { line, rejection } of rejectedLines(model, 'key')) {
      const failure = rejection.failure;
      if (failure.code === 'unknown-type') {
        hits.push(hitAt(line, failure.typeRange, `${quote(failure.typeName)} is not a key type OpenSSH knows; the line is skipped.`, 'Start the key with its type, e.g. `ssh-ed25519`, exactly as ssh-keygen wrote it.'));
      } else if (failure.code === 'type-unavailable') {
        const info = failure.typeInfo;
        const when =
          info.removed && atLeast(context.version, info.removed)
            ? `was removed in OpenSSH ${info.removed}`
            : info.optionalFrom && atLeast(context.version, info.optionalFrom)
              ? `is not in default OpenSSH builds from ${info.optionalFrom} on (only with ${info.buildFlag ?? 'a build option'})`
              : info.since
                ? `needs OpenSSH ${info.since} or later`
                : `is only in OpenSSH builds made with ${info.buildFlag ?? 'a build option'}`;
        hits.push(hitAt(line, failure.typeRange, `Key type ${info.name} ${when}; OpenSSH ${formatVersion(context.version)} skips this line.`, info.family === 'dss' ? 'Replace the DSA key with an Ed25519 key (`ssh-keygen -t ed25519`).' : 'Use a key type the server supports, such as ssh-ed25519.'));
      }
    }
    return hits.sort((a, b) => a.line - b.line);
  },
});

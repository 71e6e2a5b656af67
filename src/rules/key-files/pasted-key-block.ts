import { ED25519_EXAMPLE, KEY_FILE_KINDS } from '../examples.js';
import type { BlockKind } from '../../parse/pasted-blocks.js';
import { defineKeyFileRule, hitLines, rejectedLines } from '../rule.js';

const WHAT: Record<BlockKind, string> = {
  'rfc4716-public': 'an RFC 4716 public key block (what `ssh-keygen -e` and some GUIs export)',
  'pem-public': 'a PEM public key block',
  'private-key': 'a PRIVATE key block',
  'putty-private-key': 'a PuTTY private key file (.ppk)',
  'other-armour': 'an armoured block',
};

const FIX: Record<BlockKind, string> = {
  'rfc4716-public': 'Convert it to one line with `ssh-keygen -i -m RFC4716 -f key.pub` and use that instead.',
  'pem-public': 'Convert it to one line with `ssh-keygen -i -m PKCS8 -f key.pem` and use that instead.',
  'private-key': 'Remove it, treat the key as compromised, and add the matching public key (`ssh-keygen -y -f KEY`) instead.',
  'putty-private-key': 'Remove it, treat the key as compromised, and add the public key (`puttygen KEY.ppk -O public-openssh`) instead.',
  'other-armour': 'Replace it with a one-line OpenSSH public key.',
};

export default defineKeyFileRule({
  id: 'SSH107',
  alias: 'pasted-key-block',
  kinds: KEY_FILE_KINDS,
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'A multi-line key block (RFC 4716, PEM, PuTTY, private key) pasted where one-line keys belong.',
    what: 'A `---- BEGIN SSH2 PUBLIC KEY ----` block, a PEM `-----BEGIN … KEY-----` block or a `PuTTY-User-Key-File` block inside authorized_keys, known_hosts or a .pub file.',
    why: 'OpenSSH only reads one-line keys here and skips every line of the block silently, so the key never works. A private key block also exposes the key (see SSH600).',
    bad: '---- BEGIN SSH2 PUBLIC KEY ----\nComment: "alice@laptop"\nAAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n---- END SSH2 PUBLIC KEY ----',
    good: `${ED25519_EXAMPLE} alice@laptop`,
    references: ['sshd(8) AUTHORIZED_KEYS FILE FORMAT', 'ssh-keygen(1) -i / -e', 'RFC 4716'],
  },
  check(model) {
    const seen = new Set<number>();
    return rejectedLines(model, 'pasted-block').flatMap(({ rejection: { block } }) => {
      if (seen.has(block.firstLine)) return [];
      seen.add(block.firstLine);
      return [
        hitLines(
          model.source.lines,
          block.firstLine,
          block.lastLine,
          `Lines ${block.firstLine}–${block.lastLine} hold ${WHAT[block.kind]}; OpenSSH reads one key per line here and skips all of them.`,
          FIX[block.kind],
        ),
      ];
    });
  },
});

import { ED25519_EXAMPLE } from '../examples.js';
import { defineKeyFileRule, rejectedLines } from '../rule.js';

export default defineKeyFileRule({
  id: 'SSH106',
  alias: 'byte-order-mark',
  kinds: ['authorized_keys', 'public_key'],
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'The file starts with a UTF-8 byte-order mark, so OpenSSH cannot read its first line.',
    what: 'The first three bytes are EF BB BF, a byte-order mark some Windows editors and PowerShell (`Out-File`, `Set-Content -Encoding UTF8` in Windows PowerShell) write.',
    why: 'OpenSSH does not strip it: the first line is no longer blank, a comment or a key, so sshd skips it. When that line is a key, its owner is locked out without any message.',
    bad: `<EF BB BF>${ED25519_EXAMPLE} alice@laptop`,
    good: `${ED25519_EXAMPLE} alice@laptop`,
    references: ['OpenSSH auth2-pubkeyfile.c auth_check_authkeys_file() (no BOM handling)', 'tested with OpenSSH 9.2p1'],
  },
  check(model) {
    return rejectedLines(model, 'bom').map(({ line }) => ({
      line: line.number,
      column: 1,
      endColumn: line.text.length + 1,
      message: /^\s*#/.test(line.text) || line.text.trim() === ''
        ? 'The file starts with a UTF-8 byte-order mark; OpenSSH does not strip it (harmless on this comment line, fatal as soon as a key is the first line).'
        : 'The file starts with a UTF-8 byte-order mark; OpenSSH does not strip it and skips this first key.',
      help: "Save the file as UTF-8 without BOM (e.g. `sed -i '1s/^\\xEF\\xBB\\xBF//' FILE`).",
    }));
  },
});

import rule from '../../src/rules/key-files/crlf-line-endings.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

const key = `${KEYS.ed25519} alice@laptop`;

ruleTable(rule, {
  valid: [
    { name: 'LF endings', text: `# keys\n${key}\n` },
    { name: 'no final newline', text: key },
    { name: 'empty file', text: '' },
    { name: 'a lone CR inside a line is not a line ending', text: `${key}\rx\n` },
    { name: 'known_hosts with LF', kind: 'known_hosts', text: `github.com ${KEYS.ed25519}\n` },
  ],
  invalid: [
    { name: 'CRLF on every line, reported once', text: `${key}\r\n${KEYS.rsa2048}\r\n`, hits: [{ line: 1, column: 1, endColumn: key.length + 1, message: 'and 1 more line' }] },
    { name: 'first CRLF after LF lines', text: `# keys\n\n${key}\r\n# end\r\n# x\r\n`, hits: [{ line: 3, column: 1, message: '(and 2 more lines)' }] },
    { name: 'a CRLF comment line', text: `# keys\r\n${key}\n`, hits: [{ line: 1, endColumn: 7, message: 'OpenSSH tolerates' }] },
    { name: 'known_hosts', kind: 'known_hosts', text: `github.com ${KEYS.ed25519}\r\n`, hits: [{ line: 1 }] },
    { name: '.pub file', kind: 'public_key', text: `${key}\r\n`, hits: [{ line: 1 }] },
  ],
});

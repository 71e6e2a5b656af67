import rule from '../../src/rules/key-files/invalid-key-data.js';
import { KEYS, blobOf } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

const ed = blobOf(KEYS.ed25519);

ruleTable(rule, {
  valid: [
    { name: 'every key type', text: Object.values(KEYS).join('\n') + '\n', version: '9.2' },
    { name: 'CRLF line ending', text: `${KEYS.ed25519}\r\n` },
  ],
  invalid: [
    { name: 'truncated', text: `ssh-ed25519 ${ed.slice(0, 40)} alice\n`, hits: [{ line: 1, column: 13, endColumn: 53, message: 'not' }] },
    { name: 'not base64', text: `ssh-ed25519 ${ed.slice(0, 20)}!!${ed.slice(22)}\n`, hits: [{ line: 1, column: 13, message: 'not valid base64' }] },
    { name: 'type with nothing after it', text: 'ssh-ed25519\n', hits: [{ line: 1, column: 1, message: 'no key data' }] },
    { name: 'type and a blank', text: 'ssh-rsa   \n', hits: [{ line: 1, message: 'no key data' }] },
    { name: 'bad blob after options', text: `no-pty ssh-ed25519 ${ed.slice(0, 40)}\n`, hits: [{ line: 1, column: 20 }] },
    { name: 'known_hosts', kind: 'known_hosts', text: `example.com ssh-ed25519 ${ed.slice(0, 30)}\n`, hits: [{ line: 1, column: 25 }] },
  ],
});

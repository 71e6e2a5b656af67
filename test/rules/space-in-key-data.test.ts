import rule from '../../src/rules/key-files/space-in-key-data.js';
import { KEYS, blobOf } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

const ed = blobOf(KEYS.ed25519);

ruleTable(rule, {
  valid: [{ name: 'comment with spaces after the key', text: `${KEYS.ed25519} Alice Smith (laptop)\n` }],
  invalid: [
    { name: 'one space', text: `ssh-ed25519 ${ed.slice(0, 30)} ${ed.slice(30)} alice\n`, hits: [{ line: 1, column: 43, endColumn: 44, message: 'a blank' }] },
    { name: 'two breaks', text: `ssh-ed25519 ${ed.slice(0, 20)} ${ed.slice(20, 40)}\t${ed.slice(40)}\n`, hits: [{ line: 1, message: '2 blanks' }] },
    { name: 'known_hosts', kind: 'known_hosts', text: `h ssh-ed25519 ${ed.slice(0, 30)} ${ed.slice(30)}\n`, hits: [{ line: 1 }] },
  ],
});

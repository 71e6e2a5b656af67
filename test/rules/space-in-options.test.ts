import rule from '../../src/rules/authorized-keys/space-in-options.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

const key = KEYS.ed25519;

ruleTable(rule, {
  valid: [
    { name: 'no blanks', text: `no-pty,no-agent-forwarding ${key}\n` },
    { name: 'blanks inside quotes', text: `command="echo a, b",no-pty ${key}\n` },
  ],
  invalid: [
    { name: 'space after comma', text: `no-pty, no-agent-forwarding ${key}\n`, hits: [{ line: 1, column: 8, endColumn: 9 }] },
    { name: 'tab after comma, several options', text: `no-pty,\tno-agent-forwarding, no-X11-forwarding ${key}\n`, hits: [{ line: 1, column: 8 }] },
  ],
});

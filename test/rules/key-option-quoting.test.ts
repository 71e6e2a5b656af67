import rule from '../../src/rules/authorized-keys/option-quoting.js';
import { KEYS } from '../fixtures/keys.js';
import { ruleTable } from './rule-tester.js';

const key = KEYS.ed25519;

ruleTable(rule, {
  valid: [
    { name: 'quoted values with escapes', text: `command="echo \\"hi\\"",from="10.0.0.0/8" ${key}\n` },
  ],
  invalid: [
    { name: 'unquoted command', text: `command=/usr/bin/backup ${key}\n`, hits: [{ line: 1, column: 1, message: 'missing start quote' }] },
    { name: 'single quotes', text: `from='10.0.0.1' ${key}\n`, hits: [{ line: 1, message: 'missing start quote' }] },
    { name: 'unterminated', text: `command="echo hi ${key}\n`, hits: [{ line: 1, column: 1, message: 'never closed' }] },
  ],
});

import rule from '../../src/rules/config/max-auth-tries.js';
import { configRuleTable } from './config-rule-tester.js';
import { STOCK_SSHD_CASES } from '../fixtures/stock-configs.js';

configRuleTable(rule, {
  valid: [
    ...STOCK_SSHD_CASES,
    { name: 'default', text: 'MaxAuthTries 6\n' },
    { name: 'CIS', text: 'MaxAuthTries 4\n' },
    { name: 'three', text: 'MaxAuthTries 3\n' },
    { name: 'ten', text: 'MaxAuthTries 10\n' },
    { name: 'dead 0', text: 'MaxAuthTries 4\nMaxAuthTries 0\n' },
  ],
  invalid: [
    { name: 'zero', text: 'MaxAuthTries 0\n', hits: [{ line: 1, column: 14, endColumn: 15, message: 'nobody can log in', severity: 'error' }] },
    { name: 'one', text: 'MaxAuthTries 1\n', hits: [{ line: 1, message: '2 or more keys' }] },
    { name: 'dev-sec 2', text: 'MaxAuthTries 2\n', hits: [{ line: 1, message: 'Too many authentication failures' }] },
    { name: 'high', text: 'MaxAuthTries 20\n', hits: [{ line: 1, message: 'is high', severity: 'note' }] },
    { name: 'in a Match block', text: 'Match User ci\n    MaxAuthTries 1\n', hits: [{ line: 2, message: 'Match User ci' }] },
    { name: '7.6: atoi reads a word as 0', version: '7.6', text: 'MaxAuthTries three\n', hits: [{ line: 1, message: 'nobody can log in' }] },
  ],
});

import rule from '../../src/rules/config/strict-modes-off.js';
import { configRuleTable } from './config-rule-tester.js';
import { STOCK_SSHD_CASES } from '../fixtures/stock-configs.js';

configRuleTable(rule, {
  valid: [...STOCK_SSHD_CASES, { name: 'yes', text: 'StrictModes yes\n' }, { name: 'dead no', text: 'StrictModes yes\nStrictModes no\n' }],
  invalid: [
    { name: 'no', text: 'StrictModes no\n', hits: [{ line: 1, column: 13, endColumn: 15, message: 'other users can write' }] },
    { name: 'in a drop-in', text: { sshd_config: 'Include /etc/ssh/sshd_config.d/*.conf\nStrictModes yes\n', 'sshd_config.d/00-fix.conf': 'StrictModes no\n' }, hits: [{ file: 'sshd_config.d/00-fix.conf', line: 1 }] },
  ],
});

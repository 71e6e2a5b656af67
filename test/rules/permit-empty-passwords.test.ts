import rule from '../../src/rules/config/permit-empty-passwords.js';
import { configRuleTable } from './config-rule-tester.js';
import { STOCK_SSHD_CASES } from '../fixtures/stock-configs.js';

configRuleTable(rule, {
  valid: [
    ...STOCK_SSHD_CASES,
    { name: 'no', text: 'PermitEmptyPasswords no\n' },
    { name: 'dead yes after no', text: 'PermitEmptyPasswords no\nPermitEmptyPasswords yes\n' },
    { name: 'commented', text: '#PermitEmptyPasswords yes\n' },
  ],
  invalid: [
    { name: 'top level', text: 'PermitEmptyPasswords yes\n', hits: [{ line: 1, column: 22, endColumn: 25, message: 'empty password' }] },
    { name: 'in a Match block', text: 'Match Address 10.0.0.0/8\n    PermitEmptyPasswords yes\n', hits: [{ line: 2, message: 'Match Address 10.0.0.0/8' }] },
    { name: 'in a drop-in', text: { sshd_config: 'Include /etc/ssh/sshd_config.d/*.conf\n', 'sshd_config.d/kiosk.conf': 'PermitEmptyPasswords yes\n' }, hits: [{ file: 'sshd_config.d/kiosk.conf', line: 1 }] },
  ],
});

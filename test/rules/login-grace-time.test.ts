import rule from '../../src/rules/config/login-grace-time.js';
import { configRuleTable } from './config-rule-tester.js';
import { STOCK_SSHD_CASES } from '../fixtures/stock-configs.js';

configRuleTable(rule, {
  valid: [
    ...STOCK_SSHD_CASES,
    { name: 'default', text: 'LoginGraceTime 2m\n' },
    { name: 'CIS', text: 'LoginGraceTime 60\n' },
    { name: 'ten minutes', text: 'LoginGraceTime 10m\n' },
    { name: 'dead 0', text: 'LoginGraceTime 30\nLoginGraceTime 0\n' },
  ],
  invalid: [
    { name: 'unlimited', text: 'LoginGraceTime 0\n', hits: [{ line: 1, column: 16, endColumn: 17, message: 'never drops' }] },
    { name: 'an hour', text: 'LoginGraceTime 1h\n', hits: [{ line: 1, message: '(1 h)' }] },
    { name: 'combined units', text: 'LoginGraceTime 10m1s\n', hits: [{ line: 1, message: '601 s' }] },
  ],
});

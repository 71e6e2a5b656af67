import rule from '../../src/rules/config/hostbased-authentication.js';
import { configRuleTable } from './config-rule-tester.js';
import { STOCK_SSHD_CASES } from '../fixtures/stock-configs.js';

configRuleTable(rule, {
  valid: [
    ...STOCK_SSHD_CASES,
    { name: 'defaults written out', text: 'HostbasedAuthentication no\nIgnoreRhosts yes\n' },
    { name: 'dead yes', text: 'HostbasedAuthentication no\nHostbasedAuthentication yes\n' },
  ],
  invalid: [
    { name: 'hostbased on', text: 'HostbasedAuthentication yes\n', hits: [{ line: 1, column: 25, endColumn: 28, message: 'root on any trusted host' }] },
    { name: 'hostbased in a Match block', text: 'Match Address 10.1.0.0/16\n    HostbasedAuthentication yes\n', hits: [{ line: 2 }] },
    { name: 'IgnoreRhosts no alone', text: 'IgnoreRhosts no\n', hits: [{ line: 1, message: 'harmless while host-based authentication is off' }] },
    {
      name: 'both',
      text: 'HostbasedAuthentication yes\nIgnoreRhosts no\n',
      hits: [{ line: 1 }, { line: 2, message: 'host-based authentication is on' }],
    },
    { name: 'shosts-only', text: 'IgnoreRhosts shosts-only\n', hits: [{ line: 1, message: '~/.shosts files' }] },
  ],
});

import rule from '../../src/rules/config/permit-root-login.js';
import { configRuleTable } from './config-rule-tester.js';
import { STOCK_SSHD_CASES } from '../fixtures/stock-configs.js';

configRuleTable(rule, {
  valid: [
    ...STOCK_SSHD_CASES,
    { name: 'prohibit-password (the default)', text: 'PermitRootLogin prohibit-password\n' },
    { name: 'no', text: 'PermitRootLogin no\n' },
    { name: 'forced-commands-only', text: 'PermitRootLogin forced-commands-only\n' },
    { name: 'dead yes after no', text: 'PermitRootLogin no\nPermitRootLogin yes\n' },
    { name: 'drop-in no wins over main yes', text: { sshd_config: 'Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin yes\n', 'sshd_config.d/10-root.conf': 'PermitRootLogin no\n' } },
    { name: 'Match limited to a network', text: 'PermitRootLogin no\nMatch Address 10.0.0.0/8\n    PermitRootLogin yes\n' },
    { name: 'Match for users that exclude root', text: 'Match User deploy,backup\n    PermitRootLogin yes\n' },
    { name: 'Match for a named group', text: 'Match Group sftponly\n    PermitRootLogin yes\n' },
    { name: 'Match User !root matches nobody', text: 'Match User !root\n    PermitRootLogin yes\n' },
    { name: 'commented out', text: '#PermitRootLogin yes\n' },
  ],
  invalid: [
    { name: 'top level', text: 'PermitRootLogin yes\n', hits: [{ line: 1, column: 17, endColumn: 20, message: 'root may log in with a password' }] },
    { name: 'capitalised value', text: 'PermitRootLogin Yes\n', hits: [{ line: 1 }] },
    { name: 'first of two', text: 'PermitRootLogin yes\nPermitRootLogin no\n', hits: [{ line: 1 }] },
    {
      name: 'drop-in read first',
      text: { sshd_config: 'Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin no\n', 'sshd_config.d/01-permitrootlogin.conf': 'PermitRootLogin yes\n' },
      hits: [{ file: 'sshd_config.d/01-permitrootlogin.conf', line: 1, message: 'included by sshd_config:1' }],
    },
    { name: 'Match all', text: 'PermitRootLogin no\nMatch all\n    PermitRootLogin yes\n', hits: [{ line: 3, message: 'for connections that match' }] },
    { name: 'Match User root', text: 'Match User root\n    PermitRootLogin yes\n', hits: [{ line: 2, message: 'Match User root' }] },
    { name: 'Match User with a wildcard', text: 'Match User *\n    PermitRootLogin yes\n', hits: [{ line: 2 }] },
    { name: 'old release', version: '7.4', text: 'PermitRootLogin yes\n', hits: [{ line: 1 }] },
  ],
});

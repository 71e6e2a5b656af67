import rule from '../../src/rules/client-config/strict-host-key-checking-off.js';
import { configRuleTable } from './config-rule-tester.js';
import { STOCK_SSH_CASES } from '../fixtures/stock-configs.js';

configRuleTable(rule, {
  valid: [
    ...STOCK_SSH_CASES,
    { name: 'accept-new', text: 'Host *\n    StrictHostKeyChecking accept-new\n' },
    { name: 'yes and ask', text: 'Host a\n    StrictHostKeyChecking yes\nHost *\n    StrictHostKeyChecking ask\n' },
    { name: 'dead no after yes', text: 'StrictHostKeyChecking yes\nHost lab\n    StrictHostKeyChecking no\n' },
    { name: '/dev/null with ask', text: 'Host *\n    UserKnownHostsFile /dev/null\n' },
  ],
  invalid: [
    { name: 'no for all hosts', text: 'Host *\n    StrictHostKeyChecking no\n', hits: [{ line: 2, column: 27, endColumn: 29, message: 'host key has changed' }] },
    { name: 'off for a lab subnet', text: 'Host 192.168.56.*\n    StrictHostKeyChecking off\n', hits: [{ line: 2, message: 'Host 192.168.56.*' }] },
    { name: 'false at the top level', text: 'StrictHostKeyChecking false\n', hits: [{ line: 1 }] },
    {
      name: 'no with /dev/null',
      text: 'Host *.internal\n    StrictHostKeyChecking no\n    UserKnownHostsFile /dev/null\n',
      hits: [{ line: 2, message: 'turns host authentication off entirely', severity: 'error' }],
    },
    { name: '/dev/null from Host *', text: 'Host ci-*\n    StrictHostKeyChecking no\nHost *\n    UserKnownHostsFile /dev/null\n', hits: [{ line: 2, message: 'off entirely' }] },
    { name: 'accept-new with /dev/null', text: 'StrictHostKeyChecking accept-new\nUserKnownHostsFile /dev/null\n', hits: [{ line: 1, message: 'no key is ever remembered' }] },
    { name: 'none (8.7+)', text: 'StrictHostKeyChecking no\nUserKnownHostsFile none\n', hits: [{ line: 1, message: 'off entirely' }] },
  ],
});

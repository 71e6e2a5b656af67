import rule from '../../src/rules/client-config/forward-agent-broad.js';
import { configRuleTable } from './config-rule-tester.js';
import { STOCK_SSH_CASES } from '../fixtures/stock-configs.js';

configRuleTable(rule, {
  valid: [
    ...STOCK_SSH_CASES,
    { name: 'named host', text: 'Host bastion.example.com\n    ForwardAgent yes\n' },
    { name: 'domain wildcard', text: 'Host *.corp.example.com\n    ForwardAgent yes\n' },
    { name: 'off everywhere', text: 'Host *\n    ForwardAgent no\n' },
    { name: 'dead yes after no', text: 'ForwardAgent no\nHost *\n    ForwardAgent yes\n' },
  ],
  invalid: [
    { name: 'Host *', text: 'Host *\n    ForwardAgent yes\n', hits: [{ line: 2, column: 18, endColumn: 21, message: 'root on any server' }] },
    { name: 'top level', text: 'ForwardAgent yes\n', hits: [{ line: 1, message: 'every host (top level)' }] },
    { name: 'Host * with an exception', text: 'Host * !untrusted.example.com\n    ForwardAgent yes\n', hits: [{ line: 2 }] },
    { name: 'Match all', text: 'Match all\n    ForwardAgent true\n', hits: [{ line: 2 }] },
    { name: 'socket path (8.2+)', text: 'Host *\n    ForwardAgent ~/.ssh/agent.sock\n', hits: [{ line: 2 }] },
    { name: 'after specific blocks', text: 'Host internal\n    ForwardAgent no\nHost *\n    ForwardAgent yes\n', hits: [{ line: 4 }] },
  ],
});

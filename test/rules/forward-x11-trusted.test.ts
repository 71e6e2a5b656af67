import rule from '../../src/rules/client-config/forward-x11-trusted.js';
import { configRuleTable } from './config-rule-tester.js';
import { STOCK_SSH_CASES } from '../fixtures/stock-configs.js';

configRuleTable(rule, {
  valid: [
    ...STOCK_SSH_CASES,
    { name: 'trusted without X11 forwarding', text: 'Host *\n    ForwardX11Trusted yes\n' },
    { name: 'X11 untrusted', text: 'Host *\n    ForwardX11 yes\n    ForwardX11Trusted no\n' },
    { name: 'different hosts', text: 'Host a\n    ForwardX11 yes\nHost b\n    ForwardX11Trusted yes\n' },
    { name: 'both for a named host', text: 'Host my-desktop\n    ForwardX11 yes\n    ForwardX11Trusted yes\n' },
    { name: 'X11 for one host, trusted for all', text: 'Host desktop\n    ForwardX11 yes\nHost *\n    ForwardX11Trusted yes\n' },
  ],
  invalid: [
    { name: 'both for all hosts', text: 'Host *\n    ForwardX11 yes\n    ForwardX11Trusted yes\n', hits: [{ line: 3, column: 23, endColumn: 26, message: 'read your keystrokes' }] },
    { name: 'trusted at the top, X11 for every host with exceptions', text: 'ForwardX11Trusted yes\nHost * !untrusted\n    ForwardX11 yes\n', hits: [{ line: 1, message: 'together with ForwardX11 yes' }] },
    { name: 'RHEL drop-in with ForwardX11 yes', text: { ssh_config: 'ForwardX11 yes\nInclude /etc/ssh/ssh_config.d/*.conf\n', 'ssh_config.d/50-redhat.conf': 'Match final all\n\tForwardX11Trusted yes\n' }, hits: [{ file: 'ssh_config.d/50-redhat.conf', line: 2 }] },
  ],
});

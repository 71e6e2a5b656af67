import rule from '../../src/rules/config/forwarding-enabled.js';
import { configRuleTable } from './config-rule-tester.js';
import { DEBIAN_SSHD_CONFIG, RHEL_SSHD_CONFIG, UBUNTU_2004_SSHD_CONFIG } from '../fixtures/stock-configs.js';

configRuleTable(rule, {
  valid: [
    { name: 'defaults (nothing written)', text: 'PermitRootLogin no\n' },
    { name: 'all off', text: 'AllowTcpForwarding no\nAllowAgentForwarding no\nX11Forwarding no\nGatewayPorts no\nPermitTunnel no\n' },
    { name: 'DisableForwarding wins', text: 'DisableForwarding yes\nAllowTcpForwarding yes\nX11Forwarding yes\n' },
    { name: 'allowed for one group', text: 'AllowTcpForwarding no\nMatch Group tunnel\n    AllowTcpForwarding yes\n' },
    { name: 'dead yes', text: 'X11Forwarding no\nX11Forwarding yes\n' },
  ],
  invalid: [
    // Opinionated and off by default: the stock Debian/RHEL X11Forwarding yes is what it reports.
    { name: 'stock Debian sshd_config (X11Forwarding yes)', text: DEBIAN_SSHD_CONFIG, version: '9.2', hits: [{ line: 43, message: 'X11 display proxy' }] },
    { name: 'stock Ubuntu 20.04', text: UBUNTU_2004_SSHD_CONFIG, version: '8.2', hits: [{ line: 5 }] },
    { name: 'stock RHEL 9', text: RHEL_SSHD_CONFIG, version: '8.7', hits: [{ file: 'sshd_config.d/50-redhat.conf', line: 16 }] },
    {
      name: 'several, in reading order',
      text: 'GatewayPorts clientspecified\nAllowTcpForwarding yes\nPermitTunnel point-to-point\nAllowAgentForwarding yes\nAllowStreamLocalForwarding all\n',
      hits: [{ line: 1, message: 'all interfaces' }, { line: 2, message: 'TCP tunnels' }, { line: 3, message: 'tun/tap' }, { line: 4, message: 'agents' }, { line: 5, message: 'Unix sockets' }],
    },
    { name: 'local only still counts', text: 'AllowTcpForwarding local\n', hits: [{ line: 1, column: 20, endColumn: 25 }] },
    { name: 'Match all', text: 'Match all\n    X11Forwarding yes\n', hits: [{ line: 2 }] },
  ],
});

import rule from '../../src/rules/config/directive-after-match.js';
import { configRuleTable } from './config-rule-tester.js';
import { STOCK_SSH_CASES, STOCK_SSHD_CASES } from '../fixtures/stock-configs.js';

configRuleTable(rule, {
  valid: [
    ...STOCK_SSHD_CASES,
    ...STOCK_SSH_CASES.map((c) => ({ ...c, kind: 'ssh_config' as const })),
    { name: 'indented block at the end', text: 'PasswordAuthentication no\nMatch User backup\n    ForceCommand /usr/local/bin/backup\n    AllowTcpForwarding no\n' },
    { name: 'unindented block throughout (no signal)', text: 'Match Group sftp\nChrootDirectory %h\nForceCommand internal-sftp\nAllowTcpForwarding no\n' },
    { name: 'next block starts unindented', text: 'Match User a\n    X11Forwarding no\nMatch User b\n    X11Forwarding no\n' },
    { name: 'after Match all', text: 'Match User a\n    X11Forwarding no\nMatch all\nPasswordAuthentication no\n' },
    { name: 'Match line itself indented, members deeper', text: '  Match User a\n    X11Forwarding no\n    AllowTcpForwarding no\n' },
    { name: 'PermitRootLogin in a block that root can match', text: 'Match Address 10.0.0.0/8\nPermitRootLogin yes\n' },
    { name: 'PermitRootLogin indented on purpose', text: 'Match User alice\n    PermitRootLogin no\n' },
    { name: 'a drop-in included inside a Match block', text: { sshd_config: 'Match User bob\n    Include /etc/ssh/bob.conf\n', 'bob.conf': 'X11Forwarding no\nAllowTcpForwarding no\n' } },
    { name: 'ssh: Host * at the end', kind: 'ssh_config', text: 'Host github.com\n    User git\nHost *\nServerAliveInterval 60\n' },
  ],
  invalid: [
    {
      name: 'appended hardening line',
      text: 'Match User backup\n    ForceCommand /usr/local/bin/backup\n    AllowTcpForwarding no\nPasswordAuthentication no\nPermitRootLogin no\n',
      hits: [{ line: 4, column: 1, message: '(and 1 more line after it) is not indented like the lines above it' }],
    },
    { name: 'back at the indentation of an indented Match line', text: '  Match User a\n    X11Forwarding no\n  AllowTcpForwarding no\n', hits: [{ line: 3, column: 3 }] },
    { name: 'tab-indented block', text: 'Match Group sftp\n\tChrootDirectory %h\n\tForceCommand internal-sftp\nX11Forwarding no\n', hits: [{ line: 4, message: 'Match Group sftp' }] },
    {
      name: 'in the middle, before another block',
      text: 'Match User a\n    X11Forwarding no\nPasswordAuthentication no\nMatch User b\n    X11Forwarding no\n',
      hits: [{ line: 3 }],
    },
    { name: 'in a drop-in', text: { sshd_config: 'Include /etc/ssh/sshd_config.d/*.conf\n', 'sshd_config.d/sftp.conf': 'Match Group sftp\n  ForceCommand internal-sftp\nPasswordAuthentication no\n' }, hits: [{ file: 'sshd_config.d/sftp.conf', line: 3 }] },
    { name: 'PermitRootLogin in a user block root never matches', text: 'Match User alice,bob\nX11Forwarding no\nPermitRootLogin no\n', hits: [{ line: 3, message: 'which root never matches, so it has no effect' }] },
    {
      name: 'ssh: line after a Host block',
      kind: 'ssh_config',
      text: 'Host github.com\n    IdentityFile ~/.ssh/github\n\nServerAliveInterval 60\n',
      hits: [{ line: 4, message: 'the next Host or Match line' }],
    },
  ],
});

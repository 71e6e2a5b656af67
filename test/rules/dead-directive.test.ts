import rule from '../../src/rules/config/dead-directive.js';
import { configRuleTable } from './config-rule-tester.js';
import { STOCK_SSH_CASES, STOCK_SSHD_CASES } from '../fixtures/stock-configs.js';

const MAIN = 'Include /etc/ssh/sshd_config.d/*.conf\n';

configRuleTable(rule, {
  valid: [
    ...STOCK_SSHD_CASES,
    ...STOCK_SSH_CASES.map((c) => ({ ...c, kind: 'ssh_config' as const })),
    { name: 'appending keywords', text: 'AllowUsers alice\nAllowUsers bob\nAcceptEnv LANG\nAcceptEnv LC_*\nHostKey /etc/ssh/a\nHostKey /etc/ssh/b\nPort 22\nPort 2222\n' },
    { name: 'global value, Match override', text: 'PasswordAuthentication no\nMatch Address 10.0.0.0/8\n    PasswordAuthentication yes\n' },
    { name: 'different Match blocks', text: 'Match User a\n    X11Forwarding no\nMatch User b\n    X11Forwarding no\n' },
    { name: 'two rejected Match lines are not one scope', text: 'Match Colour red\n    X11Forwarding no\nMatch Colour blue\n    X11Forwarding yes\n' },
    { name: 'specific block before Match all', text: 'Match User a\n    X11Forwarding yes\nMatch all\n    X11Forwarding no\n' },
    { name: 'different Subsystem names', text: 'Subsystem sftp internal-sftp\nSubsystem backup /usr/bin/backup\n' },
    { name: 'deprecated keyword twice', text: 'Protocol 2\nProtocol 2\n' },
    { name: 'ssh: specific hosts first, Host * last', kind: 'ssh_config', text: 'Host a\n    User alice\nHost b\n    User bob\nHost *\n    User nobody\n' },
    { name: 'ssh: IdentityFile appends', kind: 'ssh_config', text: 'Host *\n    IdentityFile ~/.ssh/a\nHost x\n    IdentityFile ~/.ssh/b\n' },
    { name: 'ssh: Match final is read later', kind: 'ssh_config', text: 'Host *\n    ForwardX11Trusted no\nMatch final all\n    ForwardX11Trusted yes\n' },
    { name: 'ssh: negated Host * is not every host', kind: 'ssh_config', text: 'Host * !bastion\n    ForwardAgent no\nHost bastion\n    ForwardAgent yes\n' },
  ],
  invalid: [
    { name: 'same scope', text: 'PermitRootLogin no\nPasswordAuthentication no\nPermitRootLogin yes\n', hits: [{ line: 3, message: 'already set by `PermitRootLogin no` at sshd_config:1' }] },
    { name: 'repeated identical line', text: 'UsePAM yes\nUsePAM yes\n', hits: [{ line: 2, message: 'same value' }] },
    {
      name: 'drop-in beats main file',
      text: { sshd_config: `${MAIN}PasswordAuthentication no\n`, 'sshd_config.d/50-cloud-init.conf': 'PasswordAuthentication yes\n' },
      hits: [{ line: 2, message: 'sshd_config.d/50-cloud-init.conf:1 — the Include that brings it in comes first' }],
    },
    {
      name: 'lexically first drop-in wins',
      text: { sshd_config: MAIN, 'sshd_config.d/50-cloud-init.conf': 'PasswordAuthentication yes\n', 'sshd_config.d/99-hardening.conf': 'PasswordAuthentication no\n' },
      hits: [{ file: 'sshd_config.d/99-hardening.conf', line: 1 }],
    },
    { name: 'alias', text: 'ChallengeResponseAuthentication no\nKbdInteractiveAuthentication yes\n', hits: [{ line: 2, message: 'set the same option' }] },
    { name: 'same Match criteria twice', text: 'Match User bob\n    X11Forwarding no\nMatch User bob\n    X11Forwarding yes\n', hits: [{ line: 4 }] },
    { name: 'twice in one Match block', text: 'Match User bob\n    X11Forwarding no\n    X11Forwarding yes\n', hits: [{ line: 3 }] },
    { name: 'after Match all', text: 'Match all\n    X11Forwarding no\nMatch User bob\n    X11Forwarding yes\n', hits: [{ line: 4, message: 'matches every connection and comes first' }] },
    { name: 'top level replaced by Match all', text: 'X11Forwarding yes\nMatch all\n    X11Forwarding no\n', hits: [{ line: 1, message: 'replaced for every connection' }] },
    { name: 'repeated Subsystem name (9.5+)', text: 'Subsystem sftp /usr/lib/openssh/sftp-server\nSubsystem sftp internal-sftp\n', hits: [{ line: 2 }] },
    {
      name: 'ssh: Host * first shadows specific hosts',
      kind: 'ssh_config',
      text: 'Host *\n    User nobody\n    ServerAliveInterval 60\nHost work\n    User alice\n',
      hits: [{ line: 5, message: 'applies to every host and comes first' }],
    },
    { name: 'ssh: top level shadows a later block', kind: 'ssh_config', text: 'ForwardAgent no\nHost bastion\n    ForwardAgent yes\n', hits: [{ line: 3 }] },
    { name: 'ssh: same Host twice', kind: 'ssh_config', text: 'Host a\n    Port 22\nHost a\n    Port 2222\n', hits: [{ line: 4 }] },
  ],
});

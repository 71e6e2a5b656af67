import rule from '../../src/rules/config/pubkey-authentication-off.js';
import { configRuleTable } from './config-rule-tester.js';
import { STOCK_SSHD_CASES } from '../fixtures/stock-configs.js';

configRuleTable(rule, {
  valid: [
    ...STOCK_SSHD_CASES,
    { name: 'yes', text: 'PubkeyAuthentication yes\n' },
    { name: 'off for one group only', text: 'Match Group sftp-password\n    PubkeyAuthentication no\n' },
    { name: 'dead no', text: 'PubkeyAuthentication yes\nPubkeyAuthentication no\n' },
    { name: 'drop-in yes wins', text: { sshd_config: 'Include /etc/ssh/sshd_config.d/*.conf\nPubkeyAuthentication no\n', 'sshd_config.d/10.conf': 'PubkeyAuthentication yes\n' } },
  ],
  invalid: [
    { name: 'passwords left', text: 'PubkeyAuthentication no\n', hits: [{ line: 1, column: 22, endColumn: 24, message: 'only password, keyboard-interactive authentication remain' }] },
    {
      name: 'nothing left',
      text: 'PubkeyAuthentication no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n',
      hits: [{ line: 1, message: 'nobody can log in at all' }],
    },
    { name: 'old alias', text: 'DSAAuthentication no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nGSSAPIAuthentication yes\n', hits: [{ line: 1, message: 'only GSSAPI authentication remains' }] },
    { name: 'Match all', text: 'Match all\n    PubkeyAuthentication no\n', hits: [{ line: 2 }] },
    {
      name: '8.6: ChallengeResponseAuthentication no and no kbd-int',
      version: '8.6',
      text: 'PubkeyAuthentication no\nPasswordAuthentication no\nChallengeResponseAuthentication no\n',
      hits: [{ line: 1, message: 'nobody can log in at all' }],
    },
  ],
});

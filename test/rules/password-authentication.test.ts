import rule from '../../src/rules/config/password-authentication.js';
import { configRuleTable } from './config-rule-tester.js';
import { STOCK_SSHD_CASES } from '../fixtures/stock-configs.js';

const MAIN = 'Include /etc/ssh/sshd_config.d/*.conf\n';

configRuleTable(rule, {
  valid: [
    ...STOCK_SSHD_CASES,
    { name: 'default (not set)', text: 'PubkeyAuthentication yes\n' },
    { name: 'no, kbd-int no, PAM', text: 'PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM yes\n' },
    { name: 'no, old alias off (8.7+)', text: 'ChallengeResponseAuthentication no\nPasswordAuthentication no\nUsePAM yes\n' },
    { name: 'no, kbd-int on without PAM', text: 'PasswordAuthentication no\nKbdInteractiveAuthentication yes\nUsePAM no\n' },
    { name: 'no, kbd-int default, PAM not set', text: 'PasswordAuthentication no\n' },
    { name: 'MFA: key then keyboard-interactive', text: 'PasswordAuthentication no\nKbdInteractiveAuthentication yes\nUsePAM yes\nAuthenticationMethods publickey,keyboard-interactive\n' },
    { name: 'yes only for a network', text: 'PasswordAuthentication no\nKbdInteractiveAuthentication no\nMatch Address 192.168.0.0/16\n    PasswordAuthentication yes\n' },
    { name: 'yes only for a group', text: 'PasswordAuthentication no\nMatch Group sftp\n    PasswordAuthentication yes\n' },
    { name: 'dead yes after no', text: 'PasswordAuthentication no\nPasswordAuthentication yes\n' },
    { name: 'drop-in no wins over main yes', text: { sshd_config: `${MAIN}PasswordAuthentication yes\n`, 'sshd_config.d/50-cloud-init.conf': 'PasswordAuthentication no\n' } },
    { name: '8.6: ChallengeResponseAuthentication no keeps kbd-int off', version: '8.6', text: 'PasswordAuthentication no\nChallengeResponseAuthentication no\nUsePAM yes\n' },
  ],
  invalid: [
    { name: 'explicit yes', text: 'PasswordAuthentication yes\n', hits: [{ line: 1, column: 24, endColumn: 27, message: 'PasswordAuthentication yes takes effect' }] },
    {
      name: 'cloud-init drop-in beats the hardening line',
      text: { sshd_config: `${MAIN}PasswordAuthentication no\n`, 'sshd_config.d/50-cloud-init.conf': 'PasswordAuthentication yes\n' },
      hits: [{ file: 'sshd_config.d/50-cloud-init.conf', line: 1, message: 'wins over `PasswordAuthentication no` at sshd_config:2' }],
    },
    {
      name: 'lexically first drop-in wins',
      text: { sshd_config: MAIN, 'sshd_config.d/50-cloud-init.conf': 'PasswordAuthentication yes\n', 'sshd_config.d/99-hardening.conf': 'PasswordAuthentication no\n' },
      hits: [{ file: 'sshd_config.d/50-cloud-init.conf', line: 1, message: 'sshd_config.d/99-hardening.conf:1' }],
    },
    { name: 'Match all', text: 'PasswordAuthentication no\nKbdInteractiveAuthentication no\nMatch all\n    PasswordAuthentication yes\n', hits: [{ line: 4 }] },
    {
      name: 'kbd-int yes with PAM',
      text: 'PasswordAuthentication no\nKbdInteractiveAuthentication yes\nUsePAM yes\n',
      hits: [{ line: 2, column: 30, message: 'passwords still work although PasswordAuthentication is no' }],
    },
    {
      name: 'kbd-int through the old alias (8.7+)',
      text: 'ChallengeResponseAuthentication yes\nPasswordAuthentication no\nUsePAM yes\n',
      hits: [{ line: 1, message: 'ChallengeResponseAuthentication yes with UsePAM yes' }],
    },
    {
      name: 'kbd-int left at its default (yes since 8.7)',
      text: 'PasswordAuthentication no\nUsePAM yes\n',
      hits: [{ line: 1, message: 'KbdInteractiveAuthentication defaults to yes' }],
    },
    {
      name: '8.6: ChallengeResponseAuthentication default turns kbd-int on',
      version: '8.6',
      text: 'PasswordAuthentication no\nUsePAM yes\n',
      hits: [{ line: 1, message: 'ChallengeResponseAuthentication defaults to yes' }],
    },
    {
      name: 'AuthenticationMethods allowing keyboard-interactive alone',
      text: 'PasswordAuthentication no\nKbdInteractiveAuthentication yes\nUsePAM yes\nAuthenticationMethods publickey keyboard-interactive\n',
      hits: [{ line: 2 }],
    },
    {
      name: 'early alias beats later KbdInteractiveAuthentication no',
      text: { sshd_config: `${MAIN}KbdInteractiveAuthentication no\nPasswordAuthentication no\nUsePAM yes\n`, 'sshd_config.d/10-mfa.conf': 'ChallengeResponseAuthentication yes\n' },
      hits: [{ file: 'sshd_config.d/10-mfa.conf', line: 1 }],
    },
    {
      name: '8.6: KbdInteractiveAuthentication no is not enough',
      version: '8.6',
      text: 'PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM yes\n',
      hits: [{ line: 1, message: 'KbdInteractiveAuthentication no (sshd_config:2) is not enough before OpenSSH 8.7' }],
    },
  ],
});

import rule from '../../src/rules/config-crypto/post-quantum-kex-missing.js';
import { STOCK_CONFIG_CASES } from '../fixtures/stock-configs.js';
import { configRuleTable } from './config-rule-tester.js';

configRuleTable(rule, {
  valid: [
    ...STOCK_CONFIG_CASES,
    { name: 'ML-KEM first', text: 'KexAlgorithms mlkem768x25519-sha256,curve25519-sha256\n' },
    { name: 'sntrup761 on 9.2', version: '9.2', text: 'KexAlgorithms sntrup761x25519-sha512@openssh.com,curve25519-sha256\n' },
    { name: 'a + edit keeps the defaults', text: 'KexAlgorithms +diffie-hellman-group14-sha256\n' },
    { name: 'a - edit that keeps one', text: 'KexAlgorithms -sntrup761x25519-sha512*\n' },
    { name: 'before 9.0 (no post-quantum default yet)', version: '8.9', text: 'KexAlgorithms curve25519-sha256\n' },
    { name: 'ssh: for one named old host', kind: 'ssh_config', text: 'Host old-switch\n    KexAlgorithms diffie-hellman-group14-sha256\n' },
    { name: 'a dead line', text: 'KexAlgorithms mlkem768x25519-sha256\nKexAlgorithms curve25519-sha256\n' },
    { name: 'malformed (too new for 9.2)', version: '9.2', text: 'KexAlgorithms mlkem768x25519-sha256\n' },
  ],
  invalid: [
    {
      name: 'an old hardening guide\'s list',
      text: 'KexAlgorithms curve25519-sha256,curve25519-sha256@libssh.org,diffie-hellman-group16-sha512,diffie-hellman-group18-sha512\n',
      hits: [{ line: 1, column: 15, message: 'leaves out every post-quantum key exchange that OpenSSH 10.5 offers by default' }],
    },
    { name: 'on 9.2: recommends sntrup761', version: '9.2', text: 'KexAlgorithms curve25519-sha256\n', hits: [{ line: 1, message: 'ssh 10.1 and later warn' }] },
    { name: 'a - edit that removes them', text: 'KexAlgorithms -sntrup*,mlkem*\n', hits: [{ line: 1, column: 15, endColumn: 30 }] },
    { name: 'ssh on 10.5 warns itself', kind: 'ssh_config', text: 'Host *\n    KexAlgorithms curve25519-sha256\n', hits: [{ line: 2, message: 'ssh warns about it on every connection' }] },
    { name: 'in a drop-in', text: { sshd_config: 'Include /etc/ssh/sshd_config.d/*.conf\n', 'sshd_config.d/hardening.conf': 'KexAlgorithms curve25519-sha256\n' }, hits: [{ file: 'sshd_config.d/hardening.conf', line: 1 }] },
  ],
});

import rule from '../../src/rules/config-crypto/terrapin-exposure.js';
import { STOCK_CONFIG_CASES } from '../fixtures/stock-configs.js';
import { configRuleTable } from './config-rule-tester.js';

configRuleTable(rule, {
  valid: [
    ...STOCK_CONFIG_CASES,
    { name: 'stock config on 9.2: the defaults are nobody\'s choice (and distributions backported strict KEX)', version: '9.2', text: 'UsePAM yes\n' },
    { name: 'chacha20 written, on 9.6 (strict KEX)', version: '9.6', text: 'Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com\n' },
    { name: 'chacha20 written, on the newest release', text: 'Ciphers chacha20-poly1305@openssh.com\n' },
    { name: 'the usual mitigation on 9.2', version: '9.2', text: 'Ciphers -chacha20-poly1305@openssh.com\n' },
    { name: 'an explicit list without chacha20 or CBC on 9.2', version: '9.2', text: 'Ciphers aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr\n' },
    { name: 'a + edit keeps the default chacha20 (not a choice)', version: '9.2', text: 'Ciphers +aes256-ctr\n' },
    { name: 'CBC without EtM MACs on 9.2', version: '9.2', text: 'Ciphers aes256-ctr,aes128-cbc\nMACs hmac-sha2-256,hmac-sha2-512\n' },
    { name: 'a dead line on 9.2', version: '9.2', text: 'Ciphers aes256-ctr\nCiphers chacha20-poly1305@openssh.com\n' },
    { name: 'malformed on 9.2', version: '9.2', text: 'Ciphers chacha20-poly1305@openssh.com,arcfour\n' },
  ],
  invalid: [
    {
      name: 'chacha20 written on 9.2',
      version: '9.2',
      text: 'Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com\n',
      hits: [{ line: 1, column: 9, endColumn: 38, message: 'On OpenSSH 9.2 (before 9.6: no strict key exchange) `chacha20-poly1305@openssh.com` is open to the Terrapin attack' }],
    },
    { name: 'a - edit that keeps chacha20 on 8.9', version: '8.9', text: 'Ciphers -aes128-ctr\n', hits: [{ line: 1, column: 9, endColumn: 20 }] },
    {
      name: 'CBC with the default EtM MACs on 9.2',
      version: '9.2',
      text: 'Ciphers aes256-ctr,aes256-cbc\n',
      hits: [{ line: 1, column: 20, endColumn: 30, message: '`aes256-cbc` with the encrypt-then-MAC MACs enabled by default (`umac-64-etm@openssh.com`, …)' }],
    },
    {
      name: 'CBC with an EtM MACs line',
      version: '9.2',
      text: 'MACs hmac-sha2-256-etm@openssh.com\nCiphers aes128-cbc,aes256-ctr\n',
      hits: [{ line: 2, column: 9, message: 'with the encrypt-then-MAC MAC `hmac-sha2-256-etm@openssh.com`' }],
    },
    { name: 'both', version: '9.0', text: 'Ciphers chacha20-poly1305@openssh.com,aes128-cbc\n', hits: [{ line: 1, column: 9, message: 'and `aes128-cbc` with' }] },
    { name: 'ssh: Host * on 8.9', version: '8.9', kind: 'ssh_config', text: 'Host *\n    Ciphers chacha20-poly1305@openssh.com,aes256-ctr\n', hits: [{ line: 2, column: 13 }] },
    {
      name: 'ssh: a host block uses the global MACs line',
      version: '9.2',
      kind: 'ssh_config',
      text: 'Host old\n    Ciphers aes128-cbc\nHost *\n    MACs hmac-sha2-512-etm@openssh.com\n',
      hits: [{ line: 2, message: '`hmac-sha2-512-etm@openssh.com`' }],
    },
  ],
});

import rule from '../../src/rules/config-crypto/disputed-algorithm.js';
import { STOCK_CONFIG_CASES } from '../fixtures/stock-configs.js';
import { configRuleTable } from './config-rule-tester.js';

configRuleTable(rule, {
  valid: [
    ...STOCK_CONFIG_CASES,
    { name: 'ssh-audit-clean lists', text: 'Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes256-ctr\nMACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com,umac-128-etm@openssh.com\nKexAlgorithms mlkem768x25519-sha256,sntrup761x25519-sha512,curve25519-sha256,diffie-hellman-group16-sha512\nHostKeyAlgorithms ssh-ed25519,rsa-sha2-512,rsa-sha2-256\n' },
    { name: 'non-post-quantum names are SSH434\'s', text: 'KexAlgorithms curve25519-sha256,diffie-hellman-group18-sha512\n' },
    { name: 'weak names are SSH430\'s', text: 'MACs hmac-md5,hmac-sha1-96\nHostKeyAlgorithms ssh-rsa\n' },
    { name: 'a - edit that removes them all', text: 'MACs -umac-64*,hmac-sha1*,hmac-sha2-256,hmac-sha2-512,umac-128@openssh.com\n' },
    { name: 'ssh: for one named host', kind: 'ssh_config', text: 'Host yubikey-box\n    HostKeyAlgorithms ecdsa-sha2-nistp256\n' },
    { name: 'a dead line', text: 'MACs hmac-sha2-256-etm@openssh.com\nMACs hmac-sha1\n' },
  ],
  invalid: [
    {
      name: 'NIST ECDH and umac-64',
      text: 'KexAlgorithms curve25519-sha256,ecdh-sha2-nistp256\nMACs hmac-sha2-256-etm@openssh.com,umac-64-etm@openssh.com\n',
      hits: [
        { line: 1, column: 33, endColumn: 51, message: '`ecdh-sha2-nistp256` (NIST P-curve: ssh-audit fails it as possibly back-doored; CIS, Mozilla and OpenSSH' },
        { line: 2, column: 36, message: '64-bit tag' },
      ],
    },
    { name: 'hmac-sha1', text: 'MACs hmac-sha1\n', hits: [{ line: 1, column: 6, message: 'no practical attack on HMAC-SHA1 is known' }] },
    { name: 'encrypt-and-MAC', text: 'MACs hmac-sha2-256\n', hits: [{ line: 1, message: 'encrypt-and-MAC' }] },
    { name: 'ECDSA host keys', text: 'HostKeyAlgorithms ssh-ed25519,ecdsa-sha2-nistp256\n', hits: [{ line: 1, column: 31, message: 'random nonce' }] },
    { name: 'group14-sha256', text: 'KexAlgorithms diffie-hellman-group14-sha256\n', hits: [{ line: 1, message: '2048-bit group' }] },
    { name: 'a wildcard', text: 'HostKeyAlgorithms ecdsa-sha2-nistp256*\n', hits: [{ line: 1, column: 19, message: '`ecdsa-sha2-nistp256-cert-v01@openssh.com`' }] },
    { name: 'added with +', kind: 'ssh_config', text: 'MACs +hmac-sha1\n', hits: [{ line: 1, column: 7 }] },
    { name: 'a - edit that leaves some', text: 'MACs -hmac-sha1*\n', hits: [{ line: 1, column: 6, message: "from OpenSSH 10.5's defaults" }] },
  ],
});

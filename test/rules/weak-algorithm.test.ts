import rule from '../../src/rules/config-crypto/weak-algorithm.js';
import { STOCK_CONFIG_CASES } from '../fixtures/stock-configs.js';
import { configRuleTable } from './config-rule-tester.js';

configRuleTable(rule, {
  valid: [
    ...STOCK_CONFIG_CASES,
    { name: 'stock config on the oldest release, whose defaults still had ssh-rsa and group14-sha1', version: '7.4', text: 'UsePAM yes\nX11Forwarding yes\n' },
    { name: 'strong explicit lists', text: 'Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-ctr\nMACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com\nKexAlgorithms mlkem768x25519-sha256,curve25519-sha256\nHostKeyAlgorithms ssh-ed25519,rsa-sha2-512,rsa-sha2-256\n' },
    { name: '+ edits are SSH431\'s', text: 'HostKeyAlgorithms +ssh-rsa\nKexAlgorithms +diffie-hellman-group1-sha1\n' },
    { name: 'a - edit that leaves nothing weak', text: 'Ciphers -chacha20-poly1305@openssh.com\nMACs -*sha1*\n' },
    { name: 'a - edit on 8.4 that removes ssh-rsa', version: '8.4', text: 'HostKeyAlgorithms -ssh-rsa*\n' },
    { name: 'a dead duplicate (the first line wins)', text: 'Ciphers aes256-ctr\nCiphers 3des-cbc\n' },
    { name: 'a drop-in wins over the main file', text: { sshd_config: 'Include /etc/ssh/sshd_config.d/*.conf\nCiphers aes128-cbc\n', 'sshd_config.d/10-crypto.conf': 'Ciphers aes256-gcm@openssh.com\n' } },
    { name: 'a malformed list is another rule\'s', text: 'Ciphers aes256-ctr,arcfour\n' },
    { name: 'extra arguments: malformed', text: 'Ciphers aes256-ctr, aes128-cbc\n' },
    { name: 'disputed names only (hmac-sha1, umac-64, NIST curves)', text: 'MACs hmac-sha1,umac-64@openssh.com\nKexAlgorithms ecdh-sha2-nistp256,diffie-hellman-group14-sha256\n' },
    { name: 'ssh: a weak list for one named host', kind: 'ssh_config', text: 'Host old-router\n    KexAlgorithms diffie-hellman-group1-sha1\n    Ciphers aes128-cbc\n\nHost *\n    SendEnv LANG LC_*\n' },
    { name: 'ssh: a Host * block after a top-level line is dead', kind: 'ssh_config', text: 'Ciphers aes256-ctr\nHost *\n    Ciphers 3des-cbc\n' },
    { name: 'ssh: a host block after a global line is dead', kind: 'ssh_config', text: 'Host *\n    Ciphers aes256-ctr\nHost *.example.com\n    Ciphers 3des-cbc\n' },
    { name: 'sshd: a Match block for one address', text: 'Match Address 192.0.2.10\n    PubkeyAcceptedAlgorithms ssh-rsa\n' },
    { name: 'a commented-out weak list', text: '#Ciphers aes128-cbc,3des-cbc\n' },
  ],
  invalid: [
    {
      name: 'CBC and 3DES ciphers',
      text: 'Ciphers aes256-ctr,aes128-cbc,3des-cbc\n',
      hits: [
        { line: 1, column: 20, endColumn: 30, message: '`aes128-cbc` (CBC mode)' },
        { line: 1, column: 31, endColumn: 39, message: '3DES: broken and deprecated' },
      ],
    },
    { name: 'an MD5 MAC', text: 'MACs hmac-sha2-256-etm@openssh.com,hmac-md5\n', hits: [{ line: 1, column: 36, endColumn: 44, message: 'MD5 is broken' }] },
    { name: 'a truncated SHA-1 MAC', text: 'MACs hmac-sha1-96\n', hits: [{ line: 1, column: 6, message: 'MAC truncated to 96 bits' }] },
    {
      name: 'SHA-1 key exchanges',
      text: 'KexAlgorithms curve25519-sha256,diffie-hellman-group14-sha1,diffie-hellman-group-exchange-sha1\n',
      hits: [
        { line: 1, column: 33, message: 'SHA-1' },
        { line: 1, column: 61, message: 'diffie-hellman-group-exchange-sha1' },
      ],
    },
    { name: 'group1', text: 'KexAlgorithms diffie-hellman-group1-sha1\n', hits: [{ line: 1, column: 15, message: '1024-bit modulus' }] },
    { name: 'ssh-rsa host key signatures', text: 'HostKeyAlgorithms ssh-ed25519,ssh-rsa\n', hits: [{ line: 1, column: 31, endColumn: 38, message: 'SHA-1' }] },
    { name: 'a wildcard that selects ssh-rsa', text: 'PubkeyAcceptedAlgorithms ssh-ed25519,ssh-rsa*\n', hits: [{ line: 1, column: 38, endColumn: 46, message: '`ssh-rsa*` selects `ssh-rsa`' }] },
    { name: 'CASignatureAlgorithms ssh-rsa', text: 'CASignatureAlgorithms ssh-ed25519,ssh-rsa\n', hits: [{ line: 1, message: 'CASignatureAlgorithms enables `ssh-rsa`' }] },
    { name: 'the old PubkeyAcceptedKeyTypes spelling on 8.4', version: '8.4', text: 'PubkeyAcceptedKeyTypes ssh-rsa,ssh-ed25519\n', hits: [{ line: 1, column: 24, endColumn: 31 }] },
    { name: 'ssh-dss on 9.2', version: '9.2', text: 'HostKeyAlgorithms ssh-ed25519,ssh-dss\n', hits: [{ line: 1, message: 'DSA' }] },
    { name: 'a quoted list', text: 'Ciphers "aes256-ctr,aes128-cbc"\n', hits: [{ line: 1, column: 21, endColumn: 31 }] },
    { name: 'a - edit on 8.4 that leaves ssh-rsa', version: '8.4', text: 'HostKeyAlgorithms -ecdsa-sha2-nistp*\n', hits: [{ line: 1, column: 19, message: 'still enables `ssh-rsa-cert-v01@openssh.com` and `ssh-rsa` (SHA-1' }] },
    { name: 'a - edit on 8.1 that leaves group14-sha1', version: '8.1', text: 'KexAlgorithms -ecdh-sha2-nistp256\n', hits: [{ line: 1, message: "from OpenSSH 8.1's defaults" }] },
    { name: 'in a drop-in', text: { sshd_config: 'Include /etc/ssh/sshd_config.d/*.conf\n', 'sshd_config.d/50-crypto.conf': '# legacy\nCiphers aes256-ctr,aes128-cbc\n' }, hits: [{ file: 'sshd_config.d/50-crypto.conf', line: 2 }] },
    { name: 'the first line wins, the second is not judged', text: 'Ciphers aes128-cbc\nCiphers 3des-cbc\n', hits: [{ line: 1 }] },
    { name: 'sshd: a Match all block is judged on its own', text: 'PubkeyAcceptedAlgorithms ssh-ed25519\nMatch all\n    PubkeyAcceptedAlgorithms ssh-rsa\n', hits: [{ line: 3, column: 30 }] },
    { name: 'ssh: Host *', kind: 'ssh_config', text: 'Host *\n    MACs hmac-sha2-256-etm@openssh.com,hmac-md5\n', hits: [{ line: 2, column: 40 }] },
    { name: 'ssh: a top-level line before any Host', kind: 'ssh_config', text: 'Ciphers aes256-cbc\nHost *\n    Ciphers aes256-ctr\n', hits: [{ line: 1, column: 9 }] },
  ],
});

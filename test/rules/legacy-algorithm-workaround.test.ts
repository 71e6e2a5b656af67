import rule from '../../src/rules/config-crypto/legacy-algorithm-workaround.js';
import { STOCK_CONFIG_CASES } from '../fixtures/stock-configs.js';
import { configRuleTable } from './config-rule-tester.js';

configRuleTable(rule, {
  valid: [
    ...STOCK_CONFIG_CASES,
    { name: 'scoped to one host, before Host *', text: 'Host old-switch.example.net\n    HostKeyAlgorithms +ssh-rsa\n    KexAlgorithms +diffie-hellman-group1-sha1\n    Ciphers +aes128-cbc\n\nHost *\n    HashKnownHosts yes\n' },
    { name: 'sshd: scoped to one client with Match', kind: 'sshd_config', text: 'Match Address 192.0.2.10\n    PubkeyAcceptedAlgorithms +ssh-rsa\n' },
    { name: 'adding strong names', text: 'KexAlgorithms +sntrup761x25519-sha512@openssh.com\nHostKeyAlgorithms +ssh-ed25519-cert-v01@openssh.com\n' },
    { name: 'adding a disputed name (SSH433\'s)', text: 'MACs +hmac-sha1\nKexAlgorithms +ecdh-sha2-nistp256\n' },
    { name: 'an explicit list (SSH430\'s)', text: 'HostKeyAlgorithms ssh-ed25519,ssh-rsa\n' },
    { name: 'removing names', text: 'HostKeyAlgorithms -ssh-rsa\n' },
    { name: 'a dead line after the global setting', text: 'Host *\n    HostKeyAlgorithms ssh-ed25519\nHost old\n    HostKeyAlgorithms +ssh-rsa\n' },
    { name: '+ssh-dss on 10.x is malformed (another rule\'s)', text: 'PubkeyAcceptedAlgorithms +ssh-dss\n' },
    { name: 'a commented-out workaround', text: '#   HostKeyAlgorithms +ssh-rsa\n' },
    { name: 'a no-op on 8.4, where ssh-rsa is still a default', version: '8.4', text: 'HostKeyAlgorithms +ssh-rsa\nPubkeyAcceptedKeyTypes +ssh-rsa\n' },
    { name: 'a no-op on 8.1, where group14-sha1 is still a default', version: '8.1', text: 'KexAlgorithms +diffie-hellman-group14-sha1\n' },
  ],
  invalid: [
    {
      name: 'the ssh-rsa workaround for every host',
      text: 'Host *\n    HostKeyAlgorithms +ssh-rsa\n    PubkeyAcceptedAlgorithms +ssh-rsa\n',
      hits: [
        { line: 2, column: 24, endColumn: 31, message: 're-enables `ssh-rsa`, which OpenSSH 10.5 leaves out by default' },
        { line: 3, column: 31, endColumn: 38, message: 'every host this `Host *` block matches' },
      ],
    },
    { name: 'top level of a user config', text: 'HostKeyAlgorithms +ssh-rsa\n', hits: [{ line: 1, message: 'every host ssh connects to' }] },
    {
      name: 'old key exchanges',
      text: 'KexAlgorithms +diffie-hellman-group1-sha1,diffie-hellman-group14-sha1\n',
      hits: [
        { line: 1, column: 16, endColumn: 42, message: '1024-bit Oakley group' },
        { line: 1, column: 43, message: 'without SHA-2 key exchange' },
      ],
    },
    { name: 'CBC ciphers in one element each', text: 'Ciphers +aes128-cbc,3des-cbc\n', hits: [{ line: 1, column: 10, message: 'CBC ciphers' }, { line: 1, column: 21 }] },
    { name: 'a wildcard', text: 'HostKeyAlgorithms +ssh-rsa*\n', hits: [{ line: 1, column: 20, endColumn: 28, message: 're-enables `ssh-rsa` and `ssh-rsa-cert-v01@openssh.com`' }] },
    { name: '^ (put first) on 9.2', version: '9.2', text: 'HostKeyAlgorithms ^ssh-rsa\n', hits: [{ line: 1, column: 20, message: '`^ssh-rsa`' }] },
    { name: '^ on 8.4 puts the default ssh-rsa first', version: '8.4', text: 'HostKeyAlgorithms ^ssh-rsa\n', hits: [{ line: 1, message: 'makes `ssh-rsa` the first choice' }] },
    { name: 'ssh-dss on 9.2', version: '9.2', text: 'PubkeyAcceptedAlgorithms +ssh-dss\n', hits: [{ line: 1, message: 'DSA' }] },
    { name: 'the old spelling on 8.8', version: '8.8', text: 'PubkeyAcceptedKeyTypes +ssh-rsa\n', hits: [{ line: 1, message: 'PubkeyAcceptedAlgorithms `+ssh-rsa` re-enables `ssh-rsa`, which OpenSSH 8.8 leaves out' }] },
    {
      name: 'sshd: PubkeyAcceptedAlgorithms can be limited with Match',
      kind: 'sshd_config',
      text: 'PubkeyAcceptedAlgorithms +ssh-rsa\n',
      hits: [{ line: 1, column: 27, message: 'every client of this server' }],
    },
    { name: 'sshd: HostKeyAlgorithms cannot', kind: 'sshd_config', text: 'HostKeyAlgorithms +ssh-rsa\n', hits: [{ line: 1 }] },
    { name: 'sshd: in a Match all block', kind: 'sshd_config', text: 'Match all\n    CASignatureAlgorithms +ssh-rsa\n', hits: [{ line: 2 }] },
    { name: 'in an ssh_config.d drop-in', text: { ssh_config: 'Include /etc/ssh/ssh_config.d/*.conf\nHost *\n    SendEnv LANG\n', 'ssh_config.d/legacy.conf': 'KexAlgorithms +diffie-hellman-group14-sha1\n' }, hits: [{ file: 'ssh_config.d/legacy.conf', line: 1 }] },
  ],
});

/** Tables for the config syntax rules that map one validator problem each. */
import extraArguments from '../../src/rules/config-syntax/extra-arguments.js';
import invalidAlgorithmList from '../../src/rules/config-syntax/invalid-algorithm-list.js';
import invalidMatch from '../../src/rules/config-syntax/invalid-match.js';
import invalidQuotes from '../../src/rules/config-syntax/invalid-quotes.js';
import invalidValue from '../../src/rules/config-syntax/invalid-value.js';
import missingArgument from '../../src/rules/config-syntax/missing-argument.js';
import notAllowedInMatch from '../../src/rules/config-syntax/not-allowed-in-match.js';
import unsupportedOnBuild from '../../src/rules/config-syntax/unsupported-on-build.js';
import { configRuleTable } from './config-rule-tester.js';

configRuleTable(missingArgument, {
  valid: [{ text: 'PermitRootLogin no\nPort=22\n' }],
  invalid: [
    { name: 'keyword alone', text: 'PermitRootLogin\n', hits: [{ line: 1, column: 1 }] },
    { name: 'only =', text: 'Port =\n', hits: [{ line: 1 }] },
    { name: 'ssh', kind: 'ssh_config', text: 'Host x\n  User\n', hits: [{ line: 2 }] },
  ],
});

configRuleTable(invalidQuotes, {
  valid: [{ text: 'Banner "/etc/issue net"\n' }],
  invalid: [{ text: 'Banner "/etc/issue\n', hits: [{ line: 1, column: 8 }] }],
});

configRuleTable(invalidValue, {
  valid: [{ text: 'X11Forwarding no\nPermitRootLogin No\nLoginGraceTime 2m\nMaxAuthTries 4\n' }, { kind: 'ssh_config', text: 'ForwardAgent true\n' }],
  invalid: [
    { name: 'true for an sshd flag', text: 'X11Forwarding true\n', hits: [{ line: 1, message: 'true' }] },
    { name: 'misspelt choice', text: 'PermitRootLogin without_password\n', hits: [{ line: 1 }] },
    { name: 'bad time unit', text: 'LoginGraceTime 2min\n', hits: [{ line: 1 }] },
  ],
});

configRuleTable(extraArguments, {
  valid: [{ text: 'Ciphers aes128-ctr,aes256-ctr\nAllowUsers alice bob\nPermitRootLogin no # a comment is fine from 8.7\n' }],
  invalid: [
    { name: 'space after a comma', text: 'Ciphers aes128-ctr, aes256-ctr\n', hits: [{ line: 1 }] },
    { name: 'a trailing comment before 8.7 (RHEL 7 and 8)', version: '7.4', text: 'PermitRootLogin no # hardening\n', hits: [{ line: 1 }] },
  ],
});

configRuleTable(notAllowedInMatch, {
  valid: [{ text: 'UseDNS no\nMatch User backup\n  ForceCommand internal-sftp\n' }],
  invalid: [
    { name: 'appended after a Match block', text: 'Match User backup\n  ForceCommand internal-sftp\nUseDNS no\n', hits: [{ line: 3 }] },
    { name: 'Include inside Match brings a global keyword', text: { sshd_config: 'Match User x\n  Include /etc/ssh/extra.conf\n', 'extra.conf': 'Port 2222\n' }, hits: [{ file: 'extra.conf', line: 1 }] },
  ],
});

configRuleTable(invalidMatch, {
  valid: [{ text: 'Match User a,b Address 10.0.0.0/8\n  X11Forwarding no\nMatch all\n' }],
  invalid: [
    { name: 'unknown criterion', text: 'Match Users bob\n  X11Forwarding no\n', hits: [{ line: 1 }] },
    { name: 'host bits set', text: 'Match Address 192.0.2.1/8\n  X11Forwarding no\n', hits: [{ line: 1 }] },
  ],
});

configRuleTable(invalidAlgorithmList, {
  valid: [{ text: 'Ciphers aes128-ctr,aes256-gcm@openssh.com\nKexAlgorithms -diffie-hellman*\n' }],
  invalid: [
    { name: 'removed cipher', text: 'Ciphers aes128-ctr,arcfour256\n', hits: [{ line: 1 }] },
    { name: 'wildcard where none is allowed', text: 'Ciphers aes*-ctr\n', hits: [{ line: 1 }] },
    { name: 'too new for the target', version: '9.2', text: 'KexAlgorithms mlkem768x25519-sha256\n', hits: [{ line: 1 }] },
  ],
});

configRuleTable(unsupportedOnBuild, {
  valid: [
    { name: 'a keyword the build supports', text: 'ListenAddress 192.0.2.1\n' },
    { name: 'RDomain before it existed is an unknown keyword, not this', version: '7.4', text: 'RDomain vrf1\n' },
  ],
  invalid: [{ name: 'RDomain on a Linux build', version: '9.2', text: 'Port 22\nRDomain vrf1\n', hits: [{ line: 2, column: 1, message: 'not supported on this platform' }] }],
});

import deprecatedKeyword from '../../src/rules/config-hygiene/deprecated-keyword.js';
import includeLoop from '../../src/rules/config-hygiene/include-loop.js';
import includeOutsideRepository from '../../src/rules/config-hygiene/include-outside-repository.js';
import { configRuleTable } from './config-rule-tester.js';

configRuleTable(deprecatedKeyword, {
  valid: [{ text: 'KbdInteractiveAuthentication no\nPubkeyAcceptedAlgorithms +ssh-ed25519\nPermitRootLogin prohibit-password\n' }],
  invalid: [
    { name: 'silently ignored', text: 'Protocol 2\n', hits: [{ line: 1, message: 'ignores it silently' }] },
    { name: 'Deprecated option', text: 'UsePrivilegeSeparation sandbox\n', hits: [{ line: 1, message: 'Deprecated option' }] },
    { name: 'old names', text: 'ChallengeResponseAuthentication no\nPubkeyAcceptedKeyTypes +ssh-rsa\n', hits: [{ line: 1, message: 'KbdInteractiveAuthentication' }, { line: 2, message: 'PubkeyAcceptedAlgorithms' }] },
    { name: 'old value', text: 'PermitRootLogin without-password\n', hits: [{ line: 1, column: 17, message: 'prohibit-password' }] },
  ],
});

configRuleTable(includeLoop, {
  valid: [{ text: { sshd_config: 'Include /etc/ssh/sshd_config.d/*.conf\n', 'sshd_config.d/a.conf': 'Port 22\n' } }],
  invalid: [{ name: 'a drop-in including its own folder', text: { sshd_config: 'Include /etc/ssh/d/*\n', 'd/a': 'Include /etc/ssh/d/*\n' }, hits: [{ file: 'd/a', line: 1 }] }],
});

configRuleTable(includeOutsideRepository, {
  valid: [
    { name: 'a drop-in folder the repository holds', text: { sshd_config: 'Include /etc/ssh/sshd_config.d/*.conf\n', 'sshd_config.d/a.conf': 'Port 22\n' } },
    { name: 'a relative Include of a file the repository holds', kind: 'ssh_config', text: { ssh_config: 'Include extra\n', extra: 'User deploy\n' } },
  ],
  invalid: [
    { name: 'a crypto policy on the machine', text: 'Include /etc/crypto-policies/back-ends/opensshserver.config\n', hits: [{ line: 1, message: 'is not in the repository' }] },
    { name: 'in an ssh_config', kind: 'ssh_config', text: 'Host *\n  Include /opt/ssh/extra.conf\n', hits: [{ line: 2, message: 'sshlint cannot check what it sets' }] },
  ],
});

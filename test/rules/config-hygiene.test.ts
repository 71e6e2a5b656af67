import deprecatedKeyword from '../../src/rules/config-hygiene/deprecated-keyword.js';
import includeLoop from '../../src/rules/config-hygiene/include-loop.js';
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

import rule from '../../src/rules/config/authorized-keys-file-tilde.js';
import { configRuleTable } from './config-rule-tester.js';
import { STOCK_SSHD_CASES } from '../fixtures/stock-configs.js';

configRuleTable(rule, {
  valid: [
    ...STOCK_SSHD_CASES,
    { name: 'relative', text: 'AuthorizedKeysFile .ssh/authorized_keys\n' },
    { name: '%h and %u', text: 'AuthorizedKeysFile %h/.ssh/authorized_keys /etc/ssh/keys/%u\n' },
    { name: 'a named home on purpose', text: 'AuthorizedKeysFile ~git/.ssh/authorized_keys\n' },
    { name: 'dead tilde line', text: 'AuthorizedKeysFile .ssh/authorized_keys\nAuthorizedKeysFile ~/.ssh/authorized_keys\n' },
    { name: 'none with AuthorizedKeysCommand', text: 'AuthorizedKeysFile none\nAuthorizedKeysCommand /usr/bin/sss_ssh_authorizedkeys %u\nAuthorizedKeysCommandUser nobody\n' },
    { name: 'none with certificates', text: 'AuthorizedKeysFile none\nTrustedUserCAKeys /etc/ssh/user_ca.pub\n' },
    { name: 'none with public keys off', text: 'PubkeyAuthentication no\nAuthorizedKeysFile none\n' },
    { name: 'none in a Match block that has a command globally', text: 'AuthorizedKeysCommand /usr/local/bin/keys %u\nAuthorizedKeysCommandUser nobody\nMatch Group ldap\n    AuthorizedKeysFile none\n' },
  ],
  invalid: [
    { name: 'tilde', text: 'AuthorizedKeysFile ~/.ssh/authorized_keys\n', hits: [{ line: 1, column: 20, endColumn: 42, message: "'/root/.ssh/authorized_keys' for every user" }] },
    { name: 'second of two paths', text: 'AuthorizedKeysFile .ssh/authorized_keys ~/.ssh/authorized_keys2\n', hits: [{ line: 1, column: 41 }] },
    { name: 'in a Match block', text: 'Match Group deploy\n    AuthorizedKeysFile ~/.ssh/deploy_keys\n', hits: [{ line: 2, message: 'Match Group deploy' }] },
    { name: 'none', text: 'AuthorizedKeysFile none\n', hits: [{ line: 1, column: 20, endColumn: 24, message: 'nobody can log in with a key' }] },
  ],
});

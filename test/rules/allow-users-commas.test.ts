import rule from '../../src/rules/config/allow-users-commas.js';
import { configRuleTable } from './config-rule-tester.js';
import { STOCK_SSHD_CASES } from '../fixtures/stock-configs.js';

configRuleTable(rule, {
  valid: [
    ...STOCK_SSHD_CASES,
    { name: 'spaces', text: 'AllowUsers alice bob\nAllowGroups admin sftp\n' },
    { name: 'comma in the host part', text: 'AllowUsers alice@10.0.0.1,10.0.0.2 bob@192.168.*,!192.168.1.1\n' },
    { name: 'wildcards', text: 'DenyUsers guest* *@203.0.113.*\n' },
  ],
  invalid: [
    { name: 'AllowUsers', text: 'AllowUsers alice,bob\n', hits: [{ line: 1, column: 12, endColumn: 21, message: 'matches no user, so the users it names (alice, bob) are refused' }] },
    { name: 'AllowGroups', text: 'AllowGroups admin,wheel sftp\n', hits: [{ line: 1, column: 13, endColumn: 24, message: 'matches no group' }] },
    { name: 'DenyUsers', text: 'DenyUsers root,guest\n', hits: [{ line: 1, message: 'root, guest are not kept out' }] },
    { name: 'DenyGroups with a trailing comma', text: 'DenyGroups nologin,\n', hits: [{ line: 1, message: 'nologin is not kept out' }] },
    { name: 'user part of user@host', text: 'AllowUsers alice,bob@10.0.0.0/8\n', hits: [{ line: 1, message: "'alice,bob@10.0.0.0/8'" }] },
    { name: 'in a Match block and a drop-in', text: { sshd_config: 'Include /etc/ssh/sshd_config.d/*.conf\nMatch Address 10.0.0.0/8\n    AllowUsers ops,deploy\n', 'sshd_config.d/a.conf': 'AllowGroups a,b\n' }, hits: [{ file: 'sshd_config.d/a.conf', line: 1 }, { line: 3 }] },
  ],
});

import rule from '../../src/rules/config-syntax/unknown-keyword.js';
import { configRuleTable } from './config-rule-tester.js';

configRuleTable(rule, {
  valid: [
    { name: 'known keywords, any case', text: 'PermitRootLogin no\npermitrootlogin yes\nPORT 22\n' },
    { name: 'a keyword the target knows', version: '9.2', text: 'RequiredRSASize 3072\n' },
    { name: 'ssh IgnoreUnknown before use', kind: 'ssh_config', text: 'IgnoreUnknown UseKeychain\nHost *\n  UseKeychain yes\n' },
  ],
  invalid: [
    { name: 'typo with a suggestion', text: 'PermitRootLogon no\n', hits: [{ line: 1, column: 1, endColumn: 16, message: 'PermitRootLogon' }] },
    { name: 'too new for the target', version: '8.9', text: 'RequiredRSASize 3072\n', hits: [{ line: 1 }] },
    { name: 'Apple-only ssh keyword', kind: 'ssh_config', text: 'Host *\n  UseKeychain yes\n', hits: [{ line: 2, column: 3 }] },
    { name: 'non-breaking space indentation', text: 'Match User a\n\u00a0\u00a0X11Forwarding no\n', hits: [{ line: 2, message: 'non-breaking space' }] },
    { name: 'in a drop-in', text: { sshd_config: 'Include /etc/ssh/sshd_config.d/*.conf\n', 'sshd_config.d/10-x.conf': 'PasswordAuthenticaton no\n' }, hits: [{ file: 'sshd_config.d/10-x.conf', line: 1 }] },
  ],
});

import passwordAuth from '../../src/rules/cloud-init/cloud-init-password-auth.js';
import rootLogin from '../../src/rules/cloud-init/cloud-init-root-login.js';
import plainPassword from '../../src/rules/cloud-init/cloud-init-plain-password.js';
import { setupRuleTable } from './setup-rule-tester.js';

const config = (body: string) => `#cloud-config\n${body}`;

setupRuleTable(passwordAuth, {
  valid: [
    { text: config('ssh_pwauth: false\n') },
    { text: config('ssh_pwauth: no\n') },
    { name: 'unchanged', text: config('ssh_pwauth: unchanged\n') },
    { name: 'templated', text: config('ssh_pwauth: ${pwauth}\n') },
    { name: 'misplaced under a user (cloud-init ignores it)', text: config('users:\n  - name: a\n    ssh_pwauth: true\n') },
    { name: 'not cloud-config', text: '#!/bin/sh\n' },
    { name: 'cloud-config-archive is another format', text: '#cloud-config-archive\nssh_pwauth: true\n' },
  ],
  invalid: [
    { text: config('ssh_pwauth: true\n'), hits: [{ line: 2, column: 13 }] },
    { name: 'YAML 1.1 yes', text: config('ssh_pwauth: yes\n'), hits: [{ line: 2 }] },
    { name: 'string "1"', text: config("ssh_pwauth: '1'\n"), hits: [{ line: 2 }] },
    { name: 'Jinja template header', text: '## template: jinja\n#cloud-config\nssh_pwauth: True\n', hits: [{ line: 3 }] },
    { name: 'autoinstall user-data', text: config('autoinstall:\n  version: 1\n  user-data:\n    ssh_pwauth: true\n'), hits: [{ line: 5 }] },
  ],
});

setupRuleTable(rootLogin, {
  valid: [{ text: config('disable_root: true\n') }, { name: 'default', text: config('users: [default]\n') }, { name: 'templated', text: config('disable_root: "{{ v }}"\n') }],
  invalid: [
    { text: config('disable_root: false\n'), hits: [{ line: 2, column: 15 }] },
    { name: 'no', text: config('disable_root: no\n'), hits: [{ line: 2 }] },
  ],
});

setupRuleTable(plainPassword, {
  valid: [
    { name: 'hashed passwd', text: config('users:\n  - name: a\n    passwd: $6$rounds=4096$salt$hash\n') },
    { name: 'chpasswd hash and RANDOM', text: config('chpasswd:\n  list: |\n    a:$6$salt$abcdef\n    b:RANDOM\n') },
    { name: 'chpasswd users default type (hash)', text: config('chpasswd:\n  users:\n    - name: a\n      password: $6$salt$abc\n') },
    { name: 'templated', text: config('users:\n  - name: ${u}\n    plain_text_passwd: ${p}\n') },
  ],
  invalid: [
    { name: 'plain_text_passwd', text: config('users:\n  - name: lab\n    plain_text_passwd: ChangeMe\n'), hits: [{ line: 4, column: 24, message: "'lab'" }] },
    { name: 'chpasswd list block', text: config('chpasswd:\n  list: |\n    root:hunter2\n    b:$6$salt$abc\n  expire: false\n'), hits: [{ line: 4, column: 10, message: "'root'" }] },
    { name: 'chpasswd list sequence', text: config('chpasswd:\n  list:\n    - root:hunter2\n'), hits: [{ line: 4, column: 12 }] },
    { name: 'chpasswd users type text', text: config('chpasswd:\n  users:\n    - name: a\n      password: pw\n      type: text\n'), hits: [{ line: 5 }] },
    { name: 'default user password', text: config('password: passw0rd\n'), hits: [{ line: 2, message: 'default user' }] },
  ],
});

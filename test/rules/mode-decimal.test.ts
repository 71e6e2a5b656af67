import rule from '../../src/rules/setup-code/mode-decimal.js';
import { setupRuleTable } from './setup-rule-tester.js';

const task = (mode: string, module = 'ansible.builtin.file', path = '/home/deploy/.ssh/authorized_keys') =>
  `- name: keys\n  ${module}:\n    path: ${path}\n    mode: ${mode}\n`;

setupRuleTable(rule, {
  valid: [
    { name: 'octal with a leading zero (YAML 1.1 octal)', text: task('0600') },
    { name: 'quoted string, parsed as octal', text: task("'644'") },
    { name: 'double-quoted', text: task('"0755"') },
    { name: '0o prefix, a string in YAML 1.1 that Python reads as octal', text: task('0o600') },
    { name: 'symbolic', text: task('u=rw,g=r,o=r') },
    { name: 'templated', text: task('"{{ key_mode }}"') },
    { name: 'free-form mode=644 is a string', text: '- file: path=/etc/ssh/sshd_config mode=644\n' },
    { name: 'not octal-looking (contains 8)', text: task('680') },
    { name: 'cloud-init quoted permissions', kind: 'cloud_init', text: "#cloud-config\nwrite_files:\n  - path: /etc/motd\n    content: hi\n    permissions: '0644'\n" },
    { name: 'not a cloud-config (header missing)', kind: 'cloud_init', text: 'write_files:\n  - path: /etc/motd\n    permissions: 644\n' },
  ],
  invalid: [
    { name: 'unquoted 644 on any path', text: task('644', 'copy', '/etc/motd'), hits: [{ line: 4, column: 11, message: '01204 (-w----r-T)' }] },
    { name: 'unquoted 600 on authorized_keys', text: task('600'), hits: [{ line: 4, message: '01130 (--x-wx--T)' }] },
    { name: 'four digits', text: task('1777', 'file', '/tmp/x'), hits: [{ line: 4 }] },
    { name: 'under args:', text: '- template:\n    src: a.j2\n    dest: /etc/ssh/sshd_config\n  args:\n    mode: 644\n', hits: [{ line: 5 }] },
    { name: 'cloud-init write_files permissions', kind: 'cloud_init', text: '#cloud-config\nwrite_files:\n  - path: /root/.ssh/authorized_keys\n    content: ""\n    permissions: 600\n', hits: [{ line: 5, column: 18 }] },
  ],
});

import rule from '../../src/rules/setup-code/ssh-path-mode.js';
import { setupRuleTable } from './setup-rule-tester.js';

const file = (path: string, mode: string, extra = '') => `- ansible.builtin.file:\n    path: ${path}\n    mode: ${mode}\n${extra}`;

setupRuleTable(rule, {
  valid: [
    { name: '.ssh 0700', text: file('/home/deploy/.ssh', '"0700"') },
    { name: 'authorized_keys 0644 (read bits do not matter)', text: file('/home/deploy/.ssh/authorized_keys', "'0644'") },
    { name: 'private key 0600', text: file('/home/deploy/.ssh/id_ed25519', '0600') },
    { name: 'public key 0644', text: file('/home/deploy/.ssh/id_ed25519.pub', '0644') },
    { name: 'system ssh_config 0666 (ssh does not check it)', text: file('/etc/ssh/ssh_config', '0666') },
    { name: 'sshd_config 0644', text: file('/etc/ssh/sshd_config', '0644') },
    { name: 'symbolic that removes write', text: file('/home/deploy/.ssh', 'go-w') },
    { name: 'templated mode', text: file('/home/deploy/.ssh', '"{{ mode }}"') },
    { name: 'templated home, good mode', text: file('/home/{{ user }}/.ssh', '0700') },
    { name: 'copy into .ssh/ sets the mode of the copied file', text: '- copy:\n    src: deploy.pub\n    dest: /home/deploy/.ssh/\n    mode: "0644"\n' },
    { name: 'a file elsewhere', text: file('/var/www', '0777') },
  ],
  invalid: [
    { name: '.ssh group-writable', text: file('/home/deploy/.ssh', '"0775"'), hits: [{ line: 3, column: 11, severity: 'warning', message: 'writable by its group' }] },
    { name: '.ssh world-writable', text: file('~/.ssh', '0777'), hits: [{ line: 3, severity: 'error', message: 'writable by others' }] },
    { name: '.ssh without search bit (recursive 0600)', text: file('/home/deploy/.ssh', '0600', '    recurse: yes\n'), hits: [{ line: 3, message: 'search (x) bit' }] },
    { name: 'authorized_keys 0666', text: file('/root/.ssh/authorized_keys', "'0666'"), hits: [{ line: 3, severity: 'error' }] },
    { name: 'authorized_keys from decimal 644 (0o1204): owner cannot read', text: file('/home/a/.ssh/authorized_keys', '644'), hits: [{ line: 3, message: 'unreadable by its owner' }] },
    { name: 'symbolic g+w', text: file('/home/a/.ssh/authorized_keys', 'g+w'), hits: [{ line: 3, severity: 'warning' }] },
    { name: 'symbolic a=rwx', text: file('/home/a/.ssh', 'a=rwx'), hits: [{ line: 3, severity: 'error' }] },
    { name: 'private key 0644', text: '- copy:\n    content: "{{ vault_key }}"\n    dest: /home/deploy/.ssh/id_rsa\n    mode: "0644"\n', hits: [{ line: 4, message: 'UNPROTECTED PRIVATE KEY FILE' }] },
    { name: 'host key 0640', text: file('/etc/ssh/ssh_host_ed25519_key', '0640'), hits: [{ line: 3 }] },
    { name: 'user config group-writable', text: file('/home/a/.ssh/config', '0664'), hits: [{ line: 3, message: 'Bad owner or permissions' }] },
    { name: 'free-form arguments', text: '- file: path=/home/a/.ssh state=directory mode=0777\n', hits: [{ line: 1, column: 48 }] },
    { name: 'copy src into .ssh/', text: '- copy:\n    src: id_rsa\n    dest: /home/deploy/.ssh/\n    mode: "0644"\n', hits: [{ line: 4 }] },
    { name: 'cloud-init write_files', kind: 'cloud_init', text: "#cloud-config\nwrite_files:\n  - path: /home/a/.ssh/authorized_keys\n    content: ''\n    permissions: '0662'\n", hits: [{ line: 5 }] },
  ],
});

import { describeMode } from '../../parse/setup/file-mode.js';
import { defineSetupRule, type RuleHit } from '../rule.js';

/** How an unquoted `644` was meant: three or four octal digits without the leading 0 that makes YAML 1.1 read octal. */
const LOOKS_OCTAL = /^[1-7][0-7]{2,3}$/;

export default defineSetupRule({
  id: 'SSH530',
  alias: 'mode-decimal',
  kinds: ['ansible', 'cloud_init'],
  category: 'unsafe-setting',
  severity: 'error',
  docs: {
    summary: 'An unquoted `mode: 644` is the decimal number 644, which sets the mode 01204.',
    what: 'An Ansible `mode:` or cloud-init `write_files` `permissions:` written as an unquoted number without a leading zero that looks like an octal mode (`644`, `600`, `0755` is fine). Quoted strings (`\'644\'`, `"0600"`) and Ansible\'s free-form `mode=644` are read as octal and are not reported.',
    why: 'Both tools read their YAML with PyYAML (YAML 1.1), where `0644` is an octal integer but `644` is the decimal integer 644. Both take an integer as the mode itself and only parse strings as octal, so `644` becomes 0o1204 (`-w----r-T`): the owner cannot read the file and the group and others get odd bits. On SSH files this means an authorized_keys sshd cannot read (and, for `664`-like values, one StrictModes refuses), or a private key ssh refuses to use.',
    bad: '- name: Install the deploy key\n  ansible.builtin.copy:\n    src: deploy.pub\n    dest: /home/deploy/.ssh/authorized_keys\n    mode: 600',
    good: '- name: Install the deploy key\n  ansible.builtin.copy:\n    src: deploy.pub\n    dest: /home/deploy/.ssh/authorized_keys\n    mode: "0600"',
    references: [
      'Ansible file module, mode: "always quote it (like \'644\' or \'1777\') so Ansible receives a string"',
      'ansible-lint risky-octal',
      'cloud-init util.decode_perms (integers are taken as they are, strings parsed as octal)',
      'YAML 1.1 int type: 0-prefixed octal',
    ],
  },
  checkSetup(model) {
    const hits: RuleHit[] = [];
    for (const setting of model.modes) {
      if (setting.mode === undefined || !LOOKS_OCTAL.test(setting.written) || setting.mode === parseInt(setting.written, 8)) continue;
      hits.push({
        ...setting.span,
        message: `mode ${setting.written} is read as the decimal number ${setting.written}, so ${setting.target} gets the mode ${describeMode(setting.mode)}, not 0${setting.written}.`,
        help: `Quote the mode ("0${setting.written}") or write it with a leading zero (0${setting.written}).`,
      });
    }
    return hits;
  },
});

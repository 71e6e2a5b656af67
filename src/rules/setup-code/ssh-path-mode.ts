import type { Severity } from '../../core/finding.js';
import { describeMode } from '../../parse/setup/file-mode.js';
import type { ModeSetting } from '../../parse/setup/setup-model.js';
import { sshPathRole } from '../../parse/setup/ssh-paths.js';
import { defineSetupRule, type RuleHit } from '../rule.js';

interface ModeProblem {
  message: string;
  severity: Severity;
}

/** The bits the setting certainly turns on: all of a known mode, or what a symbolic `+`/`=` adds. */
function setBits(setting: ModeSetting): number {
  return setting.mode ?? setting.setBits ?? 0;
}

/**
 * misc.c `safe_path`: sshd refuses an authorized_keys file when it, or a directory above it up to
 * the home directory, is writable by group or others. Debian and Ubuntu patch it to tolerate group
 * write when the group holds only the owner, so group write alone is a warning.
 */
function strictModes(bits: number, what: string): ModeProblem | undefined {
  if (bits & 0o002) return { severity: 'error', message: `${what} writable by others, so sshd (StrictModes, the default) refuses every key in it` };
  if (bits & 0o020) return { severity: 'warning', message: `${what} writable by its group, so sshd (StrictModes, the default) refuses the keys in it unless a Debian-style patch accepts a group that holds only the owner` };
  return undefined;
}

function problem(setting: ModeSetting): ModeProblem | undefined {
  const bits = setBits(setting);
  const known = setting.mode;
  const target = setting.target.replace(/\/+$/, '');
  switch (sshPathRole(target)) {
    case 'ssh_directory':
      if (known !== undefined && !(known & 0o100)) return { severity: 'error', message: 'the .ssh directory loses its owner search (x) bit, so sshd, reading as the user, cannot open authorized_keys in it' };
      return strictModes(bits, 'the .ssh directory becomes');
    case 'authorized_keys':
      if (known !== undefined && !(known & 0o400)) return { severity: 'error', message: 'authorized_keys becomes unreadable by its owner, and sshd reads it as the user, so no key in it works' };
      return strictModes(bits, 'authorized_keys becomes');
    case 'private_key':
      if (bits & 0o077) return { severity: 'error', message: 'the private key becomes accessible to group or others: ssh and sshd refuse to load it ("UNPROTECTED PRIVATE KEY FILE" / "bad permissions")' };
      if (known !== undefined && !(known & 0o400)) return { severity: 'error', message: 'the private key becomes unreadable by its owner' };
      return undefined;
    case 'ssh_config':
      // Only the user's own file is checked (readconf.c SSHCONF_CHECKPERM); /etc/ssh/ssh_config is not.
      if (/(?:^|\/)\.ssh\/config$/.test(target) && bits & 0o022) return { severity: 'error', message: 'the user\'s ~/.ssh/config becomes writable by group or others: ssh stops with "Bad owner or permissions"' };
      return undefined;
    default:
      return undefined;
  }
}

export default defineSetupRule({
  id: 'SSH531',
  alias: 'ssh-path-mode',
  kinds: ['ansible', 'cloud_init'],
  category: 'lockout',
  severity: 'error',
  docs: {
    summary: 'A mode set on ~/.ssh, authorized_keys, a private key or ~/.ssh/config makes OpenSSH refuse it.',
    what: 'A mode (Ansible `file`/`copy`/`template` `mode:`, cloud-init `write_files` `permissions:`) that leaves an `.ssh` directory or an authorized_keys file writable by group or others, or unreadable/unsearchable by its owner; a private key (`id_*`, `ssh_host_*_key`) with any group or other bit; or a user\'s `~/.ssh/config` writable by group or others. Symbolic modes count for the bits they certainly add (`g+w`). Read bits for group and others on authorized_keys do not matter and are not reported.',
    why: 'With `StrictModes yes` (the default) sshd checks the authorized_keys file and every directory above it up to the home directory, and refuses the keys when any is group- or world-writable ("Authentication refused: bad ownership or modes"). sshd opens the file with the user\'s rights, so an owner without read (or, on the directory, search) permission has no keys either. ssh refuses private keys that others can read and a writable `~/.ssh/config`.',
    bad: '- ansible.builtin.file:\n    path: /home/deploy/.ssh\n    state: directory\n    mode: "0775"',
    good: '- ansible.builtin.file:\n    path: /home/deploy/.ssh\n    state: directory\n    mode: "0700"',
    references: [
      'OpenSSH misc.c safe_path(), auth2-pubkeyfile.c auth_openfile()',
      'OpenSSH authfile.c sshkey_perm_ok()',
      'OpenSSH readconf.c read_config_file_depth() (SSHCONF_CHECKPERM)',
      'sshd_config(5) StrictModes',
    ],
  },
  checkSetup(model) {
    const hits: RuleHit[] = [];
    for (const setting of model.modes) {
      const found = problem(setting);
      if (!found) continue;
      const mode = setting.mode === undefined ? setting.written : describeMode(setting.mode);
      hits.push({
        ...setting.span,
        severity: found.severity,
        message: `With mode ${mode}, ${found.message} (${setting.target}).`,
        help: 'Use 0700 for ~/.ssh, 0600 for authorized_keys, private keys and ~/.ssh/config (0644 is fine for authorized_keys and .pub files).',
      });
    }
    return hits;
  },
});

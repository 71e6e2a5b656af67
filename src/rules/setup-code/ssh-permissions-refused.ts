import type { Severity } from '../../core/finding.js';
import { SETUP_KINDS } from '../../core/file-kind.js';
import { describeMode } from '../../parse/setup/file-mode.js';
import type { ModeSetting } from '../../parse/setup/setup-model.js';
import { isHomeDirectory, isInSshDirectory, isPrivateKeyPath, sshPathRole } from '../../parse/setup/ssh-paths.js';
import { defineSetupRule, quote, type RuleHit } from '../rule.js';

interface ModeProblem {
  message: string;
  severity: Severity;
  help: string;
}

const STRICT_MODES_HELP = 'Use 755 (or 700) for the home directory, 700 for ~/.ssh and 600 for authorized_keys; never make a path sshd checks writable by others.';
const KEY_HELP = 'Use 600 (or 400) for private keys and ~/.ssh/config.';

/** The bits the setting certainly turns on: all of a known mode, or what a symbolic `+`/`=` adds. */
function setBits(setting: ModeSetting): number {
  return setting.mode ?? setting.setBits ?? 0;
}

/**
 * misc.c `safe_path`: with StrictModes sshd refuses an authorized_keys file when it, or a directory
 * above it up to the home directory, is writable by group or others. Debian and Ubuntu patch it to
 * tolerate group write when the group holds only the owner, so group write alone is a warning.
 */
function strictModes(bits: number, what: string, effect: string): ModeProblem | undefined {
  if (bits & 0o002) return { severity: 'error', message: `${what} writable by everyone: sshd (StrictModes, on by default) then ${effect}`, help: STRICT_MODES_HELP };
  if (bits & 0o020) {
    return {
      severity: 'warning',
      message: `${what} writable by its group: sshd (StrictModes, on by default) then ${effect}, unless it is Debian's or Ubuntu's, which accept a group that holds only the owner`,
      help: STRICT_MODES_HELP,
    };
  }
  return undefined;
}

function problem(setting: ModeSetting): ModeProblem | undefined {
  const bits = setBits(setting);
  const known = setting.mode;
  const target = setting.target.replace(/\/+$/, '');
  if (isHomeDirectory(target)) return strictModes(bits, 'the home directory becomes', 'refuses every authorized_keys file below it, so nobody logs in as this user with a key');
  const role = sshPathRole(target);
  if (role === 'ssh_directory') {
    if (known !== undefined && !(known & 0o100)) return { severity: 'error', message: 'the .ssh directory loses its owner search (x) bit, so sshd, reading as the user, cannot open authorized_keys in it', help: STRICT_MODES_HELP };
    return strictModes(bits, 'the .ssh directory becomes', 'refuses the authorized_keys in it, so key logins for this user fail');
  }
  if (role === 'authorized_keys') {
    if (known !== undefined && !(known & 0o400)) return { severity: 'error', message: 'authorized_keys becomes unreadable by its owner, and sshd reads it as the user, so no key in it works', help: STRICT_MODES_HELP };
    return strictModes(bits, 'authorized_keys becomes', 'refuses the file, so none of its keys can log in');
  }
  if (role === 'private_key' || (isInSshDirectory(target) && isPrivateKeyPath(target))) {
    if (bits & 0o077) return { severity: 'error', message: 'the private key becomes accessible to group or others: ssh and sshd refuse to load it ("UNPROTECTED PRIVATE KEY FILE" / "bad permissions")', help: KEY_HELP };
    if (known !== undefined && !(known & 0o400)) return { severity: 'error', message: 'the private key becomes unreadable by its owner', help: KEY_HELP };
    return undefined;
  }
  // Only the user's own file is checked (readconf.c SSHCONF_CHECKPERM); /etc/ssh/ssh_config is not.
  if (role === 'ssh_config' && /(?:^|\/)\.ssh\/config$/.test(target) && bits & 0o022) {
    return { severity: 'error', message: 'the user\'s ~/.ssh/config becomes writable by group or others: ssh stops with "Bad owner or permissions"', help: KEY_HELP };
  }
  return undefined;
}

export default defineSetupRule({
  id: 'SSH502',
  alias: 'ssh-permissions-refused',
  kinds: SETUP_KINDS,
  category: 'lockout',
  severity: 'error',
  docs: {
    summary: 'Setup code gives a home directory, ~/.ssh, authorized_keys, a private key or ~/.ssh/config a mode OpenSSH refuses.',
    what:
      'A mode set by `chmod`, `install -m`, `mkdir -m`, Dockerfile `COPY --chmod`, Ansible `file`/`copy`/`template` `mode:` or cloud-init `write_files` `permissions:` that leaves a home directory (`~`, `$HOME`, `/home/NAME`, `/root`), an `.ssh` directory or an authorized_keys file writable by group or others (`777`, `775`, `g+w`, `chmod -R 777 ~/.ssh`), or `.ssh`/authorized_keys unsearchable/unreadable by its owner (Ansible `mode: 644` unquoted is decimal, 0o1204); a private key (`id_*`, `ssh_host_*_key`, a key-named file in `.ssh`) with any group or other bit; or a user\'s `~/.ssh/config` writable by group or others. A relative change (`go-w`, `u+x`) is judged only by the bits it surely sets. Group-writable alone is a warning: Debian and Ubuntu tolerate it when the group holds only the owner.\n\n' +
      'When the repository also shows which users this locks out (their keys and the sshd configuration), lockout-unsafe-modes (SSH703) reports the same line with that diagnosis instead.',
    why: 'With StrictModes (the default) sshd checks the authorized_keys file and every directory from it up to the home directory, and refuses the file if any of them is writable by group or others ("Authentication refused: bad ownership or modes", misc.c safe_path); it opens the file as the user, so an owner without read or search permission has no keys either: every key login of that user fails, which on a server reached only by keys is a lockout. On the client, ssh ignores a private key that group or others can access ("UNPROTECTED PRIVATE KEY FILE", authfile.c sshkey_perm_ok) and refuses a writable ~/.ssh/config. Turning StrictModes off is not the fix.',
    bad: 'chmod -R 777 /home/deploy/.ssh',
    good: 'chmod 700 /home/deploy/.ssh\nchmod 600 /home/deploy/.ssh/authorized_keys',
    references: [
      'sshd_config(5) StrictModes',
      'OpenSSH misc.c safe_path(), auth2-pubkeyfile.c auth_openfile()',
      'OpenSSH authfile.c sshkey_perm_ok()',
      'OpenSSH readconf.c read_config_file_depth() (SSHCONF_CHECKPERM)',
    ],
  },
  checkSetup(model) {
    const hits: RuleHit[] = [];
    for (const setting of model.modes) {
      const found = problem(setting);
      if (!found) continue;
      const mode = setting.mode === undefined ? `${setting.recursive ? '-R ' : ''}${setting.written}` : describeMode(setting.mode);
      hits.push({ ...setting.span, severity: found.severity, message: `With mode ${quote(mode)} on ${quote(setting.target)}, ${found.message}.`, help: found.help });
    }
    return hits;
  },
});

import { defineConfigRule, directiveHit } from '../rule.js';
import { argRange, effectiveConfig, isOff } from '../../parse/config/effective-config.js';
import { viaLabel } from './setting-text.js';

export default defineConfigRule({
  id: 'SSH444',
  alias: 'strict-modes-off',
  kinds: ['sshd_config'],
  category: 'unsafe-setting',
  severity: 'warning',
  docs: {
    summary: '`StrictModes no`: sshd trusts authorized_keys files that other users can write.',
    what: 'The `StrictModes` line that takes effect says `no` (StrictModes is global-only).',
    why: 'With StrictModes on (the default), sshd refuses an authorized_keys file when the file, `~/.ssh` or the home directory is owned by someone else or writable by group or others (misc.c `safe_path`, logged "Authentication refused: bad ownership or modes"). Turning it off is the usual quick fix for that lockout, and it means any user or process that can write into another user\'s home can add a key and log in as that user. Fix the modes instead (`chmod 700 ~/.ssh`, `chmod 600 ~/.ssh/authorized_keys`, no group-writable home); Debian also tolerates group-writable files when the group has only the owner as member.',
    bad: 'StrictModes no',
    good: 'StrictModes yes',
    references: ['sshd_config(5) StrictModes', 'OpenSSH misc.c safe_path(), auth2-pubkeyfile.c auth_openfile()', 'dev-sec ssh-baseline sshd-11; ComplianceAsCode sshd_enable_strictmodes (STIG)'],
  },
  checkConfig(analysis, context) {
    const config = effectiveConfig(analysis, context);
    return config.winners('StrictModes')
      .filter((setting) => isOff(setting))
      .map((setting) =>
        directiveHit(
          setting.directive,
          `StrictModes no${viaLabel(setting)}: sshd accepts authorized_keys files (and their folders) that other users can write, so anyone who can write into a home directory can add a key and log in as its owner.`,
          'Remove the line (the default is yes) and fix the modes: `chmod go-w ~ && chmod 700 ~/.ssh && chmod 600 ~/.ssh/authorized_keys`.',
          argRange(setting),
        ),
      );
  },
});

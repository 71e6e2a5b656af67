import { defineConfigRule, directiveHit } from '../rule.js';
import { argRange, effectiveConfig, isOn } from '../../parse/config/effective-config.js';
import { scopeLabel, viaLabel } from './setting-text.js';

export default defineConfigRule({
  id: 'SSH442',
  alias: 'permit-empty-passwords',
  kinds: ['sshd_config'],
  category: 'unsafe-setting',
  severity: 'error',
  docs: {
    summary: '`PermitEmptyPasswords yes`: accounts without a password can log in with an empty one.',
    what: 'A `PermitEmptyPasswords yes` line that takes effect, at the top level or in any Match block (there is no deliberate use for it on a network service).',
    why: 'sshd refuses an empty password unless this is yes (auth-passwd.c `auth_password`). With yes, every account whose password field is empty (system accounts created without a password, images built with `passwd -d`) can be logged into over the network by typing nothing, as far as password or PAM authentication is enabled. Every guide asks for `no`, which is also the default.',
    bad: 'PermitEmptyPasswords yes',
    good: 'PermitEmptyPasswords no',
    references: [
      'sshd_config(5) PermitEmptyPasswords',
      'OpenSSH auth-passwd.c auth_password()',
      'CIS Ubuntu 24.04 5.1.19; ComplianceAsCode sshd_disable_empty_passwords; dev-sec ssh-baseline sshd-28',
    ],
  },
  checkConfig(analysis, context) {
    const config = effectiveConfig(analysis, context);
    return config.winners('PermitEmptyPasswords')
      .filter((setting) => isOn(setting))
      .map((setting) =>
        directiveHit(
          setting.directive,
          `PermitEmptyPasswords yes takes effect${setting.scope.block ? ` in ${scopeLabel(setting.scope)}` : ''}${viaLabel(setting)}: any account with an empty password can log in over the network without typing one.`,
          'Set `PermitEmptyPasswords no` (the default), or remove the line.',
          argRange(setting),
        ),
      );
  },
});

import { cloudConfigValues, cloudInitTrue } from '../../parse/setup/cloud-init.js';
import { defineSetupRule } from '../rule.js';

export default defineSetupRule({
  id: 'SSH533',
  alias: 'cloud-init-root-login',
  kinds: ['cloud_init'],
  category: 'unsafe-setting',
  severity: 'warning',
  docs: {
    summary: '`disable_root: false` lets root log in over SSH with the default user\'s keys.',
    what: 'cloud-init user data that sets `disable_root` to false (anything cloud-init does not read as true). The default, `true`, is not reported; a templated value is unknown and not reported.',
    why: 'cloud-init installs the default user\'s keys for root too. With `disable_root: true` it prefixes them with a forced command that only prints "Please login as the user …"; with `false` the keys open a root shell, and sshd\'s default `PermitRootLogin prohibit-password` allows that. Logins as root leave no trace of who it was; log in as the user and use sudo.',
    bad: '#cloud-config\ndisable_root: false',
    good: '#cloud-config\ndisable_root: true',
    references: ['cloud-init cc_ssh: disable_root, disable_root_opts', 'sshd_config(5) PermitRootLogin', 'CIS Ubuntu 24.04 5.1.20 (PermitRootLogin no)'],
  },
  checkSetup(model) {
    return cloudConfigValues(model, 'disable_root')
      .filter(({ node }) => cloudInitTrue(node) === false)
      .map(({ span }) => ({
        ...span,
        message: 'disable_root: false installs the default user\'s keys for root without the forced command that refuses the login: they open a root shell.',
        help: 'Remove `disable_root: false` (the default is true) and log in as the default user, then use sudo.',
      }));
  },
});

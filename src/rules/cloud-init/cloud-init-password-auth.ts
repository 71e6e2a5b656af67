import { cloudConfigValues, cloudInitTrue } from '../../parse/setup/cloud-init.js';
import { defineSetupRule } from '../rule.js';

export default defineSetupRule({
  id: 'SSH532',
  alias: 'cloud-init-password-auth',
  kinds: ['cloud_init'],
  category: 'unsafe-setting',
  severity: 'warning',
  docs: {
    summary: '`ssh_pwauth: true` turns SSH password authentication on.',
    what: 'cloud-init user data with `ssh_pwauth` set to true (`true`, `yes`, `on`, `1`, as cloud-init reads them). `false` and `unchanged` are not reported; a templated value is unknown and not reported.',
    why: 'cloud-init writes `PasswordAuthentication yes` into sshd\'s configuration (a `50-cloud-init.conf` drop-in on current Ubuntu, which wins over later drop-ins) and restarts sshd, so every account with a password can be brute-forced over the network. Keys from `ssh_authorized_keys` make passwords unnecessary.',
    bad: '#cloud-config\nssh_pwauth: true',
    good: '#cloud-config\nssh_pwauth: false',
    references: [
      'cloud-init cc_set_passwords: ssh_pwauth',
      'sshd_config(5) PasswordAuthentication',
      'CIS Ubuntu 24.04 5.1.x; Mozilla OpenSSH guidelines',
    ],
  },
  checkSetup(model) {
    return cloudConfigValues(model, 'ssh_pwauth')
      .filter(({ node }) => cloudInitTrue(node) === true)
      .map(({ span }) => ({
        ...span,
        message: 'ssh_pwauth turns on PasswordAuthentication: sshd will accept passwords, which bots guess over the network.',
        help: 'Set `ssh_pwauth: false` and log in with the keys in `ssh_authorized_keys`.',
      }));
  },
});

import { ED25519_EXAMPLE } from '../examples.js';
import { defineKeyFileRule, hitAt, entriesWithOption } from '../rule.js';

export default defineKeyFileRule({
  id: 'SSH144',
  alias: 'environment-option-ignored',
  kinds: ['authorized_keys'],
  category: 'hygiene',
  severity: 'note',
  docs: {
    summary: '`environment=` only works when sshd has `PermitUserEnvironment` enabled, which is off by default.',
    what: 'A key line with one or more `environment="NAME=value"` options.',
    why: 'sshd parses the option but only applies it when sshd_config sets `PermitUserEnvironment yes` (or, since 7.8, a pattern list that matches the name). The default is `no`, and hardening guides keep it that way, because user-controlled variables such as `LD_PRELOAD` can subvert the login. With the default the variable is silently not set; the login itself still works (tested with OpenSSH 9.2p1). Anything that relies on it, such as a forced command reading its configuration from the environment, misbehaves.',
    bad: `environment="DEPLOY_ENV=prod" ${ED25519_EXAMPLE} deploy@ci`,
    good: `command="/usr/local/bin/deploy prod" ${ED25519_EXAMPLE} deploy@ci`,
    references: ['sshd(8) AUTHORIZED_KEYS FILE FORMAT, environment', 'sshd_config(5) PermitUserEnvironment', 'tested with OpenSSH 9.2p1'],
  },
  check(model) {
    return entriesWithOption(model, 'environment').flatMap(({ line, entry }) => {
      const environment = entry.options.filter((option) => option.name === 'environment');
      const first = environment[0];
      if (!first) return [];
      const what = environment.length === 1 ? 'This environment= option is' : `These ${environment.length} environment= options are`;
      return [
        hitAt(
          line,
          first.range,
          `${what} ignored unless sshd_config enables PermitUserEnvironment (default no); the login works, but without the variable${environment.length === 1 ? '' : 's'}.`,
          'Pass the value another way (e.g. as an argument in command=, or via AcceptEnv/SetEnv in the server config), or make sure PermitUserEnvironment allows this name on the server.',
        ),
      ];
    });
  },
});

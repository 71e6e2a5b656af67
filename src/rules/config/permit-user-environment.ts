import { atLeast } from '../../core/version.js';
import { matchPatternList } from '../../openssh/match.js';
import { defineConfigRule, directiveHit, type RuleHit } from '../rule.js';
import { argRange, effectiveConfig, isOn } from '../../parse/config/effective-config.js';
import { viaLabel } from './setting-text.js';

/** Variables that change what a login runs (dynamic loader, shells, interpreters). */
const DANGEROUS = [
  'LD_PRELOAD', 'LD_LIBRARY_PATH', 'LD_AUDIT', 'PATH', 'BASH_ENV', 'ENV', 'SHELLOPTS', 'BASHOPTS', 'PS4', 'IFS',
  'PYTHONPATH', 'PYTHONSTARTUP', 'PERL5LIB', 'PERL5OPT', 'RUBYOPT', 'RUBYLIB', 'NODE_OPTIONS', 'GIT_SSH_COMMAND',
];

export default defineConfigRule({
  id: 'SSH443',
  alias: 'permit-user-environment',
  kinds: ['sshd_config'],
  category: 'unsafe-setting',
  severity: 'warning',
  docs: {
    summary: '`PermitUserEnvironment` lets users set environment variables such as LD_PRELOAD for their sessions (and `Yes`/`No` are not yes/no).',
    what: 'The `PermitUserEnvironment` line that takes effect is `yes`, or (7.8+) a pattern list that lets through a variable that changes what runs (`*`, `LD_*`, `PATH`, `BASH_ENV`…), or a capitalised `Yes`/`No`. A narrow allowlist such as `LANG,LC_*` is the documented safe use and is not reported.',
    why: 'With this on, sshd reads `~/.ssh/environment` and the `environment=` options of authorized_keys before starting the session (session.c `do_setup_env`). A user restricted by a forced command or a restricted shell can then set LD_PRELOAD or BASH_ENV and run code of their choosing, and the variables also reach /bin/login-style helpers. From 7.8 sshd compares the value with `strcmp`: only lower-case `yes` and `no` are keywords, and anything else (`Yes`, `No`, `NO`) is taken as a list of variable names — the feature is switched on, limited to a variable literally called `No`. Every guide (dev-sec, ComplianceAsCode, CIS) asks for `no`, the default.',
    bad: 'PermitUserEnvironment yes',
    good: 'PermitUserEnvironment no',
    references: [
      'sshd_config(5) PermitUserEnvironment',
      'OpenSSH servconf.c case sPermitUserEnvironment (strcmp), session.c do_setup_env()',
      'CIS Ubuntu 24.04 5.1.21; ComplianceAsCode sshd_do_not_permit_user_env; dev-sec ssh-baseline sshd-17',
    ],
  },
  checkConfig(analysis, context) {
    const config = effectiveConfig(analysis, context);
    const hits: RuleHit[] = [];
    const patterns = atLeast(context.version, '7.8');
    for (const setting of config.winners('PermitUserEnvironment')) {
      const value = setting.values[0] ?? '';
      const range = argRange(setting);
      const via = viaLabel(setting);
      if (!patterns) {
        if (isOn(setting)) {
          hits.push(directiveHit(setting.directive, `PermitUserEnvironment yes${via}: users can set any variable (LD_PRELOAD, BASH_ENV…) for their sessions through ~/.ssh/environment or environment= in authorized_keys.`, 'Set `PermitUserEnvironment no`; pass the few variables you need with AcceptEnv/SetEnv.', range));
        }
        continue;
      }
      if (value === 'no') continue;
      if (value === 'yes') {
        hits.push(directiveHit(setting.directive, `PermitUserEnvironment yes${via}: users can set any variable (LD_PRELOAD, BASH_ENV…) for their sessions through ~/.ssh/environment or environment= in authorized_keys, and escape forced commands or restricted shells with it.`, 'Set `PermitUserEnvironment no`, or list the harmless variables you need (`PermitUserEnvironment LANG,LC_*`).', range));
        continue;
      }
      const lower = value.toLowerCase();
      if (['yes', 'no', 'true', 'false'].includes(lower)) {
        const meant = lower === 'no' || lower === 'false' ? 'so the feature is switched ON' : 'so it does not allow everything';
        hits.push(directiveHit(setting.directive, `PermitUserEnvironment ${value}${via} is not the keyword ${lower === 'true' ? 'yes' : lower === 'false' ? 'no' : lower}: sshd compares yes/no case-sensitively and takes '${value}' as a list of variable names, ${meant} (only a variable named '${value}' passes).`, lower === 'no' || lower === 'false' ? 'Write `PermitUserEnvironment no` in lower case.' : 'Write `no` (or the list of variables you mean to allow) in lower case.', range));
        continue;
      }
      const allowed = DANGEROUS.filter((name) => matchPatternList(name, value) === 1);
      if (allowed.length > 0) {
        const shown = allowed.slice(0, 3).join(', ') + (allowed.length > 3 ? '…' : '');
        hits.push(directiveHit(setting.directive, `PermitUserEnvironment '${value}'${via} lets users set ${shown} for their sessions (through ~/.ssh/environment or environment= in authorized_keys), enough to run code of their choosing.`, 'List only harmless variables (`PermitUserEnvironment LANG,LC_*`), or set it to `no`.', range));
      }
    }
    return hits;
  },
});

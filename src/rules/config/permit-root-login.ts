import { defineConfigRule, directiveHit, type RuleHit } from '../rule.js';
import { argRange, blockLimitsNetwork, effectiveConfig, firstValue, scopeAppliesToUser, type Scope } from '../../parse/config/effective-config.js';
import { scopeLabel, viaLabel } from './setting-text.js';

/** A Match block that only some groups get (root's groups are rarely named in one). */
function limitedToGroups(scope: Scope): boolean {
  return scope.match.criteria.some((c) => c.name === 'group' && !c.patterns.some((p) => !p.startsWith('!') && /^[*?]+$/.test(p)) && !c.patterns.includes('root'));
}

export default defineConfigRule({
  id: 'SSH440',
  alias: 'permit-root-login',
  kinds: ['sshd_config'],
  category: 'unsafe-setting',
  severity: 'warning',
  docs: {
    summary: '`PermitRootLogin yes` takes effect: root may log in with a password.',
    what: 'The `PermitRootLogin` line that takes effect (the first one in its scope, drop-ins included at the top counting first) says `yes`, at the top level or in a Match block that root can fall into. A Match block limited to a network (`Match Address 10.0.0.0/8`, `Host`, `LocalAddress`, `LocalPort`), to users that do not include root (`Match User deploy`) or to named groups is taken as a deliberate exception and not reported. `prohibit-password` (the default since OpenSSH 7.0) and `forced-commands-only` are not reported: CIS, ComplianceAsCode and Mozilla want `no`, dev-sec accepts `prohibit-password`, and the upstream default is a sane place to stop.',
    why: 'With `yes`, sshd lets root log in with every enabled method, passwords and keyboard-interactive included (auth.c `auth_root_allowed`). root exists on every machine, so it is the first account password-guessing bots try, and a successful login leaves no trace of who it was. `prohibit-password` keeps key and certificate logins for root; `no` forces administrators to log in as themselves and use sudo.',
    bad: 'PermitRootLogin yes',
    good: 'PermitRootLogin no',
    references: [
      'sshd_config(5) PermitRootLogin',
      'OpenSSH auth.c auth_root_allowed()',
      'CIS Ubuntu 24.04 5.1.20; ComplianceAsCode sshd_disable_root_login; Mozilla OpenSSH guidelines; dev-sec ssh-baseline sshd-06',
    ],
  },
  checkConfig(analysis, context) {
    const config = effectiveConfig(analysis, context);
    const hits: RuleHit[] = [];
    for (const setting of config.winners('PermitRootLogin')) {
      if (firstValue(setting) !== 'yes') continue;
      const { scope } = setting;
      if (scopeAppliesToUser(scope, 'root') === 'no' || blockLimitsNetwork(scope) || limitedToGroups(scope)) continue;
      const where = scope.block ? ` for connections that match ${scopeLabel(scope)}` : '';
      hits.push(
        directiveHit(
          setting.directive,
          `PermitRootLogin yes takes effect${where}${viaLabel(setting)}: root may log in with a password or keyboard-interactive, not only with a key, and root is the account every password-guessing bot tries first.`,
          'Set `PermitRootLogin no` (administrators log in as themselves and use sudo), or `prohibit-password` to allow root with keys only.',
          argRange(setting),
        ),
      );
    }
    return hits;
  },
});

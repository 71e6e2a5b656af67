import { defineConfigRule, directiveHit, type RuleHit } from '../rule.js';
import { argRange, effectiveConfig, firstValue, isOn } from '../../parse/config/effective-config.js';
import { scopeLabel, viaLabel } from './setting-text.js';

export default defineConfigRule({
  id: 'SSH445',
  alias: 'hostbased-authentication',
  kinds: ['sshd_config'],
  category: 'unsafe-setting',
  severity: 'warning',
  docs: {
    summary: 'Host-based authentication is on (`HostbasedAuthentication yes`), or `IgnoreRhosts` lets users\' .rhosts/.shosts files count.',
    what: 'A `HostbasedAuthentication yes` line that takes effect (top level or a Match block), and an `IgnoreRhosts no` or `IgnoreRhosts shosts-only` (8.3+) line that takes effect.',
    why: 'Host-based authentication logs a user in because of the machine they come from: a client host key listed in ssh_known_hosts plus an entry in /etc/hosts.equiv, /etc/shosts.equiv or the user\'s own ~/.rhosts / ~/.shosts (auth-rhosts.c). Whoever controls root on any trusted host, or can write a user\'s ~/.shosts, becomes that user here without a password or key. `IgnoreRhosts no` lets the per-user files take part; it does nothing while host-based authentication is off, but turns a later `HostbasedAuthentication yes` into a per-user trust list. Every guide asks for `HostbasedAuthentication no` and `IgnoreRhosts yes`, the defaults.',
    bad: 'HostbasedAuthentication yes\nIgnoreRhosts no',
    good: 'HostbasedAuthentication no\nIgnoreRhosts yes',
    references: [
      'sshd_config(5) HostbasedAuthentication, IgnoreRhosts',
      'OpenSSH auth2-hostbased.c, auth-rhosts.c auth_rhosts2()',
      'CIS Ubuntu 24.04 5.1.10/5.1.11; ComplianceAsCode disable_host_auth, sshd_disable_rhosts; dev-sec ssh-baseline sshd-23/sshd-25',
    ],
  },
  checkConfig(analysis, context) {
    const config = effectiveConfig(analysis, context);
    const hits: RuleHit[] = [];
    const hostbased = config.winners('HostbasedAuthentication').filter((setting) => isOn(setting));
    for (const setting of hostbased) {
      hits.push(
        directiveHit(
          setting.directive,
          `HostbasedAuthentication yes takes effect${setting.scope.block ? ` in ${scopeLabel(setting.scope)}` : ''}${viaLabel(setting)}: users are let in because of the host they come from, so root on any trusted host (or a user's own ~/.shosts) is enough to log in here.`,
          'Set `HostbasedAuthentication no` (the default) and use keys or certificates.',
          argRange(setting),
        ),
      );
    }
    for (const setting of config.winners('IgnoreRhosts')) {
      const value = firstValue(setting);
      if (value !== 'no' && value !== 'shosts-only') continue;
      const files = value === 'no' ? '~/.rhosts and ~/.shosts' : '~/.shosts';
      const state = hostbased.length > 0 ? 'host-based authentication is on, so each user can extend the list of trusted hosts' : 'harmless while host-based authentication is off, but it makes each user able to extend the trusted hosts as soon as it is turned on';
      hits.push(
        directiveHit(
          setting.directive,
          `IgnoreRhosts ${setting.values[0]}${viaLabel(setting)}: users' own ${files} files count for host-based authentication; ${state}.`,
          'Set `IgnoreRhosts yes` (the default).',
          argRange(setting),
        ),
      );
    }
    return hits;
  },
});

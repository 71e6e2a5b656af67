import { atLeast } from '../../core/version.js';
import { defineConfigRule, directiveHit, relatedDirective, type RuleHit } from '../rule.js';
import { argRange, effectiveConfig, firstValue, type Setting } from '../../parse/config/effective-config.js';
import { scopeLabel, viaLabel } from '../config/setting-text.js';

/** UserKnownHostsFile that records nothing: /dev/null, or `none` (8.7+). */
function discardsHostKeys(setting: Setting | undefined, noneWorks: boolean): boolean {
  if (!setting || setting.values.length === 0) return false;
  return setting.values.every((path) => path === '/dev/null' || (noneWorks && path.toLowerCase() === 'none'));
}

export default defineConfigRule({
  id: 'SSH460',
  alias: 'strict-host-key-checking-off',
  kinds: ['ssh_config'],
  category: 'unsafe-setting',
  severity: 'warning',
  docs: {
    summary: '`StrictHostKeyChecking no`: ssh connects even when the server\'s host key has changed (man-in-the-middle).',
    what: 'A `StrictHostKeyChecking no` (or `off`, `false`) line that takes effect, in any Host/Match block or at the top level. When the same hosts also get `UserKnownHostsFile /dev/null` (or `none`), the message says that host authentication is off entirely (an error in all but name); `accept-new` with `/dev/null` is reported too, since nothing is ever remembered and every key is "new". `accept-new` alone (trust on first use) and `ask`/`yes` are fine.',
    why: 'With `no`, ssh adds unknown host keys without asking and, for a known host whose key changed, only prints a warning, disables password and keyboard-interactive authentication and agent/X11 forwarding, and connects anyway (sshconnect.c `check_host_key`): public-key logins and the commands they run go to whoever answered. With `UserKnownHostsFile /dev/null` ssh never has a key to compare with, so any server is accepted every time and even the changed-key safeguards never trigger. Typical in CI and lab configs; pin the host keys instead (a known_hosts file in the repository, `ssh-keyscan` verified once, or host certificates with `@cert-authority`). dev-sec asks for `ask` or `yes`.',
    bad: 'Host *\n    StrictHostKeyChecking no\n    UserKnownHostsFile /dev/null',
    good: 'Host *\n    StrictHostKeyChecking accept-new',
    references: ['ssh_config(5) StrictHostKeyChecking, UserKnownHostsFile', 'OpenSSH sshconnect.c check_host_key()', 'dev-sec ssh-baseline ssh-07'],
  },
  checkConfig(analysis, context) {
    const config = effectiveConfig(analysis, context);
    const hits: RuleHit[] = [];
    const noneWorks = atLeast(context.version, '8.7');
    for (const setting of config.winners('StrictHostKeyChecking')) {
      const value = firstValue(setting);
      const off = value === 'no' || value === 'off' || value === 'false';
      if (!off && value !== 'accept-new') continue;
      const known = config.in('UserKnownHostsFile', setting.scope);
      const blind = discardsHostKeys(known, noneWorks);
      if (!off && !blind) continue;
      const scope = setting.scope.block ? ` for ${scopeLabel(setting.scope)}` : '';
      const via = viaLabel(setting);
      if (blind) {
        hits.push({
          ...directiveHit(
            setting.directive,
            `StrictHostKeyChecking ${setting.values[0]} with UserKnownHostsFile ${known!.values.join(' ')}${scope}${via} turns host authentication off entirely: no key is ever remembered, so ssh accepts whatever server answers, every time.`,
            'Keep the host keys: drop `UserKnownHostsFile /dev/null`, ship a known_hosts file (or `@cert-authority` line) for these hosts, and use `StrictHostKeyChecking yes` or `accept-new`.',
            argRange(setting),
            [relatedDirective(known!.directive, 'host keys are thrown away here')],
          ),
          severity: 'error',
        });
      } else {
        hits.push(
          directiveHit(
            setting.directive,
            `StrictHostKeyChecking ${setting.values[0]}${scope}${via}: ssh connects even when a server's host key has changed, so a man in the middle receives the session (only password logins and forwarding are switched off).`,
            'Use `StrictHostKeyChecking accept-new` (trust on first use, refuse changed keys) or `yes` with a known_hosts file you ship.',
            argRange(setting),
          ),
        );
      }
    }
    return hits;
  },
});

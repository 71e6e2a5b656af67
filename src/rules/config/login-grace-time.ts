import { defineConfigRule, directiveHit, type RuleHit } from '../rule.js';
import { argRange, effectiveConfig } from '../../parse/config/effective-config.js';
import { viaLabel } from './setting-text.js';

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** misc.c convtime(): NUMBER[unit] repeated; undefined when it does not parse. */
export function convtime(text: string): number | undefined {
  if (text === '') return undefined;
  let total = 0;
  const re = /(\d+(?:\.\d+)?)([smhdwSMHDW]?)/y;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const match = re.exec(text);
    if (!match) return undefined;
    total += Number(match[1]) * (UNIT_SECONDS[(match[2] || 's').toLowerCase()] ?? 1);
    at = re.lastIndex;
  }
  return total;
}

function human(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

export default defineConfigRule({
  id: 'SSH448',
  alias: 'login-grace-time',
  kinds: ['sshd_config'],
  category: 'unsafe-setting',
  severity: 'note',
  docs: {
    summary: '`LoginGraceTime 0` (no limit) or above 10 minutes: unauthenticated connections are held open.',
    what: 'The `LoginGraceTime` line that takes effect is 0 or longer than 10 minutes (600 s).',
    why: 'LoginGraceTime is how long sshd waits for a connection to authenticate before dropping it. Until then each connection holds a pre-authentication process and a MaxStartups slot: with no limit (0) or a very long one, a handful of idle connections fills MaxStartups (default 10:30:100) and sshd starts refusing real users — the classic slow-loris. The default is 120 s; dev-sec asks for 30 s, CIS and ComplianceAsCode for 60 s or less. 0 also made the CVE-2024-6387 ("regreSSHion") workaround `LoginGraceTime 0` popular: it avoids that race at the price of this exhaustion, and is not needed on fixed releases (9.8+, or distribution back-ports).',
    bad: 'LoginGraceTime 0',
    good: 'LoginGraceTime 60',
    references: [
      'sshd_config(5) LoginGraceTime, MaxStartups',
      'OpenSSH sshd.c grace_alarm_handler(); CVE-2024-6387 advisory (Qualys), OpenSSH 9.8 release notes',
      'dev-sec ssh-baseline sshd-18; CIS Ubuntu 24.04 5.1.13',
    ],
  },
  checkConfig(analysis, context) {
    const config = effectiveConfig(analysis, context);
    const hits: RuleHit[] = [];
    for (const setting of config.winners('LoginGraceTime')) {
      const seconds = convtime(setting.values[0] ?? '');
      if (seconds === undefined) continue;
      if (seconds === 0) {
        hits.push(directiveHit(setting.directive, `LoginGraceTime 0${viaLabel(setting)}: sshd never drops connections that do not authenticate, so a few idle connections can fill MaxStartups and lock real users out.`, 'Set a limit such as `LoginGraceTime 60` (on releases fixed for CVE-2024-6387, 0 is not needed).', argRange(setting)));
      } else if (seconds > 600) {
        hits.push(directiveHit(setting.directive, `LoginGraceTime ${setting.values[0]}${viaLabel(setting)} (${human(seconds)}): unauthenticated connections may wait that long, holding MaxStartups slots.`, 'Use 2 minutes or less (`LoginGraceTime 60`; the default is 120).', argRange(setting)));
      }
    }
    return hits;
  },
});

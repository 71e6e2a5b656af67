import { defineConfigRule, directiveHit, type RuleHit } from '../rule.js';
import { argRange, effectiveConfig } from '../../parse/config/effective-config.js';
import { scopeLabel, viaLabel } from './setting-text.js';

/** atoi(): sshd ≤7.6 read MaxAuthTries with it, so a word means 0; later releases reject anything but a number. */
function atoi(text: string): number {
  const match = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(text);
  return match ? Number.parseInt(match[1]!, 10) : 0;
}

export default defineConfigRule({
  id: 'SSH447',
  alias: 'max-auth-tries',
  kinds: ['sshd_config'],
  category: 'lockout',
  severity: 'warning',
  docs: {
    summary: '`MaxAuthTries` so low that logins fail (0: nobody; 1–2: clients with several keys), or very high.',
    what: 'The `MaxAuthTries` line that takes effect (top level or a Match block) is 0, 1 or 2, or above 10. The message says which: 0 locks everyone out, 1–2 lock out clients that offer several keys, above 10 is a note about slower brute-force detection.',
    why: 'sshd counts every rejected authentication request, and each public key a client offers that is not in authorized_keys is one (auth2.c `input_userauth_request`). ssh offers every key in the agent, then the identity files, before the right one, so with `MaxAuthTries 2` a user with three keys loaded gets "Too many authentication failures" before reaching the right key (tested with 9.2p1). `MaxAuthTries 0` passes `sshd -t` but no login can succeed. Guides disagree on the number: dev-sec asks for 2, ComplianceAsCode and CIS for at most 4, the default is 6. 3 or 4 is a safe hardening value; clients with many keys should use `IdentitiesOnly yes`. Above 10, password guessing gets more tries per connection before sshd logs the disconnect.',
    bad: 'MaxAuthTries 1',
    good: 'MaxAuthTries 4',
    references: [
      'sshd_config(5) MaxAuthTries',
      'OpenSSH auth2.c input_userauth_request(), auth_maxtries_exceeded()',
      'dev-sec ssh-baseline sshd-19; CIS Ubuntu 24.04 5.1.16; ComplianceAsCode sshd_set_max_auth_tries',
    ],
  },
  checkConfig(analysis, context) {
    const config = effectiveConfig(analysis, context);
    const hits: RuleHit[] = [];
    for (const setting of config.winners('MaxAuthTries')) {
      const tries = atoi(setting.values[0] ?? '');
      const scope = setting.scope.block ? ` in ${scopeLabel(setting.scope)}` : '';
      const via = viaLabel(setting);
      if (tries <= 0) {
        hits.push({ ...directiveHit(setting.directive, `MaxAuthTries ${setting.values[0]}${scope}${via}: nobody can log in: sshd -t accepts it, but every authentication attempt already exceeds the limit.`, 'Set MaxAuthTries to 3 or more (the default is 6).', argRange(setting)), severity: 'error' });
      } else if (tries <= 2) {
        hits.push(directiveHit(setting.directive, `MaxAuthTries ${tries}${scope}${via}: every key a client offers counts as a try, so users with ${tries + 1} or more keys in their agent get "Too many authentication failures" before the right key is tried.`, 'Use 3 or 4 (CIS: at most 4) and tell users with many keys to set `IdentitiesOnly yes` for this host.', argRange(setting)));
      } else if (tries > 10) {
        hits.push({ ...directiveHit(setting.directive, `MaxAuthTries ${tries}${scope}${via} is high: each connection may try ${tries} passwords or keys before sshd logs the failure and disconnects.`, 'Use a value between 3 and 6 (the default is 6; CIS asks for at most 4).', argRange(setting)), severity: 'note' });
      }
    }
    return hits;
  },
});

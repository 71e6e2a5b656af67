import { atLeast } from '../../core/version.js';
import { defineConfigRule, directiveHit, relatedDirective, type RuleHit } from '../rule.js';
import { argRange, type EffectiveConfig, effectiveConfig, isOff, isOn, type Setting } from '../../parse/config/effective-config.js';
import { scopeLabel, viaLabel, where, written } from './setting-text.js';

/** Methods that, required in every AuthenticationMethods list, keep keyboard-interactive from being a sole factor. */
const STRONG_METHODS = new Set(['publickey', 'hostbased', 'gssapi-with-mic']);

/** True when AuthenticationMethods requires a key (or host/GSSAPI) in every list: keyboard-interactive is then a second factor. */
function kbdIsSecondFactorOnly(config: EffectiveConfig): boolean {
  const methods = config.global('AuthenticationMethods');
  if (!methods || methods.values.length === 0) return false;
  if (methods.values.some((list) => list.toLowerCase() === 'any')) return false;
  return methods.values.every((list) => list.split(',').some((method) => STRONG_METHODS.has(method.split(':')[0]!.toLowerCase())));
}

/** Where keyboard-interactive gets switched on, as of the target release: the line, or the default that does it. */
function kbdInteractive(config: EffectiveConfig, since87: boolean): { on: boolean; setting?: Setting; byDefault?: string } {
  const kbd = config.global('KbdInteractiveAuthentication');
  if (since87) {
    // ChallengeResponseAuthentication is an alias from 8.7: the canonical keyword covers both.
    if (kbd) return isOn(kbd) ? { on: true, setting: kbd } : { on: false };
    return { on: true, byDefault: 'KbdInteractiveAuthentication defaults to yes' };
  }
  // ≤8.6: sshd.c turns keyboard-interactive on whenever ChallengeResponseAuthentication is on (default yes).
  if (isOn(kbd)) return { on: true, setting: kbd! };
  const challenge = config.global('ChallengeResponseAuthentication');
  if (challenge) return isOn(challenge) ? { on: true, setting: challenge } : { on: false };
  return {
    on: true,
    byDefault: kbd
      ? `${kbd.directive.keyword} no (${where(kbd.directive)}) is not enough before OpenSSH 8.7: ChallengeResponseAuthentication defaults to yes and turns keyboard-interactive back on`
      : 'ChallengeResponseAuthentication defaults to yes, which turns keyboard-interactive on before OpenSSH 8.7',
  };
}

export default defineConfigRule({
  id: 'SSH441',
  alias: 'password-authentication',
  kinds: ['sshd_config'],
  category: 'unsafe-setting',
  severity: 'warning',
  docs: {
    summary: 'Password logins are switched on: `PasswordAuthentication yes`, or keyboard-interactive through PAM.',
    what:
      'Two findings. (1) A `PasswordAuthentication yes` line that takes effect for everyone: at the top level, in a drop-in (cloud-init\'s `50-cloud-init.conf` is the usual one: included at the top of sshd_config, it wins over a `PasswordAuthentication no` further down), or in a Match block that matches (nearly) every connection. The upstream default is also yes, but an unset value is not reported: only a line that asks for passwords. A Match block for some users or a network (`Match Address 10.0.0.0/8` / `PasswordAuthentication yes`) is taken as a deliberate exception. ' +
      '(2) `PasswordAuthentication no` while keyboard-interactive authentication is on (`KbdInteractiveAuthentication yes`, its old name `ChallengeResponseAuthentication`, or left at its default: yes from 8.7, and before 8.7 switched on by ChallengeResponseAuthentication\'s default) and `UsePAM yes`. Not reported when `AuthenticationMethods` requires a key in every list (`publickey,keyboard-interactive`: the MFA recipe), where keyboard-interactive is only a second factor.',
    why: 'Passwords can be guessed, phished and reused; keys cannot be brute-forced over the network. With `UsePAM yes`, keyboard-interactive hands the conversation to PAM, and the usual PAM stack (pam_unix) asks for the account password: `PasswordAuthentication no` then keeps only the `password` method out, and `ssh -o PreferredAuthentications=keyboard-interactive` still logs in with a password. That is why Debian and Ubuntu ship `KbdInteractiveAuthentication no` and Mozilla\'s guideline warns about it. dev-sec and Mozilla ask for `PasswordAuthentication no`; CIS does not require it.',
    bad: 'PasswordAuthentication yes',
    good: 'PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM yes',
    references: [
      'sshd_config(5) PasswordAuthentication, KbdInteractiveAuthentication, UsePAM, AuthenticationMethods',
      'OpenSSH 8.7 release notes (ChallengeResponseAuthentication became an alias); sshd.c ≤8.6 ("challenge-response is implemented via keyboard interactive")',
      'Mozilla OpenSSH guidelines (PAM and keyboard-interactive); dev-sec ssh-baseline sshd-27/sshd-29',
      'cloud-init cc_set_passwords (50-cloud-init.conf)',
    ],
  },
  checkConfig(analysis, context) {
    const config = effectiveConfig(analysis, context);
    const hits: RuleHit[] = [];
    const { dead } = config;
    for (const setting of config.winners('PasswordAuthentication')) {
      if (!isOn(setting) || !setting.scope.broad) continue;
      const beaten = dead.filter((d) => d.winner === setting && isOff(d.setting)).map((d) => d.setting);
      const over = beaten.length > 0 ? `; it wins over \`${written(beaten[0]!.directive)}\` at ${where(beaten[0]!.directive)}, because sshd keeps the first value it reads` : '';
      const scope = setting.scope.block ? ` in ${scopeLabel(setting.scope)}` : '';
      hits.push(
        directiveHit(
          setting.directive,
          `PasswordAuthentication yes takes effect${scope}${viaLabel(setting)}${over}: accounts can be logged into by guessing or reusing their password.`,
          beaten.length > 0 ? `Change or remove this line (a drop-in read first wins; for cloud-init set \`ssh_pwauth: false\`).` : 'Set `PasswordAuthentication no` once every user has a key.',
          argRange(setting),
          beaten.map((d) => relatedDirective(d.directive, 'this value never takes effect')),
        ),
      );
    }
    const password = config.global('PasswordAuthentication');
    if (password && isOff(password) && isOn(config.global('UsePAM')) && !kbdIsSecondFactorOnly(config)) {
      const since87 = atLeast(context.version, '8.7');
      const kbd = kbdInteractive(config, since87);
      if (kbd.on && kbd.setting) {
        hits.push(
          directiveHit(
            kbd.setting.directive,
            `${kbd.setting.directive.keyword} yes with UsePAM yes lets PAM ask for the account password through keyboard-interactive, so passwords still work although PasswordAuthentication is no (${where(password.directive)}).`,
            'Set `KbdInteractiveAuthentication no`, or require a key first with `AuthenticationMethods publickey,keyboard-interactive` if keyboard-interactive is meant as a second factor.',
            argRange(kbd.setting),
            [relatedDirective(password.directive, 'passwords are meant to be off here')],
          ),
        );
      } else if (kbd.on && kbd.byDefault) {
        hits.push(
          directiveHit(
            password.directive,
            `PasswordAuthentication no does not turn passwords off: ${kbd.byDefault}, and with UsePAM yes PAM asks for the account password through keyboard-interactive.`,
            since87
              ? 'Add `KbdInteractiveAuthentication no` (or require a key first with `AuthenticationMethods publickey,keyboard-interactive`).'
              : 'Add `ChallengeResponseAuthentication no` (before 8.7 it is what turns keyboard-interactive off), or require a key first with `AuthenticationMethods publickey,keyboard-interactive`.',
            argRange(password),
          ),
        );
      }
    }
    return hits;
  },
});

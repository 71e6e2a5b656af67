import { atLeast } from '../../core/version.js';
import { defineConfigRule, directiveHit, type RuleContext, type RuleHit } from '../rule.js';
import { argRange, type EffectiveConfig, effectiveConfig, isOff, isOn } from '../../parse/config/effective-config.js';
import { scopeLabel, viaLabel } from './setting-text.js';

/** The other ways in that stay open for everyone (defaults of the target release). */
function otherMethods(config: EffectiveConfig, context: RuleContext): string[] {
  const methods: string[] = [];
  const password = config.global('PasswordAuthentication');
  if (!password || isOn(password)) methods.push('password');
  const kbd = config.global('KbdInteractiveAuthentication');
  if (atLeast(context.version, '8.7')) {
    if (!kbd || isOn(kbd)) methods.push('keyboard-interactive');
  } else {
    const challenge = config.global('ChallengeResponseAuthentication');
    if (isOn(kbd) || !challenge || isOn(challenge)) methods.push('keyboard-interactive');
  }
  if (isOn(config.global('HostbasedAuthentication'))) methods.push('host-based');
  if (isOn(config.global('GSSAPIAuthentication'))) methods.push('GSSAPI');
  if (isOn(config.global('KerberosAuthentication'))) methods.push('Kerberos password');
  return methods;
}

export default defineConfigRule({
  id: 'SSH451',
  alias: 'pubkey-authentication-off',
  kinds: ['sshd_config'],
  category: 'lockout',
  severity: 'warning',
  docs: {
    summary: '`PubkeyAuthentication no` for everyone: keys and certificates stop working.',
    what: 'The `PubkeyAuthentication` line that takes effect for everyone (top level, a drop-in, or a Match block that matches every connection) says `no` (its old name `DSAAuthentication` counts too). Match blocks that switch keys off for some users (an sftp group with passwords) are not reported. The message lists the methods that remain; when none does, nobody can log in at all.',
    why: 'Public-key authentication is how administrators and automation (Ansible, CI deploy keys, cloud-init\'s injected key) log in. With it off, every authorized_keys file and user certificate is ignored, and the only ways left are passwords (which hardening usually turns off) or GSSAPI: a change made to "disable something" often locks out the very people who made it. `sshd -t` does not notice. Every guide asks for yes (the default); ComplianceAsCode also has a rule to disable it, for a few special profiles.',
    bad: 'PubkeyAuthentication no\nPasswordAuthentication no',
    good: 'PubkeyAuthentication yes\nPasswordAuthentication no',
    references: ['sshd_config(5) PubkeyAuthentication', 'OpenSSH auth2-pubkey.c userauth_pubkey()', 'dev-sec ssh-baseline sshd-22; ComplianceAsCode sshd_enable_pubkey_auth'],
  },
  checkConfig(analysis, context) {
    const config = effectiveConfig(analysis, context);
    const setting = config.global('PubkeyAuthentication');
    if (!setting || !isOff(setting)) return [];
    const others = otherMethods(config, context);
    const left =
      others.length === 0
        ? 'and no other method is enabled, so nobody can log in at all'
        : `so only ${others.join(', ')} authentication remain${others.length === 1 ? 's' : ''}`;
    const scope = setting.scope.block ? ` (${scopeLabel(setting.scope)})` : '';
    const hit: RuleHit = directiveHit(
      setting.directive,
      `PubkeyAuthentication ${setting.values[0]} takes effect for everyone${scope}${viaLabel(setting)}: authorized_keys files and certificates are ignored, ${left}.`,
      'Keep `PubkeyAuthentication yes` (the default); to refuse keys for some users only, set it in a Match block for them.',
      argRange(setting),
    );
    return [hit];
  },
});

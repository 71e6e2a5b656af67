import { defineConfigRule, directiveHit, relatedDirective, type RuleHit } from '../rule.js';
import { argRange, effectiveConfig, isOn } from '../../parse/config/effective-config.js';
import { scopeLabel, viaLabel } from '../config/setting-text.js';

export default defineConfigRule({
  id: 'SSH462',
  alias: 'forward-x11-trusted',
  kinds: ['ssh_config'],
  category: 'unsafe-setting',
  severity: 'warning',
  docs: {
    summary: '`ForwardX11 yes` with `ForwardX11Trusted yes`: servers get full control of your X11 desktop.',
    what: 'A `ForwardX11Trusted yes` line and a `ForwardX11 yes` line that both take effect for (nearly) every host: top level, `Host *`, `Match all`, `Match final all` or another wildcard pattern. Both set for named hosts (`Host my-desktop`) is a deliberate choice for machines you trust and is not reported, and neither is `ForwardX11Trusted yes` alone: it only changes what `ssh -X` does, Debian builds default to it anyway, and Fedora/RHEL ship it in `ssh_config.d/50-redhat.conf`.',
    why: 'X11 forwarding lets programs on the server open windows on your display. Untrusted forwarding (the upstream default) runs them under the X SECURITY extension; trusted forwarding gives them the same access as local programs: they can read every keystroke (passwords typed in other windows), take screenshots and inject input. With `ForwardX11 yes` this happens on every connection to those hosts without asking, and root on the server — or an attacker there — can use it. dev-sec asks for `ForwardX11 no`; forward X11 per connection with `ssh -X` where you need it.',
    bad: 'Host *\n    ForwardX11 yes\n    ForwardX11Trusted yes',
    good: 'Host *\n    ForwardX11 no\n    ForwardX11Trusted no',
    references: ['ssh_config(5) ForwardX11, ForwardX11Trusted', 'Xsecurity(7)', 'dev-sec ssh-baseline ssh-12'],
  },
  checkConfig(analysis, context) {
    const config = effectiveConfig(analysis, context);
    const hits: RuleHit[] = [];
    const forwarding = config.winners('ForwardX11').filter((setting) => isOn(setting));
    for (const setting of config.winners('ForwardX11Trusted')) {
      if (!isOn(setting) || !setting.scope.broad) continue;
      const x11 = forwarding.find((f) => f.scope.broad);
      if (!x11) continue;
      const scope = setting.scope.block ? ` for ${scopeLabel(setting.scope)}` : '';
      hits.push(
        directiveHit(
          setting.directive,
          `ForwardX11Trusted yes${scope}${viaLabel(setting)} together with ForwardX11 yes: every connection to these hosts forwards your display with full trust, so programs on the server can read your keystrokes, capture the screen and inject input.`,
          'Set `ForwardX11 no` (use `ssh -X` when you need it) and `ForwardX11Trusted no`.',
          argRange(setting),
          [relatedDirective(x11.directive, 'X11 forwarding is switched on here')],
        ),
      );
    }
    return hits;
  },
});

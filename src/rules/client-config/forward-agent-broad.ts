import { defineConfigRule, directiveHit } from '../rule.js';
import { argRange, effectiveConfig, isOff } from '../../parse/config/effective-config.js';
import { scopeLabel, viaLabel } from '../config/setting-text.js';

export default defineConfigRule({
  id: 'SSH461',
  alias: 'forward-agent-broad',
  kinds: ['ssh_config'],
  category: 'unsafe-setting',
  severity: 'warning',
  docs: {
    summary: '`ForwardAgent yes` for every host (top level, `Host *`, or another wildcard): any server you log into can use your keys.',
    what: 'A `ForwardAgent` line that takes effect and turns forwarding on (`yes`, or from 8.2 a socket path or `$VARIABLE`), at the top level or in a block whose patterns take in nearly every host: `Host *`, `Host * !x`, `Host *.*`, `Match all`, `Match final all`. Agent forwarding for named hosts (`Host bastion.example.com`) is a deliberate choice and not reported.',
    why: 'With agent forwarding, the server gets a socket through which it can ask your ssh-agent to sign with any loaded key. Anyone with root on that server — an administrator, or an attacker who got in — can use it to log in elsewhere as you for as long as you stay connected; the key itself never leaves your machine, but that does not help. Enabled for all hosts, every server you connect to gets that power, including ones you do not control. Mozilla and dev-sec ask for `ForwardAgent no`; use `ProxyJump` (`ssh -J`) to reach hosts behind a bastion, which needs no forwarding, and enable forwarding only for named hosts that need it.',
    bad: 'Host *\n    ForwardAgent yes',
    good: 'Host build.example.com\n    ForwardAgent yes\n\nHost *\n    ForwardAgent no',
    references: ['ssh_config(5) ForwardAgent, ProxyJump', 'Mozilla OpenSSH guidelines (ProxyJump instead of ForwardAgent)', 'dev-sec ssh-baseline ssh-11'],
  },
  checkConfig(analysis, context) {
    const config = effectiveConfig(analysis, context);
    return config.winners('ForwardAgent')
      .filter((setting) => setting.scope.broad && !isOff(setting) && setting.values.length > 0)
      .map((setting) =>
        directiveHit(
          setting.directive,
          `ForwardAgent ${setting.values[0]} applies to ${setting.scope.block ? `every host matching ${scopeLabel(setting.scope)}` : 'every host (top level)'}${viaLabel(setting)}: root on any server you connect to can use your loaded keys to log in elsewhere as you.`,
          'Set `ForwardAgent no` for `Host *`, and enable it only in `Host` blocks for the servers that need it (or use `ProxyJump` instead).',
          argRange(setting),
        ),
      );
  },
});

import { defineConfigRule, directiveHit, type RuleHit } from '../rule.js';
import { argRange, effectiveConfig, firstValue, isOn } from '../../parse/config/effective-config.js';
import { scopeLabel, viaLabel } from './setting-text.js';

/** Keyword → what it opens when not `no`. */
const FORWARDING: readonly { keyword: string; what: string }[] = [
  { keyword: 'AllowTcpForwarding', what: 'users can open TCP tunnels through this server (`ssh -L/-R/-D`), into networks it can reach' },
  { keyword: 'AllowStreamLocalForwarding', what: 'users can forward Unix sockets (for example a Docker socket) through this server' },
  { keyword: 'AllowAgentForwarding', what: 'forwarded agents are exposed on this server, where root (or a compromise) can use them to log in elsewhere as the user' },
  { keyword: 'X11Forwarding', what: 'sessions get an X11 display proxy, a path back into the client\'s desktop' },
  { keyword: 'GatewayPorts', what: 'remote forwards listen on all interfaces, not only on loopback, so other hosts can reach them' },
  { keyword: 'PermitTunnel', what: 'users can create tun/tap devices: a layer-3/layer-2 VPN into the server\'s network' },
];

export default defineConfigRule({
  id: 'SSH446',
  alias: 'forwarding-enabled',
  kinds: ['sshd_config'],
  category: 'unsafe-setting',
  severity: 'note',
  enabledByDefault: false,
  docs: {
    summary: 'Forwarding switched on explicitly: TCP, Unix-socket, agent or X11 forwarding, GatewayPorts, PermitTunnel (opinionated; off by default).',
    what: 'A line that takes effect for everyone (top level, or a Match block matching nearly every connection) and turns on `AllowTcpForwarding` (yes/all/local/remote), `AllowStreamLocalForwarding`, `AllowAgentForwarding`, `X11Forwarding`, `GatewayPorts` (yes/clientspecified) or `PermitTunnel` (yes/point-to-point/ethernet). Only written lines are reported, not defaults, and nothing when `DisableForwarding yes` takes effect in the same scope. Match blocks for some users or networks are taken as deliberate.',
    why: 'Forwarding turns an SSH login into a network path: a user who may only run one program can still tunnel into the server\'s networks, and forwarded agents can be used by anyone with root on the server. Sources disagree: dev-sec asks for all of them off, CIS asks for `DisableForwarding yes`, Mozilla leaves them alone, and OpenSSH enables TCP, agent and stream-local forwarding by default because developers rely on them (Debian and Ubuntu even ship `X11Forwarding yes`). The rule is therefore off by default; turn it on for bastions and servers whose users have no need to forward. GatewayPorts and PermitTunnel are rarely needed anywhere.',
    bad: 'AllowTcpForwarding yes\nX11Forwarding yes',
    good: 'DisableForwarding yes',
    references: [
      'sshd_config(5) AllowTcpForwarding, AllowAgentForwarding, AllowStreamLocalForwarding, DisableForwarding, GatewayPorts, PermitTunnel, X11Forwarding',
      'dev-sec ssh-baseline sshd-38…sshd-42; CIS Ubuntu 24.04 5.1.8 (DisableForwarding); ComplianceAsCode sshd_disable_x11_forwarding, sshd_disable_tcp_forwarding',
    ],
  },
  checkConfig(analysis, context) {
    const config = effectiveConfig(analysis, context);
    const hits: { index: number; hit: RuleHit }[] = [];
    for (const { keyword, what } of FORWARDING) {
      for (const setting of config.winners(keyword)) {
        if (!setting.scope.broad) continue;
        const value = firstValue(setting);
        if (value === 'no' || value === '') continue;
        if (isOn(config.in('DisableForwarding', setting.scope))) continue;
        const scope = setting.scope.block ? ` in ${scopeLabel(setting.scope)}` : '';
        hits.push({
          index: setting.index,
          hit: directiveHit(
            setting.directive,
            `${setting.directive.keyword} ${setting.values[0]}${scope}${viaLabel(setting)}: ${what}.`,
            `Set \`${keyword} no\` where nobody needs it (or \`DisableForwarding yes\`), and allow it in a Match block for the users who do.`,
            argRange(setting),
          ),
        });
      }
    }
    return hits.sort((a, b) => a.index - b.index).map((h) => h.hit);
  },
});

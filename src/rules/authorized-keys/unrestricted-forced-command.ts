import { ED25519_EXAMPLE } from '../examples.js';
import { defineKeyFileRule, hitAt, entriesWithOption } from '../rule.js';

export default defineKeyFileRule({
  id: 'SSH143',
  alias: 'unrestricted-forced-command',
  kinds: ['authorized_keys'],
  category: 'unsafe-setting',
  severity: 'warning',
  docs: {
    summary: 'A `command=` key that still allows port forwarding (no `restrict`, no `no-port-forwarding`).',
    what: 'A key line with a forced `command="…"` that neither starts from `restrict` nor says anything about port forwarding (`no-port-forwarding`, `port-forwarding`, `permitopen=`, `permitlisten=`). Lines that mention port forwarding explicitly are taken as deliberate; so are `restrict` lines that re-enable something, such as `restrict,pty,command="…"`. Agent and X11 forwarding are named in the message when they are also left on, but do not trigger the rule on their own: they expose the connecting client, not the server.',
    why: 'A forced command only replaces the shell, exec or subsystem request. Port forwarding needs no session at all: `ssh -N -L 8080:intranet:80 host` with a "backup only" key opens a tunnel into the server\'s network and the forced command never runs (tested with OpenSSH 9.2p1). sshd(8) warns that "the client may specify TCP and/or X11 forwarding unless they are explicitly prohibited, e.g. using the restrict key option". A server-wide `AllowTcpForwarding no` also prevents it, but that is outside this file.',
    bad: `command="/usr/local/bin/backup" ${ED25519_EXAMPLE} backup@nas`,
    good: `restrict,command="/usr/local/bin/backup" ${ED25519_EXAMPLE} backup@nas`,
    references: ['sshd(8) AUTHORIZED_KEYS FILE FORMAT, command and restrict', 'OpenSSH auth-options.c sshauthopt_parse()', 'tested with OpenSSH 9.2p1 (ssh -N -L through a command= key)'],
  },
  check(model) {
    return entriesWithOption(model, 'command').flatMap(({ line, entry }) => {
      const command = entry.options.find((option) => option.name === 'command');
      if (!command) return [];
      const names = new Set(entry.options.map((option) => option.name));
      if (names.has('restrict')) return [];
      if (['port-forwarding', 'permitopen', 'permitlisten'].some((name) => names.has(name))) return [];
      const alsoOn = [names.has('agent-forwarding') ? undefined : 'agent', names.has('x11-forwarding') ? undefined : 'X11'].filter((x) => x !== undefined);
      const also = alsoOn.length > 0 ? ` (${alsoOn.join(' and ')} forwarding ${alsoOn.length > 1 ? 'are' : 'is'} also left on)` : '';
      const ca = entry.options.some((option) => option.name === 'cert-authority') ? ', unless the certificates themselves lack permit-port-forwarding' : '';
      return [
        hitAt(
          line,
          command.range,
          `This key is limited to a forced command, but port forwarding is still allowed${also}: with \`ssh -N -L\` or \`-R\` its holder can open tunnels through this server without ever running the command${ca}.`,
          'Add `restrict` in front of the options (`restrict,command="…"`), or at least `no-port-forwarding,no-agent-forwarding,no-X11-forwarding`.',
        ),
      ];
    });
  },
});

import { directiveHit, defineConfigRule, type RuleHit } from '../rule.js';
import { algorithmDirectives, code, exceptionAdvice, isWeak, listing, reasonText, undisputedReasons } from './algorithm-lists.js';

/** Which old peer a name is usually re-enabled for. `peer` is "client" (sshd_config) or "server" (ssh_config). */
export function legacyPeer(name: string, peer: 'client' | 'server'): string {
  const peers = `${peer}s`;
  if (name.startsWith('ssh-rsa')) {
    return `${peers} that can only make or check SHA-1 RSA signatures (OpenSSH before 7.2, and libraries or appliances of that age)`;
  }
  if (name.startsWith('ssh-dss')) return `${peers} that only have a DSA key (OpenSSH disabled DSA by default in 7.0 and removed it in 10.0)`;
  if (name === 'diffie-hellman-group1-sha1') return `${peers} that only offer the 1024-bit Oakley group, such as switches, routers and SSH stacks from before 2015`;
  if (name.startsWith('diffie-hellman-group14-sha1')) return `${peers} without SHA-2 key exchange (OpenSSH before 7.3, and libraries or devices of that age)`;
  if (name === 'diffie-hellman-group-exchange-sha1') return `very old ${peers} without SHA-2 group exchange`;
  if (name.endsWith('-cbc') || name.includes('-cbc@')) {
    return `${peers} that only speak CBC ciphers, typically network equipment and embedded SSH servers (OpenSSH's server has not offered CBC by default since 6.7, its client since 7.6)`;
  }
  if (name.startsWith('hmac-md5') || name.startsWith('hmac-sha1-96')) return `${peers} from the early 2000s without SHA-2 MACs`;
  return `an old ${peer}`;
}

export default defineConfigRule({
  id: 'SSH431',
  alias: 'legacy-algorithm-workaround',
  kinds: ['ssh_config', 'sshd_config'],
  category: 'weak-crypto',
  severity: 'warning',
  docs: {
    summary: 'A `+`/`^` edit that re-enables a weak algorithm for an old peer (`+ssh-rsa`, `+ssh-dss`, `+diffie-hellman-group1-sha1`, `+3des-cbc`, `+aes128-cbc`…), for everyone.',
    what:
      'An algorithm list (`Ciphers`, `MACs`, `KexAlgorithms`, `HostKeyAlgorithms`, `PubkeyAcceptedAlgorithms`, `HostbasedAcceptedAlgorithms`, `CASignatureAlgorithms`) written as `+names` (append to the defaults) or `^names` (8.1+: put first) where a name (or a wildcard such as `+ssh-rsa*`) brings in an algorithm that every source agrees is weak or broken: `ssh-rsa` and `ssh-rsa-cert-v01@openssh.com` (SHA-1 signatures), `ssh-dss`, `diffie-hellman-group1-sha1`, `diffie-hellman-group14-sha1`, `diffie-hellman-group-exchange-sha1`, `3des-cbc`, `aes*-cbc`, `hmac-md5*`, `hmac-sha1-96*`. Only the line that takes effect is judged. On a release that still enables the name by default (`+ssh-rsa` before 8.8) a `+` line changes nothing and is not reported; `^` still makes it the first choice and is.\n\n' +
      'This is the fix that error messages such as "no matching host key type found. Their offer: ssh-rsa" lead to, copied into a global configuration and never removed. This rule owns weak names written in `+`/`^` lists; SSH430 weak-algorithm covers explicit lists and `-` edits, so a name is reported once. Not reported: the same line inside a `Host` or `Match` block for named peers (that is the remedy), and names only some guides reject, such as `+hmac-sha1` (SSH433 disputed-algorithm).',
    why:
      'A `+` edit keeps the strong defaults first, so two modern peers still negotiate a strong algorithm; but the weak one is now accepted from every peer, not only the old one the line was written for: any peer that prefers it or only offers it gets it without a warning, and nobody notices when the old peer is finally gone. OpenSSH disabled these names by default on purpose (`ssh-rsa` in 8.8, group14-sha1 in 8.2, group1 and DSA in 7.0, CBC in the server in 6.7) and its legacy-options page shows how to re-enable one for the specific host that needs it.',
    bad: 'Host *\n    HostKeyAlgorithms +ssh-rsa\n    PubkeyAcceptedAlgorithms +ssh-rsa',
    good: 'Host old-switch.example.net\n    HostKeyAlgorithms +ssh-rsa\n    PubkeyAcceptedAlgorithms +ssh-rsa\n\nHost *\n    HashKnownHosts yes',
    references: [
      'OpenSSH 8.8 release notes (ssh-rsa disabled by default; "+ssh-rsa" for specific hosts)',
      'OpenSSH legacy options page (openssh.com/legacy.html): re-enable per host',
      'ssh_config(5), sshd_config(5): the + and ^ list prefixes',
      'ssh-audit ssh2_kexdb.py (fail/warn per algorithm)',
    ],
  },
  checkConfig(analysis, context) {
    const hits: RuleHit[] = [];
    const ssh = analysis.kind === 'ssh_config';
    for (const list of algorithmDirectives(analysis, context)) {
      if (list.perPeer || (list.mode !== 'append' && list.mode !== 'prepend')) continue;
      for (const element of list.elements) {
        // `+name` for a name the release still enables by default is a no-op there (the default's
        // business); `^name` still moves it to the front, where it is preferred.
        const prepend = list.mode === 'prepend';
        const weak = element.selects.filter((name) => isWeak(name) && (prepend || !list.defaults.includes(name)));
        if (weak.length === 0) continue;
        const names = listing(weak.map(code));
        const reasons = weak.map((name) => reasonText(undisputedReasons(name))).filter((r, i, all) => all.indexOf(r) === i);
        const fresh = weak.some((name) => !list.defaults.includes(name));
        const verb = fresh
          ? `re-enables ${names}, which OpenSSH ${list.release} leaves out by default${prepend ? ', and prefers it' : ''}`
          : `makes ${names} the first choice`;
        const peer = legacyPeer(weak[0]!, ssh ? 'server' : 'client');
        const scope = ssh
          ? list.entry.block
            ? `every host this \`${list.entry.block.keyword} ${list.entry.block.args.map((a) => a.value).join(' ')}\` block matches`
            : 'every host ssh connects to'
          : 'every client of this server';
        const message = `${list.key} ${code(`${list.mode === 'append' ? '+' : '^'}${element.text}`)} ${verb} (${reasons.join('; ')}). This is the usual workaround for ${peer}; it applies to ${scope}, not only to that peer.`;
        const help = `${exceptionAdvice(analysis, list.key)} Then remove this line.`;
        hits.push(directiveHit(list.directive, message, help, element.range));
      }
    }
    return hits;
  },
});

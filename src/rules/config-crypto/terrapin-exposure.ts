import { defaultAlgorithms } from '../../openssh/algorithms.js';
import { directiveHit, defineConfigRule, relatedDirective, type RuleHit } from '../rule.js';
import { algorithmDirectives, code, CRYPTO_CONFIG_KINDS, listing, releaseAtLeast, type AlgorithmDirective } from './algorithm-lists.js';

const CHACHA = 'chacha20-poly1305@openssh.com';
const isCbc = (name: string): boolean => name.endsWith('-cbc') || name.includes('-cbc@');
const isEtm = (name: string): boolean => name.endsWith('-etm@openssh.com');

/** Names a line chose: written in it, or defaults a `-` edit kept (the defaults of `+`/`^` edits are the release's choice). */
function chosen(list: AlgorithmDirective): string[] {
  return [...list.elements.flatMap((e) => e.selects), ...(list.mode === 'remove' ? list.inherited : [])];
}

export default defineConfigRule({
  id: 'SSH432',
  alias: 'terrapin-exposure',
  kinds: CRYPTO_CONFIG_KINDS,
  category: 'weak-crypto',
  severity: 'note',
  docs: {
    summary: 'Ciphers chosen for a release before 9.6 that are open to the Terrapin attack (chacha20-poly1305, or CBC with an EtM MAC).',
    what:
      'On a target release before 9.6, a `Ciphers` line that takes effect and keeps `chacha20-poly1305@openssh.com` (written in it, or left by a `-` edit), or that enables a CBC cipher while the effective `MACs` (the same scope\'s line, else the global one, else the defaults) include an encrypt-then-MAC (`*-etm@openssh.com`) MAC.\n\n' +
      'Not reported: a configuration without a `Ciphers` line (the release\'s defaults are not a choice anyone made, and distributions backported the fix to their stock packages); a `+`/`^` edit that only keeps the default chacha20-poly1305; any target 9.6 or later, where both sides of a connection between 9.6+ peers use strict key exchange and exposure depends only on the peer, which a configuration file cannot tell. The CBC cipher itself is also reported as weak by SSH430/SSH431: this note is about the separate handshake attack.',
    why:
      'Terrapin (CVE-2023-48795, December 2023) is a prefix-truncation attack on the SSH handshake: a man-in-the-middle deletes messages at the start of the encrypted channel without either side noticing, which can downgrade the extension negotiation (server-sig-algs, the 9.5 keystroke-timing obfuscation). It works against chacha20-poly1305 and against CBC ciphers combined with EtM MACs. OpenSSH 9.6 added "strict KEX" (`kex-strict-*-v00@openssh.com`), which closes it when both peers support it. Debian (9.2p1-2+deb12u2), Ubuntu and RHEL backported strict KEX to older packages; on such a build only peers without it remain exposed.',
    bad: '# target: OpenSSH 9.2 …\nCiphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes256-ctr',
    good: 'Ciphers aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr,aes128-ctr',
    references: [
      'terrapin-attack.com; Bäumer, Brinkmann, Schwenk: Terrapin Attack (USENIX Security 2024), CVE-2023-48795',
      'OpenSSH 9.6 release notes (strict KEX)',
      'ssh-audit ssh_audit.py (Terrapin checks)',
      'Debian security tracker, CVE-2023-48795 (fixed in openssh 1:9.2p1-2+deb12u2)',
    ],
  },
  checkConfig(analysis, context) {
    const lists = algorithmDirectives(analysis, context);
    const release = lists[0]?.release;
    if (release === undefined || releaseAtLeast(release, '9.6')) return [];
    const macsFor = (list: AlgorithmDirective): { names: readonly string[]; from?: AlgorithmDirective } => {
      const macs = lists.filter((l) => l.key === 'MACs');
      const found =
        macs.find((m) => m.entry.block === list.entry.block) ??
        macs.find((m) => m.scope.block === undefined || (analysis.kind === 'ssh_config' && m.scope.coversAll));
      return found ? { names: found.effective, from: found } : { names: defaultAlgorithms('mac', release, list.side) ?? [] };
    };
    const hits: RuleHit[] = [];
    for (const list of lists) {
      if (list.key !== 'Ciphers') continue;
      const names = chosen(list);
      const chacha = names.includes(CHACHA);
      const cbc = names.filter(isCbc);
      const macs = macsFor(list);
      const etm = cbc.length > 0 ? macs.names.filter(isEtm) : [];
      const parts: string[] = [];
      if (chacha) parts.push(code(CHACHA));
      if (etm.length > 0) {
        const macText = macs.from
          ? `the encrypt-then-MAC ${etm.length === 1 ? 'MAC' : 'MACs'} ${listing(etm.map(code))}`
          : `the encrypt-then-MAC MACs enabled by default (${code(etm[0]!)}, …)`;
        parts.push(`${listing(cbc.map(code))} with ${macText}`);
      }
      if (parts.length === 0) continue;
      const where = list.elements.find((e) => (chacha ? e.selects.includes(CHACHA) : e.selects.some((n) => cbc.includes(n))));
      const related = etm.length > 0 && macs.from ? [relatedDirective(macs.from.directive, 'the MACs line in effect')] : undefined;
      hits.push(
        directiveHit(
          list.directive,
          `On OpenSSH ${release} (before 9.6: no strict key exchange) ${parts.join(' and ')} ${parts.length > 1 || cbc.length > 1 ? 'are' : 'is'} open to the Terrapin attack (CVE-2023-48795): a man-in-the-middle can silently drop handshake messages. If this build has the strict-KEX backport (Debian 12, Ubuntu and RHEL security updates), only peers older than 9.6 are exposed.`,
          `Upgrade to OpenSSH 9.6 or later (or a vendor build with the strict-KEX fix) on both ends; until then leave out ${chacha ? code(CHACHA) : 'the CBC ciphers'}${chacha && etm.length > 0 ? ' and the CBC ciphers' : ''}, e.g. \`Ciphers aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr,aes128-ctr\`.`,
          where?.range ?? list.valueRange,
          related,
        ),
      );
    }
    return hits;
  },
});

import { groupBy } from '../../core/collections.js';
import { defineConfigRule, directiveHit, relatedDirective, type RuleHit } from '../rule.js';
import { effectiveConfig, isOff, isOn, type Setting } from '../../parse/config/effective-config.js';
import { scopeLabel } from '../config/setting-text.js';

/** sshd's default MaxAuthTries: the connection is dropped after this many failed attempts. */
const SERVER_MAX_AUTH_TRIES = 6;

export default defineConfigRule({
  id: 'SSH463',
  alias: 'many-identities-without-identities-only',
  kinds: ['ssh_config'],
  category: 'lockout',
  severity: 'note',
  docs: {
    summary: `${SERVER_MAX_AUTH_TRIES} or more IdentityFile keys for one host without \`IdentitiesOnly yes\`: servers drop the connection before the right key is tried.`,
    what: `For each Host/Match block (and for the hosts only the top level and \`Host *\` cover), the distinct \`IdentityFile\` lines that apply to one destination — the block's own plus those for every host — number ${SERVER_MAX_AUTH_TRIES} or more, and \`IdentitiesOnly yes\` does not take effect there. Reported once, on the line that reaches the count. Blocks with \`PubkeyAuthentication no\` are skipped.`,
    why: `ssh offers every key in the agent first (unless IdentitiesOnly yes), then each identity file, one after the other, and sshd counts each refused key as a failed attempt: at MaxAuthTries (${SERVER_MAX_AUTH_TRIES} by default, 3–4 on servers hardened to CIS, 2 for dev-sec) it disconnects with "Too many authentication failures" (auth2.c). With ${SERVER_MAX_AUTH_TRIES} files configured, one key in the agent is enough for the last file never to be tried, and a hardened server gives up even earlier. \`IdentitiesOnly yes\` makes ssh offer only the configured files (agent keys that match them included), so name the one key each host needs in its own block.`,
    bad: 'Host *\n    IdentityFile ~/.ssh/id_work\n    IdentityFile ~/.ssh/id_home\n    IdentityFile ~/.ssh/id_github\n    IdentityFile ~/.ssh/id_gitlab\n    IdentityFile ~/.ssh/id_aws\n    IdentityFile ~/.ssh/id_old',
    good: 'Host github.com\n    IdentityFile ~/.ssh/id_github\n    IdentitiesOnly yes\n\nHost *.corp.example.com\n    IdentityFile ~/.ssh/id_work\n    IdentitiesOnly yes',
    references: ['ssh_config(5) IdentityFile, IdentitiesOnly', 'sshd_config(5) MaxAuthTries; OpenSSH auth2.c auth_maxtries_exceeded()', 'OpenSSH sshconnect2.c pubkey_prepare() (agent keys first)'],
  },
  checkConfig(analysis, context) {
    const config = effectiveConfig(analysis, context);
    const hits = new Map<Setting, RuleHit>();
    const identities = config.winners('IdentityFile').filter((s) => (s.values[0] ?? '').toLowerCase() !== 'none');
    const scopes = [...new Map(identities.map((s) => [s.scope.key, s.scope])).values()];
    const own = groupBy(identities, (s) => s.scope.key);
    const forEveryHost = identities.filter((s) => s.scope.coversAll);
    const forManyHosts = identities.filter((s) => s.scope.broad);
    // The most general scopes first, so a list that is too long for every host is reported once.
    scopes.sort((a, b) => Number(b.coversAll) - Number(a.coversAll));
    for (const scope of scopes) {
      if (isOn(config.in('IdentitiesOnly', scope)) || isOff(config.in('PubkeyAuthentication', scope))) continue;
      // In file order: the block's own lines with those for every host (or, for a block, those for many hosts).
      const applying = [...new Set([...(own.get(scope.key) ?? []), ...(scope.coversAll ? forEveryHost : forManyHosts)])].sort((a, b) => a.index - b.index);
      const seen = new Set<string>();
      const distinct = applying.filter((s) => {
        const path = s.values[0] ?? '';
        if (seen.has(path)) return false;
        seen.add(path);
        return true;
      });
      if (distinct.length < SERVER_MAX_AUTH_TRIES) continue;
      const last = distinct[SERVER_MAX_AUTH_TRIES - 1]!;
      if (hits.has(last) || [...hits.keys()].some((reported) => distinct.includes(reported) && reported.scope.coversAll)) continue;
      const forWhom = scope.coversAll ? 'every host' : `hosts matching ${scopeLabel(scope)}`;
      hits.set(
        last,
        directiveHit(
          last.directive,
          `ssh offers ${distinct.length} identity files to ${forWhom}, after any keys in the agent, and IdentitiesOnly is not set: a server with the default MaxAuthTries ${SERVER_MAX_AUTH_TRIES} (or a hardened 3–4) disconnects with "Too many authentication failures" before the later keys are tried.`,
          'Name the one key each host needs in its own Host block with `IdentitiesOnly yes`, instead of listing many keys for all hosts.',
          undefined,
          distinct.filter((s) => s !== last).slice(0, 5).map((s) => relatedDirective(s.directive, 'also offered')),
        ),
      );
    }
    return [...hits.entries()].sort((a, b) => a[0].index - b[0].index).map(([, hit]) => hit);
  },
});

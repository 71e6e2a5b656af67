import { formatVersion } from '../../core/version.js';
import { CONFIG_KINDS } from '../config-syntax/problems.js';
import { defineConfigRule, directiveHit, type RuleHit } from '../rule.js';

/** What replaces a keyword that no longer does anything (OpenSSH release notes). */
const REPLACEMENT: Readonly<Record<string, string>> = {
  protocol: 'nothing: SSH protocol 1 is gone, every connection is protocol 2',
  useprivilegeseparation: 'nothing: privilege separation is always on (since 7.5)',
  uselogin: 'nothing: login(1) is no longer used (since 7.4)',
  rsaauthentication: 'PubkeyAuthentication',
  rhostsrsaauthentication: 'HostbasedAuthentication',
  serverkeybits: 'nothing (SSH-1 only)',
  keyregenerationinterval: 'nothing (SSH-1 only)',
  useroaming: 'nothing: roaming was removed after CVE-2016-0777',
};

export default defineConfigRule({
  id: 'SSH420',
  alias: 'deprecated-keyword',
  kinds: CONFIG_KINDS,
  category: 'deprecated',
  severity: 'warning',
  docs: {
    summary: 'A keyword or value OpenSSH ignores, no longer supports, or has renamed.',
    what: 'Keywords the target release ignores (`Protocol`), logs as "Deprecated option" and ignores (`UsePrivilegeSeparation`, `RSAAuthentication`, `UseLogin`…), cannot honour in this build ("Unsupported option"), or still accepts under an old name (`ChallengeResponseAuthentication` → `KbdInteractiveAuthentication`, `PubkeyAcceptedKeyTypes` → `PubkeyAcceptedAlgorithms`); and the old value `PermitRootLogin without-password` (now `prohibit-password`).',
    why: 'An ignored line looks like a setting but does nothing: a hardening guide that still asks for `Protocol 2` or `UsePrivilegeSeparation sandbox` gives false comfort, and ssh prints an error for unsupported client options on every run. Old names keep working but confuse readers: `ChallengeResponseAuthentication no` early in a file silently wins over a later `KbdInteractiveAuthentication yes`, because both set the same option.',
    bad: 'Protocol 2\nUsePrivilegeSeparation sandbox\nChallengeResponseAuthentication no',
    good: 'KbdInteractiveAuthentication no',
    references: ['OpenSSH 7.4, 7.5, 8.5, 8.7 release notes', 'OpenSSH servconf.c (sDeprecated, sIgnore, sUnsupported)', 'ssh-knowledge: sources that still demand stale keywords'],
  },
  checkConfig(analysis, context) {
    const release = formatVersion(context.version);
    const program = analysis.kind === 'sshd_config' ? 'sshd' : 'ssh';
    const hits: RuleHit[] = [];
    for (const [directive, verdict] of analysis.verdicts) {
      if (verdict.problem || !verdict.keyword) continue;
      const facts = verdict.keyword;
      const lower = facts.name.toLowerCase();
      const instead = REPLACEMENT[lower];
      const help = instead ? `Remove it; use ${instead}.` : 'Remove it.';
      if (facts.status === 'deprecated') {
        hits.push(directiveHit(directive, `${directive.keyword} is deprecated in OpenSSH ${release}: ${program} ignores it${program === 'sshd' ? ' and logs "Deprecated option"' : ''}.`, help, directive.keywordRange));
      } else if (facts.status === 'ignored') {
        hits.push(directiveHit(directive, `${directive.keyword} does nothing in OpenSSH ${release}: ${program} ignores it silently.`, help, directive.keywordRange));
      } else if (facts.status === 'unsupported') {
        hits.push(directiveHit(directive, `${directive.keyword} is not supported by this OpenSSH build: ${program} logs "Unsupported option" and ignores it.`, 'Remove it.', directive.keywordRange));
      } else if (facts.aliasOf && facts.aliasOf.toLowerCase() !== lower) {
        hits.push(directiveHit(directive, `${directive.keyword} is an old name for ${facts.aliasOf}; it still works, but sets the same option as ${facts.aliasOf} (the first of the two wins).`, `Rename it to ${facts.aliasOf}.`, directive.keywordRange));
      } else if (program === 'sshd' && lower === 'permitrootlogin' && directive.args[0]?.value.toLowerCase() === 'without-password') {
        hits.push(directiveHit(directive, 'without-password is the old name of prohibit-password (renamed in 7.0).', 'Write `PermitRootLogin prohibit-password` (or `no`).', directive.args[0].range));
      }
    }
    return hits;
  },
});

import { defineConfigRule, directiveHit, type RuleHit } from '../rule.js';
import { CONFIG_KINDS } from './problems.js';

export default defineConfigRule({
  id: 'SSH400',
  alias: 'unknown-keyword',
  kinds: CONFIG_KINDS,
  category: 'malformed',
  severity: 'error',
  docs: {
    summary: 'A keyword the target sshd or ssh does not know: a typo, a vendor patch, a newer or removed option.',
    what: 'The keyword is not one the target OpenSSH release accepts: misspelt (`PermitRootLogon`), removed (`RSAAuthentication` in ssh, `PAMAuthenticationViaKbdInt` in 10.4+), newer than the target (`RequiredRSASize` before 9.1), from a vendor patch (`UseKeychain`), or glued to a byte-order mark or a non-breaking space.',
    why: 'sshd prints "Bad configuration option" and, after reading the file, refuses to start ("terminating, N bad configuration options"): a restart after deploying it locks everyone out. ssh refuses to connect at all (unless `IgnoreUnknown` lists it).',
    bad: 'PermitRootLogon no',
    good: 'PermitRootLogin no',
    references: ['OpenSSH servconf.c parse_token()', 'OpenSSH readconf.c parse_token()', 'ssh_config(5) IgnoreUnknown'],
  },
  checkConfig(analysis) {
    const program = analysis.kind === 'sshd_config' ? 'sshd' : 'ssh';
    const hits: RuleHit[] = [];
    for (const [directive, verdict] of analysis.verdicts) {
      const problem = verdict.problem;
      if (!problem || problem.code !== 'unknown-keyword') continue;
      const keyword = directive.keyword;
      const hasBom = keyword.startsWith('\uFEFF');
      const visible = keyword.replace(/[\uFEFF\u00A0]/g, '');
      const message = hasBom
        ? `The file starts with a UTF-8 byte-order mark, so ${program} reads the first keyword as "\\357\\273\\277${visible}" and rejects it`
        : keyword.includes('\u00A0')
          ? `"${visible}" is written with a non-breaking space, which ${program} does not treat as a blank`
          : `${program} does not know the keyword "${keyword}"`;
      const help = hasBom
        ? "Save the file as UTF-8 without BOM (e.g. `sed -i '1s/^\\xEF\\xBB\\xBF//' FILE`)."
        : problem.suggestion
          ? `Did you mean ${problem.suggestion}?`
          : program === 'ssh'
            ? 'Remove it, or list it in `IgnoreUnknown` before its first use if another ssh build needs it.'
            : 'Remove it, or check `man sshd_config` for the target release.';
      hits.push(directiveHit(directive, `${message} ("Bad configuration option"); ${program} refuses to ${program === 'sshd' ? 'start' : 'run'} with this file.`, help, directive.keywordRange));
    }
    return hits;
  },
});

import type { Directive } from '../../parse/config/config-model.js';
import { defineConfigRule, directiveHit, relatedDirective, type RuleHit } from '../rule.js';
import { scopeAppliesToUser, scopeOf } from '../../parse/config/effective-config.js';
import { where, written } from './setting-text.js';

/** Column where a directive's keyword starts (its indentation). */
function indent(directive: Directive): number {
  return directive.keywordRange.start;
}

export default defineConfigRule({
  id: 'SSH452',
  alias: 'directive-after-match',
  kinds: ['sshd_config', 'ssh_config'],
  category: 'hygiene',
  severity: 'warning',
  docs: {
    summary: 'A line that looks meant for everyone sits inside a Match (or ssh Host) block, which silently limits it.',
    what:
      'Heuristics, chosen to stay quiet on configs that are written consistently: (1) indentation — a block whose first lines are indented deeper than its `Match`/`Host` line, followed (before the next block) by a line indented no deeper than the `Match`/`Host` line: the writer meant the block to end there. The first such line is reported, with the count of the ones after it. (2) sshd only — a `PermitRootLogin` line, not indented, in a block whose `Match User` criterion cannot match root: the line can have no effect there, so it was meant for the top level. ' +
      'Blocks that match everything (`Match all`, `Host *`) are skipped: a line appended there applies to everyone anyway. Lines inside a file that an `Include` pulls into a Match block are not affected (that is a deliberate conditional include). Keywords that are not allowed in a Match block make sshd refuse to start and are reported by the not-allowed-in-match rule instead.',
    why: 'There is no end marker for a Match block in sshd_config, or for a Host/Match block in ssh_config: a block runs until the next `Match`/`Host` line or the end of the file. Lines appended at the bottom of a file that has a Match block — the usual place for automation (`echo "PasswordAuthentication no" >> sshd_config`) — therefore apply only to the connections that block matches, and `sshd -t` accepts them (tested with 9.2p1). The hardening silently does not happen for everyone else. `Match all` on its own line returns to settings that apply to every connection.',
    bad: 'Match User backup\n    ForceCommand /usr/local/bin/backup\n    AllowTcpForwarding no\nPasswordAuthentication no',
    good: 'PasswordAuthentication no\n\nMatch User backup\n    ForceCommand /usr/local/bin/backup\n    AllowTcpForwarding no',
    references: ['sshd_config(5) Match ("until either another Match line or the end of the file")', 'ssh_config(5) Host and Match', 'tested with OpenSSH 9.2p1 (sshd -T -C user=…)'],
  },
  checkConfig(analysis) {
    const hits: RuleHit[] = [];
    const sshd = analysis.kind === 'sshd_config';
    const ends = sshd ? 'the next Match line or the end of the file' : 'the next Host or Match line or the end of the file';
    for (const file of analysis.tree.files) {
      const blocks = new Map<Directive, Directive[]>();
      for (const directive of file.directives) {
        if (!directive.block || analysis.verdicts.get(directive)?.problem) continue;
        const members = blocks.get(directive.block) ?? [];
        members.push(directive);
        blocks.set(directive.block, members);
      }
      for (const [block, members] of blocks) {
        if (analysis.verdicts.get(block)?.problem) continue;
        const scope = scopeOf(block, analysis);
        if (scope.coversAll || scope.match.all) continue;
        const base = indent(block);
        const firstIndented = members.findIndex((d) => indent(d) > base);
        const stray = firstIndented >= 0 ? members.slice(firstIndented).filter((d) => indent(d) <= base) : [];
        if (stray.length > 0) {
          const first = stray[0]!;
          const more = stray.length > 1 ? ` (and ${stray.length - 1} more line${stray.length > 2 ? 's' : ''} after it)` : '';
          hits.push(
            directiveHit(
              first,
              `\`${written(first)}\`${more} is not indented like the lines above it, so it looks meant for everyone, but it is still inside \`${written(block)}\` (line ${block.line.number}): a block runs until ${ends}, so it applies only where that block matches.`,
              `Move it above the first ${sshd ? 'Match' : 'Host/Match'} block${sshd ? ' (or end the block with `Match all`)' : ''}, or indent it if it belongs to this block.`,
              undefined,
              [relatedDirective(block, 'the block this line belongs to')],
            ),
          );
          continue;
        }
        if (!sshd || scopeAppliesToUser(scope, 'root') !== 'no') continue;
        for (const directive of members) {
          if (directive.keyword.toLowerCase() !== 'permitrootlogin' || indent(directive) > base) continue;
          hits.push(
            directiveHit(
              directive,
              `\`${written(directive)}\` is inside \`${written(block)}\` (${where(block)}), which root never matches, so it has no effect: a Match block runs until ${ends}. It looks meant for every connection.`,
              'Move it above the first Match block (or end the block with `Match all` before it).',
              undefined,
              [relatedDirective(block, 'the block this line belongs to')],
            ),
          );
        }
      }
    }
    return hits;
  },
});

/** Lines the tokenizer already rejects (no argument, unbalanced quotes), in every file of a configuration. */
import type { ConfigLine } from '../../parse/config/config-model.js';
import { hitAt, type ConfigAnalysis, type RuleHit } from '../rule.js';

type RejectedConfigLine = Extract<ConfigLine, { status: 'rejected' }>;

export function syntaxHits(
  analysis: ConfigAnalysis,
  problem: RejectedConfigLine['problem'],
  describe: (line: RejectedConfigLine, program: string) => { message: string; help: string },
): RuleHit[] {
  const program = analysis.kind === 'sshd_config' ? 'sshd' : 'ssh';
  return analysis.tree.files.flatMap((file) =>
    file.lines.flatMap((line) => {
      if (line.status !== 'rejected' || line.problem !== problem) return [];
      const { message, help } = describe(line, program);
      const hit = hitAt(line.line, { start: line.at ?? line.keywordRange.start, end: line.line.text.length }, message, help);
      hit.file = file.source.path;
      return [hit];
    }),
  );
}

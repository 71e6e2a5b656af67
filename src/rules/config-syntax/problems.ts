/** The malformed config rules each report one problem code the validator decided. */
import type { ConfigProblemCode } from '../../parse/config/directive-verdict.js';
import { directiveHit, type ConfigAnalysis, type RuleHit } from '../rule.js';

export function problemHits(analysis: ConfigAnalysis, code: ConfigProblemCode, help: string): RuleHit[] {
  const hits: RuleHit[] = [];
  const program = analysis.kind === 'sshd_config' ? 'sshd' : 'ssh';
  const outcome = program === 'ssh' ? 'ssh refuses to run' : 'sshd will not start';
  for (const [directive, verdict] of analysis.verdicts) {
    const problem = verdict.problem;
    if (!problem || problem.code !== code) continue;
    const when = problem.severity === 'fatal' ? `${program} stops at this line` : 'after reading the file';
    hits.push(directiveHit(directive, `${program} rejects this line: "${problem.message}"; ${when}, ${outcome}.`, help, problem.range));
  }
  return hits;
}

export const CONFIG_KINDS = ['sshd_config', 'ssh_config'] as const;

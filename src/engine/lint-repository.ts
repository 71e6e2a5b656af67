/** The repository rules over the whole model; their hits name their own files. */
import type { Finding } from '../core/finding.js';
import type { RepositoryModel } from '../repository/repository-model.js';
import type { RuleContext } from '../rules/rule.js';
import { toFinding } from './lint-source.js';
import type { RuleSet } from './rule-set.js';

export function runRepositoryRules(model: RepositoryModel, ruleSet: RuleSet, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const enabled of ruleSet.enabled) {
    const rule = enabled.rule;
    if (!rule.checkRepository) continue;
    for (const hit of rule.checkRepository(model, context)) findings.push(toFinding(enabled, hit.file, hit));
  }
  return findings;
}

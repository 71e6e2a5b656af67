/** The repository rules over the whole model; their hits name their own files. */
import type { Finding } from '../core/finding.js';
import type { RepositoryModel } from '../repository/repository-model.js';
import type { RuleContext } from '../rules/rule.js';
import { ruleFindings } from './lint-source.js';
import type { RuleSet } from './rule-set.js';

export function runRepositoryRules(model: RepositoryModel, ruleSet: RuleSet, context: RuleContext): Finding[] {
  return ruleFindings(ruleSet, '', (rule) => rule.checkRepository?.(model, context));
}

/** One key file through the pipeline: parse → rules → findings → inline suppressions. */
import type { Finding } from '../core/finding.js';
import type { FileKind } from '../core/file-kind.js';
import type { SourceFile } from '../core/source.js';
import type { KeyFileModel } from '../parse/key-file-model.js';
import type { Rule, RuleContext, RuleHit } from '../rules/rule.js';
import { parseSource } from './parse-source.js';
import type { EnabledRule, RuleSet } from './rule-set.js';
import { applySuppressions, findDirectives } from './suppressions.js';

export const UNUSED_SUPPRESSION = 'SSH002';

export function toFinding(enabled: EnabledRule, file: string, hit: RuleHit): Finding {
  const finding: Finding = {
    ruleId: enabled.rule.id,
    alias: enabled.rule.alias,
    severity: enabled.configured ? enabled.severity : (hit.severity ?? enabled.severity),
    category: enabled.rule.category,
    file: hit.file ?? file,
    line: hit.line,
    column: hit.column,
    message: hit.message,
  };
  if (hit.endLine !== undefined) finding.endLine = hit.endLine;
  if (hit.endColumn !== undefined) finding.endColumn = hit.endColumn;
  if (hit.help !== undefined) finding.help = hit.help;
  if (hit.related !== undefined) finding.related = hit.related;
  return finding;
}

/** Drops the findings a file's `sshlint-disable` comments suppress, and reports the comments that suppress nothing. */
export function suppressFindings(findings: readonly Finding[], source: SourceFile, ruleSet: RuleSet): Finding[] {
  const { kept, unused } = applySuppressions(findings, findDirectives(source), ruleSet.resolve);
  const reporter = ruleSet.byId(UNUSED_SUPPRESSION);
  if (reporter) {
    for (const { directive, name, reason } of unused) {
      const message =
        reason === 'no-rules'
          ? 'This sshlint-disable comment names no rule: name the rule ids or aliases it should suppress.'
          : reason === 'unknown-rule'
            ? `"${name}" is not an sshlint rule id or alias, so this comment suppresses nothing.`
            : `Nothing here is reported by ${name}: remove it from this sshlint-disable comment.`;
      kept.push(toFinding(reporter, source.path, { line: directive.line, column: directive.column, endColumn: directive.endColumn, message }));
    }
  }
  return kept;
}

export function lintSource(source: SourceFile, kind: FileKind, ruleSet: RuleSet, context: RuleContext): Finding[] {
  const model = parseSource(source, kind, context.version);
  if (!model) return [];
  return suppressFindings(runKeyFileRules(model, ruleSet, context), source, ruleSet);
}

/** The key-file rules' findings on a model, before suppressions. `fragment`: the text is only part of the file. */
export function runKeyFileRules(model: KeyFileModel, ruleSet: RuleSet, context: RuleContext, fragment = false): Finding[] {
  return ruleFindings(ruleSet, model.source.path, (rule) =>
    rule.check && (rule.kinds as readonly string[]).includes(model.kind) && !(fragment && rule.wholeFile) ? rule.check(model, context) : undefined,
  );
}

/**
 * Every enabled rule's hits as findings: `hitsOf` runs the rules of one kind (undefined for the
 * others); a hit in `file` unless it names its own.
 */
export function ruleFindings(ruleSet: RuleSet, file: string, hitsOf: (rule: Rule) => readonly RuleHit[] | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const enabled of ruleSet.enabled) for (const hit of hitsOf(enabled.rule) ?? []) findings.push(toFinding(enabled, file, hit));
  return findings;
}

/**
 * Workflow-command annotations. GitHub shows at most 10 errors, 10 warnings and 10 notices per
 * step and silently drops the rest, counting every annotation the step prints (ours, and
 * core.setFailed's). So the most important findings go first, each level gets what is left of
 * its 10, and one last line says how many were left out and where to find them.
 */
import * as core from '@actions/core';
import { compareFindings, severityRank, type Category, type Finding, type Severity } from '../core/finding.js';
import { annotationFields, annotationMessage } from '../report/github.js';

export type Level = 'error' | 'warning' | 'notice';
export const ANNOTATIONS_PER_LEVEL = 10;

export const LEVEL_OF: Readonly<Record<Severity, Level>> = { error: 'error', warning: 'warning', note: 'notice' };

/** Findings in these categories stop logins or leak secrets: they go before the others of their severity. */
const URGENT_CATEGORIES: ReadonlySet<Category> = new Set<Category>(['malformed', 'lockout', 'secret-exposure']);

/** Severity, then urgent categories, then file and line. */
export function byImportance(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    Number(!URGENT_CATEGORIES.has(a.category)) - Number(!URGENT_CATEGORIES.has(b.category)) ||
    compareFindings(a, b)
  );
}

/** Every annotation the step prints goes through here, so the finding annotations know what is left. */
export class StepAnnotations {
  readonly used: Record<Level, number> = { error: 0, warning: 0, notice: 0 };

  emit(level: Level, message: string, properties?: core.AnnotationProperties): void {
    this.used[level]++;
    core[level](message, properties);
  }

  /** How many more `level` annotations GitHub will still show. */
  left(level: Level): number {
    return Math.max(0, ANNOTATIONS_PER_LEVEL - this.used[level]);
  }
}

export interface AnnotationPlan {
  /** In print order: most important first. */
  shown: Finding[];
  leftOut: number;
}

/** Which findings fit in `room` per level, keeping one notice for the left-out line when needed. */
export function planAnnotations(findings: readonly Finding[], room: Readonly<Record<Level, number>>): AnnotationPlan {
  const sorted = [...findings].sort(byImportance);
  const pick = (budget: Record<Level, number>): Finding[] => {
    const taken: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
    return sorted.filter((finding) => {
      const level = LEVEL_OF[finding.severity];
      if (taken[level] >= budget[level]) return false;
      taken[level]++;
      return true;
    });
  };
  let shown = pick({ ...room });
  if (shown.length < sorted.length) shown = pick({ ...room, notice: Math.max(0, room.notice - 1) });
  return { shown, leftOut: sorted.length - shown.length };
}

export interface EmitOptions {
  /** core.setFailed will print one more error annotation at the end. */
  failing: boolean;
  /** Where every finding can be seen, e.g. ['the check run "sshlint"', 'the job summary']. */
  elsewhere: readonly string[];
}

/** Prints the annotations; returns how many findings did not get one. */
export function emitAnnotations(findings: readonly Finding[], step: StepAnnotations, options: EmitOptions): AnnotationPlan {
  const room: Record<Level, number> = {
    error: Math.max(0, step.left('error') - (options.failing ? 1 : 0)),
    warning: step.left('warning'),
    notice: step.left('notice'),
  };
  const plan = planAnnotations(findings, room);
  for (const finding of plan.shown) {
    step.emit(LEVEL_OF[finding.severity], annotationMessage(finding), annotationFields(finding));
  }
  if (plan.leftOut > 0) {
    const where = options.elsewhere.length > 0 ? `; all ${findings.length} are in ${joinList(options.elsewhere)}` : '';
    const text = `sshlint: ${plan.leftOut} of ${findings.length} findings have no annotation here (GitHub shows at most ${ANNOTATIONS_PER_LEVEL} errors, ${ANNOTATIONS_PER_LEVEL} warnings and ${ANNOTATIONS_PER_LEVEL} notices per step)${where}.`;
    if (step.left('notice') > 0) step.emit('notice', text, { title: 'sshlint: more findings' });
    else core.info(text);
  }
  return plan;
}

export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** What every rule produces and every reporter consumes. */

export const SEVERITIES = ['error', 'warning', 'note'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CATEGORIES = [
  'malformed',
  'weak-crypto',
  'unsafe-setting',
  'deprecated',
  'lockout',
  'secret-exposure',
  'hygiene',
] as const;
/** `malformed` means exactly: OpenSSH itself rejects, skips or fails on this line. */
export type Category = (typeof CATEGORIES)[number];

/** A range in a file. Lines and columns are 1-based; `endColumn` is exclusive. */
export interface Span {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** Another place that explains a finding (e.g. the line that wins over a dead one). */
export interface RelatedLocation extends Span {
  file: string;
  message: string;
}

export interface Finding extends Span {
  ruleId: string;
  /** The rule's readable alias, e.g. `key-split-across-lines`. */
  alias: string;
  severity: Severity;
  category: Category;
  /** Display path: relative to the working directory, `/` separators. */
  file: string;
  message: string;
  /** How to fix it. */
  help?: string;
  related?: RelatedLocation[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, note: 1 };

export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity];
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    severityRank(b.severity) - severityRank(a.severity) ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

import type { Category, Severity } from './finding.js';
import type { FileKind } from './file-kind.js';

/** A rule's documentation lives beside its code; `explain`, SARIF and the README are generated from it. */
export interface RuleDocs {
  /** One line: what the rule finds. */
  summary: string;
  /** What it finds, in detail. */
  what: string;
  /** Why it matters: what OpenSSH does with it. */
  why: string;
  /** A bad example (file content). */
  bad: string;
  /** The same example, fixed. */
  good: string;
  /** Sources: OpenSSH code/man pages, hardening guides. */
  references: string[];
}

export interface RuleMeta {
  /** Stable id, e.g. `SSH104`. Never reused. */
  id: string;
  /** Readable alias, e.g. `key-split-across-lines`; accepted wherever an id is. */
  alias: string;
  /** The files it reads; `any`: every file, whatever its name or kind (private keys). */
  kinds: readonly (FileKind | 'any')[];
  category: Category;
  severity: Severity;
  docs: RuleDocs;
}

export const PROJECT_URL = 'https://github.com/sshlint/sshlint';

export function ruleDocsUrl(meta: Pick<RuleMeta, 'id'>): string {
  return `${PROJECT_URL}/blob/main/docs/rules/${meta.id}.md`;
}

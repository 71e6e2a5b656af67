import type { Finding } from './finding.js';
import type { RuleMeta } from './rule-meta.js';

/** Everything a reporter needs. */
export interface LintResult {
  findings: Finding[];
  filesScanned: number;
  /** Metadata of every rule that was enabled for the run (SARIF's tool.driver.rules). */
  rules: readonly RuleMeta[];
}

/** Writes the generated documentation: the README rule table and one page per rule. */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RULES } from '../rules/index.js';
import { explainRule, withRuleTable } from './rule-docs.js';

export function writeDocs(root: string): void {
  const readme = path.join(root, 'README.md');
  writeFileSync(readme, withRuleTable(readFileSync(readme, 'utf8'), RULES));
  const dir = path.join(root, 'docs', 'rules');
  mkdirSync(dir, { recursive: true });
  for (const stale of readdirSync(dir)) rmSync(path.join(dir, stale));
  for (const rule of RULES) writeFileSync(path.join(dir, `${rule.id}.md`), explainRule(rule));
}

/** The README rule table and docs/rules/*.md are generated from the rules; stale copies fail here. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainRule, withRuleTable } from '../../src/docs/rule-docs.js';
import { RULES } from '../../src/rules/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const stale = 'is stale: run `npm run docs` and commit the result';

describe('generated documentation', () => {
  it(`README rule table ${stale}`, () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(withRuleTable(readme, RULES) === readme, `README.md ${stale}`).toBe(true);
  });

  it(`docs/rules/ ${stale}`, () => {
    const dir = path.join(root, 'docs', 'rules');
    expect(readdirSync(dir).sort()).toEqual(RULES.map((rule) => `${rule.id}.md`).sort());
    for (const rule of RULES) {
      expect(readFileSync(path.join(dir, `${rule.id}.md`), 'utf8') === explainRule(rule), `docs/rules/${rule.id}.md ${stale}`).toBe(true);
    }
  });

  it('rule ids and aliases are unique', () => {
    expect(new Set(RULES.map((rule) => rule.id)).size).toBe(RULES.length);
    expect(new Set(RULES.map((rule) => rule.alias)).size).toBe(RULES.length);
  });
});

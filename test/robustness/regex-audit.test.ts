/**
 * Every regular expression literal in src/, run against adversarial lines of 100,000 characters:
 * long runs of each character the pattern mentions (and of blanks, letters, digits), with and
 * without a character that makes the match fail at the end, after the pattern's literal prefix.
 * A pattern with super-linear backtracking (`\s+$` unanchored, nested quantifiers) takes minutes
 * on such input and trips the hang guard; a linear one takes milliseconds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { withoutHanging } from './hang-guard.js';

const SRC = path.resolve(import.meta.dirname, '../../src');
const LENGTH = 100_000;

interface Found {
  where: string;
  regex: RegExp;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : [],
  );
}

function regexLiterals(file: string): Found[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Found[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(source);
      const slash = literal.lastIndexOf('/');
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push({ where: `${path.relative(SRC, file)}:${line + 1}`, regex: new RegExp(literal.slice(1, slash), literal.slice(slash + 1)) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The one pattern built at run time (pasted-blocks.ts), with the longest label it is given. */
const DYNAMIC: Found[] = [{ where: 'parse/pasted-blocks.ts (END line)', regex: new RegExp(`^\\s*-{4,5} ?END ${'OPENSSH PRIVATE KEY'} ?-{4,5}\\s*$`) }];

const REPRESENTATIVES = ' \t\r\u000baA0z9-_.,:;=+/\\"\'#@|*?![](){}<>%$&~^`\u00e9\ufeff';

function adversarialInputs(regex: RegExp): string[] {
  const characters = new Set([...REPRESENTATIVES, ...regex.source.replace(/\\./g, '')]);
  const prefix = /^\^?((?:[^\\[\](){}.*+?^$|]|\\[^dDsSwWbB])*)/.exec(regex.source)?.[1]?.replace(/\\(.)/g, '$1') ?? '';
  const inputs: string[] = [];
  for (const c of characters) {
    const run = c.repeat(LENGTH);
    inputs.push(run, `${run}\u0000`, `${prefix}${run}\u0000`, `${prefix}${run}`);
  }
  // Alternations of two characters catch patterns like (a|ab)* and (\s*,\s*)*.
  for (const pair of [' ,', ', ', 'a ', ' a', 'a,', '=a', ' "', '\\"', '- ', 'a.', '0.', 'a-', ':0', '*.']) inputs.push(pair.repeat(LENGTH / 2) + '\u0000');
  return inputs;
}

function runOver(regex: RegExp, input: string): void {
  if (regex.global || regex.sticky) {
    regex.lastIndex = 0;
    input.replace(regex, '');
  } else regex.exec(input);
}

const literals = [...sourceFiles(SRC).flatMap(regexLiterals), ...DYNAMIC];

describe('regular expressions in src/ stay linear on adversarial input', () => {
  it('finds the literals', () => {
    expect(literals.length).toBeGreaterThan(50);
  });

  it.each(literals.map((found) => [found.where, found.regex] as const))('%s %s', (_where, regex) => {
    withoutHanging(() => {
      for (const input of adversarialInputs(regex)) runOver(regex, input);
    });
  });
});

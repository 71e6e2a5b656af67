import { describe, expect, it } from 'vitest';
import { isScalar, visit, type Scalar } from 'yaml';
import { createSourceFile } from '../../src/core/source.js';
import { parseYamlSource, scalarText } from '../../src/parse/setup/yaml-source.js';

const WORKFLOW = [
  'jobs:',
  '  deploy:',
  '    steps:',
  '      - run: |',
  '          mkdir -p ~/.ssh',
  '',
  '          ssh -o StrictHostKeyChecking=no host',
  '      - run: "ssh host"',
  '      - run: >-',
  '          echo one',
  '          echo two',
  '',
].join('\n');

function runValues(text: string): Scalar[] {
  const yaml = parseYamlSource(createSourceFile('w.yml', text));
  const found: Scalar[] = [];
  for (const document of yaml.documents) {
    visit(document, {
      Pair(_, pair) {
        if (isScalar(pair.key) && pair.key.value === 'run' && isScalar(pair.value)) found.push(pair.value);
      },
    });
  }
  return found;
}

describe('scalarText', () => {
  const source = createSourceFile('w.yml', WORKFLOW);
  const yaml = parseYamlSource(source);
  const [literal, quoted, folded] = runValues(WORKFLOW);

  it('maps each line of a literal block to its own line, indentation as column offset', () => {
    const result = scalarText(yaml, source, literal!)!;
    expect(result.text.split('\n')[2]).toBe('ssh -o StrictHostKeyChecking=no host');
    expect(result.origins[2]).toEqual({ line: 7, columnOffset: 10 });
    expect(result.origins[0]).toEqual({ line: 5, columnOffset: 10 });
  });

  it('maps a quoted scalar to the column after its quote', () => {
    expect(scalarText(yaml, source, quoted!)).toEqual({ text: 'ssh host', origins: [{ line: 8, columnOffset: 14 }] });
  });

  it('maps folded text to where its content starts', () => {
    expect(scalarText(yaml, source, folded!)).toEqual({ text: 'echo one echo two', origins: [{ line: 10, columnOffset: 10 }] });
  });

  it('skips documents that do not parse instead of throwing', () => {
    expect(parseYamlSource(createSourceFile('bad.yml', 'a: [unclosed\n')).documents).toEqual([]);
  });
});

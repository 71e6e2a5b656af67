/** Private keys through the whole pipeline: any file, one finding per key, suppression comments in any file. */
import { describe, expect, it } from 'vitest';
import { generatedKey } from '../fixtures/private-keys.js';
import { cli, makeTree } from './run.js';

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
}

async function findings(files: Record<string, string>): Promise<[string, string, number][]> {
  const run = await cli(['--format', 'json', '.'], makeTree(files));
  return (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings.map((f) => [f.ruleId, f.file, f.line]);
}

const ed = generatedKey('openssh-ed25519');
const indented = (text: string, indent: string): string => text.trimEnd().split('\n').map((line) => `${indent}${line}`).join('\n');

describe('private keys in the pipeline', () => {
  it('finds a key in a file of no SSH kind, outside git', async () => {
    expect(await findings({ 'ansible/vars.yml': `deploy_key: |\n${indented(ed.text, '  ')}\n` })).toEqual([['SSH600', 'ansible/vars.yml', 2]]);
  });

  it('reports a key pasted into authorized_keys once, beside the lines sshd skips', async () => {
    const result = await findings({ authorized_keys: `${ed.publicLine}\n${ed.text}` });
    expect(result.filter(([rule]) => rule === 'SSH600')).toEqual([['SSH600', 'authorized_keys', 2]]);
  });

  it('honours suppression comments in any file, with the file kind’s own findings', async () => {
    expect(
      await findings({
        'vars.yml': `# sshlint-disable-next-line private-key-exposed -- a throwaway key for the test VM\nkey: "${ed.text.trimEnd().replaceAll('\n', '\\n')}"\n`,
        authorized_keys: `# sshlint-disable-file SSH600\n${ed.publicLine}\n${ed.text}`,
        sshd_config: `# sshlint-disable-file SSH600\nPort 22\n${indented(ed.text, '# ')}\n`,
      }).then((result) => result.filter(([rule]) => rule === 'SSH600' || rule === 'SSH002')),
    ).toEqual([]);
  });

  it('reads no file for keys when both rules are off', async () => {
    const root = makeTree({ '.sshlint.yml': 'rules:\n  SSH600: off\n  SSH601: off\n', 'key.txt': ed.text });
    const run = await cli(['--format', 'json', '.'], root);
    expect(JSON.parse(run.stdout)).toMatchObject({ findings: [], filesScanned: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '../../src/version.js';
import { KEYS, blobOf } from '../fixtures/keys.js';
import { cli, makeTree } from './run.js';

const split = `ssh-ed25519 ${blobOf(KEYS.ed25519).slice(0, 30)}\n${blobOf(KEYS.ed25519).slice(30)} alice\n`;
/** A file needs one usable key, or SSH116 (no-usable-keys) joins every result. */
const usable = `${KEYS.rsa3072} bob\n`;

describe('exit status', () => {
  it('is 0 for a clean tree, 1 when an error is found, 2 for usage errors', async () => {
    const root = makeTree({ 'good/.ssh/authorized_keys': `${KEYS.ed25519} a\n`, 'bad/.ssh/authorized_keys': split });
    expect((await cli(['good'], root)).code).toBe(0);
    expect((await cli(['bad'], root)).code).toBe(1);
    expect((await cli(['--format', 'yaml', 'good'], root)).code).toBe(2);
    const missing = await cli(['nope'], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^sshlint: .*nope/);
    expect(missing.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('follows --fail-on', async () => {
    const root = makeTree({ '.ssh/authorized_keys': `${KEYS.ed25519} a\r\n` }); // CRLF: a note at most
    expect((await cli(['--fail-on', 'none', '.'], root)).code).toBe(0);
    const bad = makeTree({ authorized_keys: split });
    expect((await cli(['--fail-on', 'none', '.'], bad)).code).toBe(0);
    expect((await cli(['--fail-on', 'note', '.'], bad)).code).toBe(1);
    expect((await cli(['--fail-on', 'sometimes', '.'], bad)).code).toBe(2);
  });
});

describe('--format json', () => {
  it('prints the documented document, keys in order', async () => {
    const root = makeTree({ 'home/u/.ssh/authorized_keys': `# keys\n${split}${usable}` });
    const { stdout, code } = await cli(['--format', 'json', '.'], root);
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(['version', 'tool', 'filesScanned', 'findings']);
    expect(doc.version).toBe(1);
    expect(doc.tool).toEqual({ name: 'sshlint', version: TOOL_VERSION });
    expect(doc.filesScanned).toBe(1);
    expect(doc.findings).toHaveLength(2);
    const [first] = doc.findings;
    expect(Object.keys(first).slice(0, 6)).toEqual(['ruleId', 'severity', 'category', 'file', 'line', 'column']);
    const optional = Object.keys(first).slice(6);
    const order = ['endLine', 'endColumn', 'message', 'help'];
    expect(optional.filter((k) => order.includes(k))).toEqual(order.filter((k) => optional.includes(k)));
    expect(first).toMatchObject({ ruleId: 'SSH104', severity: 'error', category: 'malformed', file: 'home/u/.ssh/authorized_keys', line: 2, column: 1 });
    expect(typeof first.message).toBe('string');
    expect(typeof first.help).toBe('string');
  });

  it('makes paths relative to the working directory with forward slashes', async () => {
    const root = makeTree({ 'a/b/authorized_keys': split });
    const { stdout } = await cli(['--format', 'json', 'a'], root);
    expect(JSON.parse(stdout).findings[0].file).toBe('a/b/authorized_keys');
  });
});

describe('--kind and content detection', () => {
  it('forces the kind of a named file', async () => {
    const root = makeTree({ 'keys.txt': split + usable });
    expect(JSON.parse((await cli(['--format', 'json', '--kind', 'authorized_keys', 'keys.txt'], root)).stdout).findings).toHaveLength(2);
    expect((await cli(['--kind', 'nonsense', 'keys.txt'], root)).code).toBe(2);
  });

  it('recognises a named file by its content', async () => {
    const root = makeTree({ 'deploy-keys': `${KEYS.ed25519}\nno-pty, no-agent-forwarding ${KEYS.rsa2048}\n` });
    const doc = JSON.parse((await cli(['--format', 'json', 'deploy-keys'], root)).stdout);
    expect(doc.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('SSH131');
  });
});

describe('commands', () => {
  it('--version, --help, rules, explain', async () => {
    const root = makeTree({});
    expect((await cli(['--version'], root)).stdout.trim()).toBe(TOOL_VERSION);
    expect((await cli(['--help'], root)).stdout).toContain('--fail-on');
    const rules = await cli(['rules'], root);
    expect(rules.stdout).toMatch(/^SSH104 {2}key-split-across-lines/m);
    const json = JSON.parse((await cli(['rules', '--format', 'json'], root)).stdout);
    expect(json.find((r: { id: string }) => r.id === 'SSH131').alias).toBe('space-in-options');
    const byAlias = await cli(['explain', 'key-split-across-lines'], root);
    expect(byAlias.stdout).toContain('# SSH104 key-split-across-lines');
    expect(byAlias.stdout).toContain('## Why it matters');
    expect((await cli(['explain', 'ssh104'], root)).code).toBe(0);
    expect((await cli(['explain', 'SSH999'], root)).code).toBe(2);
  });
});

describe('configuration', () => {
  it('turns rules off, changes severity, ignores paths, by id or alias', async () => {
    const root = makeTree({
      '.sshlint.yml': 'rules:\n  key-split-across-lines: warning\n  SSH131: off\nignore:\n  - "vendor/**"\n',
      'a/authorized_keys': `${split}no-pty, no-agent-forwarding ${KEYS.rsa2048}\n${usable}`,
      'vendor/x/authorized_keys': split,
    });
    const doc = JSON.parse((await cli(['--format', 'json', '.'], root)).stdout);
    expect(doc.findings.map((f: { ruleId: string; severity: string }) => `${f.ruleId}:${f.severity}`)).toEqual(['SSH104:warning', 'SSH104:warning']);
    expect((await cli(['.'], root)).code).toBe(0);
  });

  it('rejects unknown settings, rules and values with exit 2', async () => {
    for (const bad of ['color: true\n', 'rules:\n  SSH999: off\n', 'rules:\n  SSH104: loud\n', 'opensshVersion: "6.0"\n', 'policy:\n  minRsaBits: 512\n', ': : :\n']) {
      const root = makeTree({ '.sshlint.yml': bad, authorized_keys: `${KEYS.ed25519}\n` });
      const result = await cli(['.'], root);
      expect(result.code, bad).toBe(2);
      expect(result.stderr).toMatch(/^sshlint: .*\.sshlint\.yml/);
    }
  });

  it('finds .github/sshlint.yml and takes --config and --openssh-version', async () => {
    const dsa = makeTree({ '.github/sshlint.yml': 'opensshVersion: "9.2"\n', authorized_keys: `${KEYS.dsa1024}\n` });
    const onTen = JSON.parse((await cli(['--format', 'json', '--openssh-version', '10.0', '.'], dsa)).stdout);
    expect(onTen.findings[0]).toMatchObject({ ruleId: 'SSH101', category: 'malformed' });
    const onNine = JSON.parse((await cli(['--format', 'json', '.'], dsa)).stdout);
    expect(onNine.findings.every((f: { category: string }) => f.category !== 'malformed')).toBe(true);
    expect((await cli(['--openssh-version', 'latest', '.'], dsa)).code).toBe(2);
    expect((await cli(['--config', 'missing.yml', '.'], dsa)).code).toBe(2);
  });
});

describe('inline suppression', () => {
  it('suppresses the next line or the file, and reports suppressions that do nothing', async () => {
    const root = makeTree({
      authorized_keys: [
        '# sshlint-disable-next-line space-in-options -- vendor file',
        `no-pty, no-agent-forwarding ${KEYS.rsa2048}`,
        '# sshlint-disable-next-line SSH104',
        KEYS.ed25519,
        '# sshlint-disable-next-line SSH999',
        '# sshlint-disable-file SSH100',
        'free text',
        '',
      ].join('\n'),
    });
    const doc = JSON.parse((await cli(['--format', 'json', '.'], root)).stdout);
    expect(doc.findings.map((f: { ruleId: string; line: number }) => `${f.ruleId}@${f.line}`)).toEqual(['SSH002@3', 'SSH002@5']);
    expect(doc.findings[1].message).toContain('SSH999');
  });
});

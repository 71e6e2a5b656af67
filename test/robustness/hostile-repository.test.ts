/**
 * Repositories built to hurt a scanner: huge and endless files, link loops, links and Includes
 * that lead outside the root, very deep folders, file names that look like workflow commands.
 * Each run must finish with a clear note where something is skipped, never crash, never hang
 * (vitest's per-test timeout is the hang guard), never read outside the root.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_LINES } from '../../src/discover/read-file.js';
import { KEYS } from '../fixtures/keys.js';
import { cli, makeTree } from '../cli/run.js';

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  message: string;
}

async function scan(root: string, args: string[] = ['.']): Promise<JsonFinding[]> {
  const result = await cli(['--format', 'json', '--fail-on', 'none', ...args], root);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout).findings;
}

function gitInit(root: string): void {
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'hostile');
}

const SECRET = 'TEXT-OUTSIDE-THE-ROOT';
const notesFor = (findings: JsonFinding[], file: string) => findings.filter((f) => f.ruleId === 'SSH001' && f.file === file).map((f) => f.message);

describe.each([
  ['a plain directory', false],
  ['a git work tree', true],
])('hostile repository in %s', (_name, useGit) => {
  const tree = (files: Record<string, string | Uint8Array>, build?: (root: string) => void): string => {
    const root = makeTree(files);
    build?.(root);
    if (useGit) gitInit(root);
    return root;
  };

  it('a 1 GB file (sparse): a note, not read', async () => {
    const root = tree({ 'keep.txt': '' }, (dir) => {
      for (const name of ['authorized_keys', 'data.bin']) {
        const fd = openSync(path.join(dir, name), 'w');
        ftruncateSync(fd, 1024 ** 3);
        closeSync(fd);
      }
    });
    const findings = await scan(root);
    expect(notesFor(findings, 'authorized_keys')).toEqual([expect.stringMatching(/larger than the limit/)]);
  });

  it('10 million lines: a note naming the line limit', async () => {
    const root = tree({ sshd_config: '#\n'.repeat(10_000_000), known_hosts: 'x\n'.repeat(10_000_000), authorized_keys: '\n'.repeat(10_000_000) });
    const findings = await scan(root);
    for (const file of ['sshd_config', 'known_hosts', 'authorized_keys']) {
      expect(notesFor(findings, file)).toEqual([expect.stringContaining(`more than ${DEFAULT_MAX_LINES} lines`)]);
    }
  });

  it('200,000 bad lines and a script of 200,000 commands: every finding, no crash (a spread of that many arguments overflowed the stack)', async () => {
    const root = tree({ authorized_keys: 'not a key\n'.repeat(200_000), 'deploy.sh': 'true\n'.repeat(200_000) });
    const findings = await scan(root);
    expect(findings.filter((f) => f.file === 'authorized_keys' && f.ruleId !== 'SSH116')).toHaveLength(200_000);
  });

  it('symbolic link loops and links out of the root: notes, nothing outside read', async () => {
    const outside = makeTree({ authorized_keys: `${SECRET}\n`, 'dir/known_hosts': `${SECRET}\n` });
    const root = tree({ 'a/known_hosts': `host ${KEYS.ed25519}\n` }, (dir) => {
      symlinkSync('self', path.join(dir, 'self'));
      symlinkSync('ping', path.join(dir, 'pong'));
      symlinkSync('pong', path.join(dir, 'ping'));
      symlinkSync('..', path.join(dir, 'a/up'));
      symlinkSync(path.join(outside, 'authorized_keys'), path.join(dir, 'authorized_keys'));
      symlinkSync(path.join(outside, 'dir'), path.join(dir, 'linked-dir'));
    });
    const findings = await scan(root);
    expect(JSON.stringify(findings)).not.toContain(SECRET);
    expect(notesFor(findings, 'authorized_keys')).toEqual([expect.stringContaining('outside the scanned directory')]);
    expect(notesFor(findings, 'self')).toEqual([expect.stringContaining('loop')]);
    expect(findings.some((f) => f.file.startsWith('linked-dir/'))).toBe(false);
  });

  it('Include loops and Includes of absolute paths outside the root: no hang, nothing outside read', async () => {
    const outside = makeTree({ 'evil.conf': `PermitRootLogin yes\n${SECRET} yes\n` });
    const root = tree({
      sshd_config: `Include sshd_config\nInclude sshd_config.d/*.conf\nInclude ${outside}/evil.conf\nPermitRootLogin no\n`,
      'sshd_config.d/a.conf': 'Include /etc/ssh/sshd_config.d/b.conf\nInclude sshd_config.d/b.conf\n',
      'sshd_config.d/b.conf': 'Include sshd_config.d/a.conf\n',
      'ssh_config': `Include ~/.ssh/config\nInclude ${outside}/*\nInclude ssh_config\n`,
    });
    const findings = await scan(root);
    expect(JSON.stringify(findings)).not.toContain(SECRET);
    expect(findings.every((f) => !path.isAbsolute(f.file) && !f.file.startsWith('..'))).toBe(true);
  });

  it('a folder 300 levels deep', async () => {
    const deep = Array.from({ length: 300 }, (_, i) => `d${i % 10}`).join('/');
    const root = tree({ [`${deep}/authorized_keys`]: 'ssh-ed25519\n' });
    const findings = await scan(root);
    expect(findings.some((f) => f.file === `${deep}/authorized_keys` && f.ruleId !== 'SSH001')).toBe(true);
  });

  it('file names with line breaks and "::" stay data in every format', async () => {
    const name = 'x\n::error file=evil::injected\r,%0A';
    const root = tree({ [`${name}/authorized_keys`]: 'ssh-ed25519\n', [`::warning::${'a'}.pub`]: 'not a key\n' });
    const findings = await scan(root);
    expect(findings.map((f) => f.file)).toContain(`${name}/authorized_keys`);
    const github = await cli(['--format', 'github', '--fail-on', 'none', '.'], root);
    const commands = github.stdout.split('\n').filter(Boolean);
    expect(commands).toHaveLength(findings.length);
    for (const line of commands) expect(line).toMatch(/^::(error|warning|notice) file=[^:,\r\n]*,line=\d+/);
    const text = await cli(['--format', 'text', '--fail-on', 'none', '.'], root);
    expect(text.stdout.split('\n').some((line) => line.startsWith('::'))).toBe(false);
    const sarif = await cli(['--format', 'sarif', '--fail-on', 'none', '.'], root);
    expect(JSON.parse(sarif.stdout).runs[0].results.length).toBe(findings.length);
  });
});

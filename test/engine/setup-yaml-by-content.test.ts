import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.js';
import { lintPaths } from '../../src/engine/lint-files.js';

let root: string;

function write(relPath: string, content: string): void {
  const absPath = path.join(root, relPath);
  mkdirSync(path.dirname(absPath), { recursive: true });
  writeFileSync(absPath, content);
}

function git(...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd: root, stdio: 'pipe' });
}

const PLAYBOOK = '---\n- hosts: web\n  tasks:\n    - shell: ssh -o StrictHostKeyChecking=no deploy@example.com true\n';
const USER_DATA = '#cloud-config\nssh_pwauth: true\n';
const ORDINARY = 'image: nginx\nreplicas: 2\n';

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'sshlint-setup-yaml-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Files with findings, by rule. */
async function findingsByFile(): Promise<Record<string, string[]>> {
  const result = await lintPaths(['.'], { cwd: root, config: defaultConfig() });
  const byFile: Record<string, string[]> = {};
  for (const finding of result.findings) (byFile[finding.file] ??= []).push(finding.ruleId);
  return byFile;
}

describe('YAML setup code found by content', () => {
  it.each([
    ['tracked', true],
    ['untracked', false],
  ])('%s playbooks and cloud-init user data under any YAML name are analysed; ordinary YAML is not', async (_name, tracked) => {
    write('deploy/site.yml', PLAYBOOK);
    write('infra/vm.yaml', USER_DATA);
    write('k8s/app.yml', ORDINARY);
    git('init', '-q');
    if (tracked) git('add', '.');
    const byFile = await findingsByFile();
    expect(Object.keys(byFile).sort()).toEqual(['deploy/site.yml', 'infra/vm.yaml']);
    expect(byFile['infra/vm.yaml']).toContain('SSH532');
  });
});

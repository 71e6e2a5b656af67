/** action.yml and the example workflows agree: inputs, outputs, permissions, the runtime. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/build-dist.js';

const load = (file: string) => parseYaml(readFileSync(path.join(REPO_ROOT, file), 'utf8'));
const action = load('action.yml');

describe('action.yml', () => {
  it('runs dist/index.js on node24 and declares the documented inputs and outputs', () => {
    expect(action.name).toBe('sshlint');
    expect(action.branding).toMatchObject({ icon: expect.any(String), color: expect.any(String) });
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    const defaults = Object.fromEntries(Object.entries(action.inputs as Record<string, { default: string }>).map(([name, input]) => [name, input.default]));
    expect(defaults).toEqual({
      paths: '.',
      config: '',
      'fail-on': 'error',
      'only-changed': 'auto',
      annotations: 'true',
      'check-run': 'auto',
      'sarif-file': '',
      'github-token': '${{ github.token }}',
    });
    expect(Object.keys(action.outputs)).toEqual(['findings', 'errors', 'warnings', 'notes', 'sarif-file']);
  });
});

describe.each(['examples/workflows/sshlint.yml', 'examples/workflows/sshlint-sarif.yml'])('%s', (file) => {
  const workflow = load(file);
  const steps = workflow.jobs.sshlint.steps as { uses?: string; with?: Record<string, string>; if?: string; id?: string }[];
  const sshlint = steps.find((step) => step.uses?.startsWith('sshlint/sshlint@'))!;

  it('passes only inputs action.yml declares', () => {
    expect(sshlint).toBeDefined();
    for (const name of Object.keys(sshlint.with ?? {})) expect(Object.keys(action.inputs)).toContain(name);
  });

  it('asks for the permissions it needs and no write access to contents', () => {
    expect(workflow.permissions.contents).toBe('read');
    if (file.endsWith('sshlint.yml')) expect(workflow.permissions).toEqual({ contents: 'read', checks: 'write', 'pull-requests': 'read' });
    else expect(workflow.permissions['security-events']).toBe('write');
  });

  it('uploads SARIF only where the token can (not on fork pull requests)', () => {
    const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    if (file.endsWith('sshlint.yml')) return expect(upload).toBeUndefined();
    expect(upload!.with!.sarif_file).toBe('${{ steps.sshlint.outputs.sarif-file }}');
    expect(upload!.if).toContain('github.event.pull_request.head.repo.fork');
    expect(sshlint.with!['sarif-file']).toBeTruthy();
  });
});

it('examples/pre-commit-config.yaml uses the hook the manifest declares', () => {
  const config = load('examples/pre-commit-config.yaml');
  const manifest = load('.pre-commit-hooks.yaml') as { id: string }[];
  expect(config.repos[0].repo).toBe('https://github.com/sshlint/sshlint');
  expect(config.repos[0].hooks.map((hook: { id: string }) => hook.id)).toEqual(manifest.map((hook) => hook.id));
});

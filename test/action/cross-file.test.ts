/**
 * only-changed keeps a finding in an unchanged file when one of its related locations is in a
 * changed file. No shipped rule relates files yet, so this runs the Action bundled from the same
 * sources plus one test rule (cross-file-rule.ts), as a child process like action.test.ts.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/build-dist.js';
import { githubApi, makeFixture, pullRequestPayload, REPORTED, type Fixture } from './fixture.js';
import { runAction, startFakeGitHub, workflowCommands, type FakeGitHub } from './harness.js';

let bundle: string;
let fixture: Fixture;
let api: FakeGitHub;

beforeAll(async () => {
  bundle = path.join(mkdtempSync(path.join(tmpdir(), 'sshlint-cross-file-')), 'index.js');
  const rule = path.join(REPO_ROOT, 'test/action/cross-file-rule.ts');
  await build({
    entryPoints: [path.join(REPO_ROOT, 'src/action.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: "import { createRequire as __r } from 'node:module';\nconst require = __r(import.meta.url);" },
    define: { __SSHLINT_VERSION__: '"test"' },
    logLevel: 'error',
    plugins: [
      {
        name: 'add-test-rule',
        setup(on) {
          on.onLoad({ filter: /[\\/]src[\\/]rules[\\/]index\.ts$/ }, (args) => ({
            contents: `${readFileSync(args.path, 'utf8')}\nimport __testRule from ${JSON.stringify(rule)};\n(RULES as unknown as unknown[]).push(__testRule);\n`,
            loader: 'ts',
            resolveDir: path.dirname(args.path),
          }));
        },
      },
    ],
  });
  fixture = makeFixture();
  api = await startFakeGitHub();
  api.route = githubApi({ files: 'ok', checks: 'ok' });
});
afterAll(async () => {
  await api?.close();
});

it('reports a finding in an unchanged file whose related location is in a changed file, and no other', async () => {
  const run = await runAction({
    bundle,
    workspace: fixture.repo,
    eventName: 'pull_request',
    payload: pullRequestPayload(fixture),
    sha: fixture.mergeSha,
    apiUrl: api.url,
    inputs: { 'fail-on': 'none' },
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  // servers/legacy/authorized_keys is unchanged. Line 2 points into keys/new-name.pub (renamed by
  // the pull request): reported. Line 3 points into keys/stable.pub (unchanged) and line 4 is a
  // plain error: not reported.
  expect(run.outputs.findings).toBe(String(REPORTED + 1));
  const annotations = api.requests.filter((r) => r.url.includes('/check-runs')).flatMap((r) => r.body.output.annotations as Record<string, unknown>[]);
  expect(annotations.filter((a) => a.path === 'servers/legacy/authorized_keys')).toEqual([
    expect.objectContaining({ start_line: 2, title: 'SSH999 test-cross-file', raw_details: expect.stringContaining('keys/new-name.pub:1:1: The cause.') }),
  ]);
  // Warnings about expired keys outrank it for the 10 warning annotations; it is in the summary.
  expect(workflowCommands(run.stdout).filter((c) => c.properties.file === 'servers/legacy/authorized_keys')).toEqual([]);
  expect(run.summary).toMatch(/<tr><td><code>servers\/legacy\/authorized_keys<\/code><\/td><td><a href="[^"]+">SSH999<\/a> test-cross-file<\/td><td>warning<\/td><td>1<\/td><td>2<\/td><\/tr>/);
  expect(run.summary.match(/servers\/legacy/g)).toHaveLength(1);
  expect(run.summary).toContain('2 findings in unchanged files are not reported');
});

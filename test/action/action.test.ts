/**
 * The bundled Action (dist/index.js, built by `npm run build`) run as a child process with a
 * runner's environment, against a loopback server standing in for the GitHub API, on a real git
 * repository where a pull request changes some SSH files and leaves another one alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleDocsUrl } from '../../src/core/rule-meta.js';
import { buildDist } from '../helpers/build-dist.js';
import {
  ERRORS,
  githubApi,
  LOCKOUT_WARNINGS,
  makeFixture,
  NOTES,
  OWNER_REPO,
  PR_NUMBER,
  pullRequestPayload,
  REPORTED,
  WEAK_WARNINGS,
  type ApiBehaviour,
  type Fixture,
} from './fixture.js';
import { runAction, startFakeGitHub, workflowCommands, type ActionRun, type FakeGitHub, type RecordedRequest } from './harness.js';

let bundle: string;
let fixture: Fixture;
let api: FakeGitHub;

beforeAll(async () => {
  const built = await buildDist(['dist/index.js']);
  bundle = path.join(built.dir, 'dist/index.js');
  fixture = makeFixture();
  api = await startFakeGitHub();
});
afterAll(async () => {
  await api?.close();
});

async function act(options: { payload?: unknown; eventName?: string; sha?: string; inputs?: Record<string, string>; behaviour?: ApiBehaviour } = {}): Promise<ActionRun> {
  api.requests.length = 0;
  api.route = githubApi(options.behaviour ?? { files: 'ok', checks: 'ok' });
  return runAction({
    bundle,
    workspace: fixture.repo,
    eventName: options.eventName ?? 'pull_request',
    payload: options.payload ?? pullRequestPayload(fixture),
    sha: options.sha ?? fixture.mergeSha,
    apiUrl: api.url,
    inputs: options.inputs ?? {},
  });
}

const fileAnnotations = (run: ActionRun) => workflowCommands(run.stdout).filter((c) => c.properties.file !== undefined);
const checkRunRequests = () => api.requests.filter((r) => r.url.includes('/check-runs'));

describe('pull request, write token', () => {
  let run: ActionRun;
  beforeAll(async () => {
    run = await act({ inputs: { 'sarif-file': 'reports/sshlint.sarif' } });
  });

  it('fails because of findings, not because it crashed, within seconds', () => {
    expect(run.stderr).toBe('');
    expect(run.ms, `the Action took ${Math.round(run.ms)} ms`).toBeLessThan(10_000);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('sshlint failed');
    const failure = workflowCommands(run.stdout).filter((c) => c.command === 'error' && c.properties.file === undefined);
    expect(failure.map((c) => c.message)).toEqual([expect.stringMatching(/^sshlint: 35 errors, 27 warnings, 6 notes; findings at or above "error" fail this step/)]);
  });

  it('prints at most 10 annotations per level, counting setFailed, the most important first', () => {
    const all = workflowCommands(run.stdout);
    const count = (command: string) => all.filter((c) => c.command === command).length;
    expect(count('error')).toBe(10); // 9 findings + core.setFailed's own
    expect(count('warning')).toBe(10);
    expect(count('notice')).toBeLessThanOrEqual(10);

    const errors = fileAnnotations(run).filter((c) => c.command === 'error');
    expect(errors).toHaveLength(9);
    // First by line: lines 2..10 of the deploy file hold the first invalid keys.
    expect(errors.map((c) => [c.properties.file, c.properties.line, c.properties.title])).toEqual(
      Array.from({ length: 9 }, (_, i) => ['home/deploy/.ssh/authorized_keys', String(i + 2), 'SSH102 invalid-key-data']),
    );
    // Lockout warnings (expired keys) go before the weak-crypto warnings of ci/, though ci/ sorts first.
    const warnings = fileAnnotations(run).filter((c) => c.command === 'warning');
    expect(warnings).toHaveLength(10);
    expect(new Set(warnings.map((c) => c.properties.title))).toEqual(new Set(['SSH141 key-expired']));
    expect(warnings.every((c) => c.properties.file === 'home/deploy/.ssh/authorized_keys')).toBe(true);
    // Errors, then warnings, then notices in print order.
    const order = fileAnnotations(run).map((c) => c.command);
    expect(order).toEqual([...order].sort((a, b) => ['error', 'warning', 'notice'].indexOf(a) - ['error', 'warning', 'notice'].indexOf(b)));
    const notices = fileAnnotations(run).filter((c) => c.command === 'notice');
    expect(notices).toHaveLength(NOTES);
    // Columns appear only on single-line annotations, with the help text on a line of its own.
    expect(errors[0]!.properties).toMatchObject({ line: '2', col: '13' });
    expect(errors[0]!.properties.endColumn).toMatch(/^\d+$/);
    expect(errors[0]!.properties.endLine).toBeUndefined();
    expect(errors[0]!.message).toMatch(/\nhelp: /);
  });

  it('says how many findings were left out and where to see them', () => {
    const leftOut = workflowCommands(run.stdout).filter((c) => c.command === 'notice' && c.properties.file === undefined);
    expect(leftOut).toHaveLength(1);
    const shown = 9 + 10 + NOTES;
    expect(leftOut[0]!.message).toContain(`${REPORTED - shown} of ${REPORTED} findings have no annotation here`);
    expect(leftOut[0]!.message).toMatch(/the check run "sshlint", the SARIF file reports\/sshlint\.sarif, the job summary and the step log/);
  });

  it('reports only what the pull request changed', () => {
    expect(run.stdout).not.toMatch(/file=servers\/legacy/);
    expect(run.summary).not.toContain('servers/legacy');
    expect(run.summary).toContain('1 finding in unchanged files is not reported');
    // The files listing was paginated (2 per page here).
    const pages = api.requests.filter((r) => r.url.startsWith(`${OWNER_REPO}/pulls/${PR_NUMBER}/files`));
    expect(pages.map((r) => new URL(r.url, api.url).searchParams.get('page') ?? '1')).toEqual(['1', '2', '3']);
    expect(run.summary).toContain('the 3 files pull request #7 changes (listed by the GitHub API)');
  });

  it('sets the outputs', () => {
    expect(run.outputs).toEqual({
      findings: String(REPORTED),
      errors: String(ERRORS),
      warnings: String(LOCKOUT_WARNINGS + WEAK_WARNINGS),
      notes: String(NOTES),
      'sarif-file': path.join(fixture.repo, 'reports/sshlint.sarif'),
    });
  });

  it('writes SARIF with every finding, the unchanged file included', () => {
    const sarif = JSON.parse(readFileSync(path.join(fixture.repo, 'reports/sshlint.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results as { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    expect(results).toHaveLength(REPORTED + 1);
    expect(results.some((r) => r.locations[0]!.physicalLocation.artifactLocation.uri === 'servers/legacy/authorized_keys')).toBe(true);
  });

  it('writes a job summary with totals and a table by file and rule linking the rule docs', () => {
    expect(run.summary).toContain('## sshlint');
    expect(run.summary).toContain('**35 errors, 27 warnings, 6 notes** in 2 files');
    expect(run.summary).toContain(`<a href="${ruleDocsUrl({ id: 'SSH102' })}">SSH102</a> invalid-key-data</td><td>error</td><td>35</td>`);
    expect(run.summary).toContain(`<a href="${ruleDocsUrl({ id: 'SSH111' })}">SSH111</a> key-rsa-weak</td><td>warning</td><td>12</td>`);
    expect(run.summary.match(/<tr><td>/g)).toHaveLength(4);
    expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * 1024);
  });

  it('creates the check run on the head SHA with every finding exactly once, at most 50 per request', () => {
    const requests = checkRunRequests();
    expect(requests.map((r) => r.method)).toEqual(['POST', 'PATCH']);
    const [create, update] = requests as [RecordedRequest, RecordedRequest];
    expect(create.headers.authorization).toBe('token ghs_test_token');
    expect(create.body).toMatchObject({ name: 'sshlint', head_sha: fixture.headSha, status: 'in_progress' });
    expect(create.body.head_sha).not.toBe(fixture.mergeSha);
    expect(create.body.details_url).toBe('https://github.com/octo-org/infra/actions/runs/4242');
    expect(update.body).toMatchObject({ status: 'completed', conclusion: 'failure' });
    for (const request of requests) {
      expect(request.body.output.annotations.length).toBeLessThanOrEqual(50);
      expect(request.body.output.title).toBe('35 errors, 27 warnings, 6 notes');
    }
    const annotations = requests.flatMap((r) => r.body.output.annotations as Record<string, unknown>[]);
    expect(annotations).toHaveLength(REPORTED);
    const keys = annotations.map((a) => `${a.path}:${a.start_line}:${a.title}`);
    expect(new Set(keys).size).toBe(REPORTED);
    expect(annotations.filter((a) => a.path === 'servers/legacy/authorized_keys')).toEqual([]);
    const levels = annotations.reduce<Record<string, number>>((acc, a) => ({ ...acc, [a.annotation_level as string]: (acc[a.annotation_level as string] ?? 0) + 1 }), {});
    expect(levels).toEqual({ failure: ERRORS, warning: LOCKOUT_WARNINGS + WEAK_WARNINGS, notice: NOTES });
    for (const a of annotations) {
      expect((a.title as string).length).toBeLessThanOrEqual(255);
      expect(a.end_line).toBe(a.start_line);
      expect(a.raw_details).toMatch(/^Rule: https:\/\//m);
    }
  });

  it('keeps workflow commands in file content from running', () => {
    // The full text report is in the log, fenced by stop-commands.
    expect(run.stdout).toMatch(/^::stop-commands::[0-9a-f-]{36}$/m);
    expect(run.stdout).toContain('home/deploy/.ssh/authorized_keys:2:13 error');
  });
});

describe('pull request from a fork: read-only token', () => {
  it('skips the check run with one notice; the exit status depends on findings only', async () => {
    const payload = pullRequestPayload(fixture, true);
    const passing = await act({ payload, inputs: { 'fail-on': 'none' }, behaviour: { files: 'ok', checks: 403 } });
    expect(passing.status).toBe(0);
    expect(checkRunRequests().map((r) => r.method)).toEqual(['POST']);
    const notices = workflowCommands(passing.stdout).filter((c) => c.command === 'notice' && c.message.includes('read-only token'));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toContain('the annotations in this step and the job summary still show the findings');
    expect(workflowCommands(passing.stdout).filter((c) => c.command === 'error' && !c.properties.file)).toEqual([]);
    expect(passing.outputs.findings).toBe(String(REPORTED));
    expect(passing.summary).toContain('No check run: the token is read-only');

    const failing = await act({ payload, behaviour: { files: 'ok', checks: 403 } });
    expect(failing.status).toBe(1);
    expect(failing.stdout).not.toContain('sshlint failed');
    expect(workflowCommands(failing.stdout).filter((c) => c.message.includes('read-only token'))).toHaveLength(1);
    // setFailed's error and the notice took their slots: still at most 10 per level.
    for (const level of ['error', 'warning', 'notice']) {
      expect(workflowCommands(failing.stdout).filter((c) => c.command === level).length).toBeLessThanOrEqual(10);
    }
  });

  it('other API errors are a warning, not a failure', async () => {
    const run = await act({ inputs: { 'fail-on': 'none' }, behaviour: { files: 'ok', checks: 500 } });
    expect(run.status).toBe(0);
    const warnings = workflowCommands(run.stdout).filter((c) => c.command === 'warning' && !c.properties.file);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/could not publish the "sshlint" check run: creating the check run: 500/);
  });
});

describe('changed files without the API', () => {
  it('falls back to git diff base...head when the files API answers 403', async () => {
    const run = await act({ inputs: { 'check-run': 'false' }, behaviour: { files: 403 } });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Changed files: the API answered 403');
    expect(run.outputs.findings).toBe(String(REPORTED));
    expect(run.summary).toContain('the 3 files pull request #7 changes (listed by git diff)');
    expect(run.stdout).not.toMatch(/file=servers\/legacy/);
    expect(checkRunRequests()).toEqual([]);
  });

  it('reports the whole repository, with a warning, when neither can list them', async () => {
    const payload = pullRequestPayload(fixture);
    payload.pull_request.base.sha = 'f'.repeat(40); // not in the clone, as in a shallow checkout
    const run = await act({ payload, inputs: { 'check-run': 'false', 'fail-on': 'none' }, behaviour: { files: 403 } });
    expect(run.status).toBe(0);
    expect(run.outputs.findings).toBe(String(REPORTED + 1));
    const warning = workflowCommands(run.stdout).find((c) => c.command === 'warning' && !c.properties.file);
    expect(warning?.message).toMatch(/cannot list the files pull request #7 changes: the API answered 403.*fetch-depth: 0.*Reporting every file instead/);
  });
});

describe('other events and inputs', () => {
  it('push: the whole repository, check run on GITHUB_SHA', async () => {
    const run = await act({ eventName: 'push', payload: { ref: 'refs/heads/main', after: fixture.mergeSha }, sha: fixture.mergeSha });
    expect(run.outputs.findings).toBe(String(REPORTED + 1));
    expect(api.requests.filter((r) => r.url.includes('/pulls/'))).toEqual([]);
    const [create] = checkRunRequests();
    expect(create!.body.head_sha).toBe(fixture.mergeSha);
    expect(checkRunRequests().flatMap((r) => r.body.output.annotations)).toHaveLength(REPORTED + 1);
  });

  it('only-changed: false reports everything on a pull request too; paths narrows the scan', async () => {
    const all = await act({ inputs: { 'only-changed': 'false', 'check-run': 'false' } });
    expect(all.outputs.findings).toBe(String(REPORTED + 1));
    const narrowed = await act({ inputs: { paths: 'ci\nservers', 'only-changed': 'false', 'check-run': 'false', 'fail-on': 'warning' } });
    expect(narrowed.outputs).toMatchObject({ findings: String(WEAK_WARNINGS + 1), errors: '1', warnings: String(WEAK_WARNINGS) });
    expect(narrowed.status).toBe(1);
  });

  it('annotations: false prints no finding annotations', async () => {
    const run = await act({ inputs: { annotations: 'false', 'check-run': 'false' } });
    expect(workflowCommands(run.stdout).filter((c) => c.properties.file)).toEqual([]);
    expect(run.status).toBe(1);
  });

  it('a bad input fails as "sshlint failed", with no findings reported', async () => {
    const run = await act({ inputs: { 'fail-on': 'fatal' } });
    expect(run.status).toBe(1);
    const commands = workflowCommands(run.stdout);
    expect(commands).toEqual([expect.objectContaining({ command: 'error', message: expect.stringMatching(/^sshlint failed: input fail-on must be one of error, warning, note, none, got "fatal"/) })]);
    expect(api.requests).toEqual([]);
    expect(existsSync(path.join(fixture.repo, 'never.sarif'))).toBe(false);
  });

  it('a configuration error fails as "sshlint failed"', async () => {
    const run = await act({ inputs: { config: 'missing.yml' } });
    expect(run.status).toBe(1);
    expect(workflowCommands(run.stdout).map((c) => c.message)).toEqual([expect.stringMatching(/^sshlint failed: cannot read config file .*missing\.yml/)]);
    expect(run.outputs).toEqual({});
  });
});

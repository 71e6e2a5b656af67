/** The Action's modules on their own: inputs, scope, annotation budget, check-run batching, summary cap. */
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { byImportance, planAnnotations } from '../../src/action/annotations.js';
import { changedFiles, filesFromListing, selectReported } from '../../src/action/changed-files.js';
import { MAX_ANNOTATION_REQUESTS, publishCheckRun, toCheckAnnotation, type ChecksApi, type CreateCheckRunParams, type UpdateCheckRunParams } from '../../src/action/check-run.js';
import { repositoryRoot } from '../../src/action/event.js';
import { readInputs } from '../../src/action/inputs.js';
import { renderSummary, SUMMARY_MAX_BYTES } from '../../src/action/summary.js';
import { truncateBytes, truncateChars } from '../../src/action/truncate.js';
import type { Category, Finding, Severity } from '../../src/core/finding.js';
import { UsageError } from '../../src/discover/errors.js';
import { commit, git } from './harness.js';

function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'SSH102',
    alias: 'invalid-key-data',
    severity: 'error',
    category: 'malformed',
    file: 'a/authorized_keys',
    line: 1,
    column: 1,
    endColumn: 5,
    message: 'bad',
    ...over,
  };
}

function many(count: number, severity: Severity, category: Category, file = 'f'): Finding[] {
  return Array.from({ length: count }, (_, i) => finding({ severity, category, file, line: i + 1 }));
}

describe('inputs', () => {
  const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

  it('defaults as action.yml documents them', () => {
    expect(readInputs(reader({ 'github-token': 't' }))).toEqual({
      paths: ['.'],
      failOn: 'error',
      onlyChanged: 'auto',
      annotations: true,
      checkRun: 'auto',
      token: 't',
    });
  });

  it('splits paths on spaces and newlines; reads the rest', () => {
    const inputs = readInputs(
      reader({ paths: 'etc/ssh  home\n\nkeys/a.pub\n', config: '.github/ssh.yml', 'fail-on': 'warning', 'only-changed': 'false', annotations: 'False', 'check-run': 'TRUE', 'sarif-file': 'out.sarif', 'github-token': 't' }),
    );
    expect(inputs).toEqual({
      paths: ['etc/ssh', 'home', 'keys/a.pub'],
      config: '.github/ssh.yml',
      failOn: 'warning',
      onlyChanged: false,
      annotations: false,
      checkRun: true,
      sarifFile: 'out.sarif',
      token: 't',
    });
  });

  it.each([
    [{ 'fail-on': 'fatal' }, /fail-on must be one of error, warning, note, none/],
    [{ annotations: 'yes' }, /annotations must be true or false/],
    [{ 'only-changed': 'sometimes' }, /only-changed must be auto, true or false/],
    [{ 'check-run': 'true' }, /check-run is true but github-token is empty/],
  ])('rejects %o', (values, message) => {
    expect(() => readInputs(reader(values))).toThrow(UsageError);
    expect(() => readInputs(reader(values))).toThrow(message);
  });
});

describe('scope: changed files', () => {
  it('takes renamed files by their new name and leaves removed files out', () => {
    expect(
      filesFromListing([
        { filename: 'a', status: 'added' },
        { filename: 'b', status: 'modified' },
        { filename: 'new', status: 'renamed' },
        { filename: 'gone', status: 'removed' },
        { filename: 'c', status: 'copied' },
        { filename: 'd', status: 'changed' },
      ]),
    ).toEqual(['a', 'b', 'new', 'c', 'd']);
  });

  it('keeps a finding in a changed file, or one whose related location is in a changed file', () => {
    const inChanged = finding({ file: 'changed/authorized_keys' });
    const causedByChange = finding({ file: 'other/sshd_config', related: [{ file: 'changed/authorized_keys', line: 3, column: 1, message: 'here' }] });
    const unrelated = finding({ file: 'other/sshd_config', related: [{ file: 'other/x', line: 1, column: 1, message: 'x' }] });
    const untouched = finding({ file: 'other/known_hosts' });
    expect(selectReported([inChanged, causedByChange, unrelated, untouched], new Set(['changed/authorized_keys']))).toEqual([inChanged, causedByChange]);
  });

  function repoWithPullRequest() {
    const repo = mkdtempSync(path.join(tmpdir(), 'sshlint-changed-'));
    git(repo, 'init', '-q', '-b', 'main');
    const baseSha = commit(repo, { 'old.pub': 'x\n', 'gone.pub': 'y\n', 'same.pub': 'z\n' }, 'base');
    const headSha = commit(repo, { 'old.pub': null, 'new name.pub': 'x\n', 'gone.pub': null, 'added/ütf.pub': 'w\n' }, 'head');
    return { repo, baseSha, headSha };
  }

  it('uses the API listing when it is complete', async () => {
    const { repo, baseSha, headSha } = repoWithPullRequest();
    const result = await changedFiles(
      { number: 1, baseSha, headSha, changedFiles: 2 },
      { repositoryRoot: repo, listFiles: async () => [{ filename: 'x.pub', status: 'added' }, { filename: 'y.pub', status: 'removed' }], info: () => undefined },
    );
    expect(result).toEqual({ files: new Set(['x.pub']), source: 'api' });
  });

  it('falls back to git diff (renames by new name, no deletions, any file name) on an API error or an incomplete listing', async () => {
    const { repo, baseSha, headSha } = repoWithPullRequest();
    const messages: string[] = [];
    const forbidden = Object.assign(new Error('Resource not accessible by integration'), { status: 403 });
    const viaError = await changedFiles(
      { number: 1, baseSha, headSha },
      { repositoryRoot: repo, listFiles: async () => Promise.reject(forbidden), info: (m) => messages.push(m) },
    );
    expect(viaError).toEqual({ files: new Set(['new name.pub', 'added/ütf.pub']), source: 'git' });
    expect(messages).toEqual(['Changed files: the API answered 403 (Resource not accessible by integration); asking git instead.']);
    const truncated = await changedFiles(
      { number: 1, baseSha, headSha, changedFiles: 3001 },
      { repositoryRoot: repo, listFiles: async () => Array.from({ length: 3000 }, (_, i) => ({ filename: `f${i}`, status: 'added' })), info: (m) => messages.push(m) },
    );
    expect(truncated.source).toBe('git');
    expect(messages.at(-1)).toMatch(/listed 3000 of 3001 changed files/);
    const noToken = await changedFiles({ number: 1, baseSha, headSha }, { repositoryRoot: repo, info: (m) => messages.push(m) });
    expect(noToken.source).toBe('git');
  });

  it('explains what to do when neither works', async () => {
    const { repo, headSha } = repoWithPullRequest();
    await expect(changedFiles({ number: 4, baseSha: 'e'.repeat(40), headSha }, { repositoryRoot: repo, info: () => undefined })).rejects.toThrow(
      /cannot list the files pull request #4 changes: no github-token, and git diff eeeeeeeeeeee\.\.\.\w{12} failed .*fetch-depth: 0/,
    );
  });

  it("asks git about the checkout, not the repository a hook's GIT_DIR names", async () => {
    const { repo, baseSha, headSha } = repoWithPullRequest();
    const saved = process.env.GIT_DIR;
    process.env.GIT_DIR = path.join(mkdtempSync(path.join(tmpdir(), 'sshlint-other-')), '.git');
    try {
      expect(await repositoryRoot(path.join(repo, 'added'))).toBe(realpathSync(repo));
      expect((await changedFiles({ number: 1, baseSha, headSha }, { repositoryRoot: repo, info: () => undefined })).files).toEqual(new Set(['new name.pub', 'added/ütf.pub']));
    } finally {
      if (saved === undefined) delete process.env.GIT_DIR;
      else process.env.GIT_DIR = saved;
    }
  });
});

describe('annotations', () => {
  it('orders by severity, then malformed/lockout/secret-exposure, then file and line', () => {
    const sorted = [
      finding({ severity: 'warning', category: 'hygiene', file: 'a' }),
      finding({ severity: 'warning', category: 'lockout', file: 'z' }),
      finding({ severity: 'error', category: 'weak-crypto', file: 'a' }),
      finding({ severity: 'error', category: 'secret-exposure', file: 'b' }),
      finding({ severity: 'error', category: 'malformed', file: 'c' }),
      finding({ severity: 'note', category: 'malformed', file: 'a' }),
    ].sort(byImportance);
    expect(sorted.map((f) => `${f.severity}/${f.category}/${f.file}`)).toEqual([
      'error/secret-exposure/b',
      'error/malformed/c',
      'error/weak-crypto/a',
      'warning/lockout/z',
      'warning/hygiene/a',
      'note/malformed/a',
    ]);
  });

  it('fits each level into what is left, keeping a notice for the left-out line', () => {
    const findings = [...many(12, 'error', 'malformed'), ...many(3, 'warning', 'hygiene'), ...many(10, 'note', 'hygiene')];
    const plan = planAnnotations(findings, { error: 9, warning: 10, notice: 10 });
    const count = (severity: Severity) => plan.shown.filter((f) => f.severity === severity).length;
    expect([count('error'), count('warning'), count('note')]).toEqual([9, 3, 9]);
    expect(plan.leftOut).toBe(3 + 1);
  });

  it('uses all ten notices when nothing is left out', () => {
    const plan = planAnnotations(many(10, 'note', 'hygiene'), { error: 10, warning: 10, notice: 10 });
    expect(plan).toMatchObject({ leftOut: 0 });
    expect(plan.shown).toHaveLength(10);
  });
});

describe('check run', () => {
  function recordingApi(fail?: { create?: number; updateAt?: number }) {
    const calls: (['create', CreateCheckRunParams] | ['update', UpdateCheckRunParams])[] = [];
    const api: ChecksApi = {
      async create(params) {
        calls.push(['create', params]);
        if (fail?.create) throw Object.assign(new Error('Resource not accessible by integration'), { status: fail.create });
        return { data: { id: 5, html_url: 'https://example/runs/5' } };
      },
      async update(params) {
        calls.push(['update', params]);
        if (fail?.updateAt !== undefined && calls.length - 1 === fail.updateAt) throw Object.assign(new Error('Bad gateway'), { status: 502 });
        return {};
      },
    };
    return { api, calls };
  }
  const request = (findings: Finding[], failed = true) => ({ owner: 'o', repo: 'r', headSha: 'abc', failed, title: 'T', summary: 'S', findings });

  it('sends 120 annotations as 50 + 50 + 20, completing the run with the last request', async () => {
    const { api, calls } = recordingApi();
    const findings = many(120, 'warning', 'hygiene');
    const outcome = await publishCheckRun(api, request(findings));
    expect(outcome).toEqual({ status: 'created', url: 'https://example/runs/5', annotated: 120, leftOut: 0, requests: 3 });
    expect(calls.map(([kind, params]) => [kind, params.output.annotations.length, params.status, params.conclusion])).toEqual([
      ['create', 50, 'in_progress', undefined],
      ['update', 50, undefined, undefined],
      ['update', 20, 'completed', 'failure'],
    ]);
    expect(new Set(calls.flatMap(([, params]) => params.output.annotations.map((a) => a.start_line))).size).toBe(120);
  });

  it('creates a completed run in one request when 50 or fewer', async () => {
    const { api, calls } = recordingApi();
    await publishCheckRun(api, request(many(50, 'note', 'hygiene'), false));
    expect(calls).toHaveLength(1);
    expect(calls[0]![1]).toMatchObject({ status: 'completed', conclusion: 'success', head_sha: 'abc', name: 'sshlint' });
    const empty = recordingApi();
    await publishCheckRun(empty.api, request([], false));
    expect(empty.calls[0]![1].output.annotations).toEqual([]);
  });

  it('reports a 403 as a read-only token and other errors as failures; never leaves the run in progress', async () => {
    expect(await publishCheckRun(recordingApi({ create: 403 }).api, request(many(3, 'error', 'malformed')))).toMatchObject({ status: 'read-only' });
    expect(await publishCheckRun(recordingApi({ create: 500 }).api, request(many(3, 'error', 'malformed')))).toMatchObject({ status: 'failed' });
    const { api, calls } = recordingApi({ updateAt: 1 });
    const outcome = await publishCheckRun(api, request(many(120, 'error', 'malformed')));
    expect(outcome).toMatchObject({ status: 'failed', message: expect.stringMatching(/annotations 51–120 .*502/) });
    expect(calls.at(-1)![1]).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it(`stops after ${MAX_ANNOTATION_REQUESTS} requests and says so in the summary`, async () => {
    const { api, calls } = recordingApi();
    const outcome = await publishCheckRun(api, request(many(MAX_ANNOTATION_REQUESTS * 50 + 7, 'note', 'hygiene')));
    expect(outcome).toMatchObject({ status: 'created', annotated: MAX_ANNOTATION_REQUESTS * 50, leftOut: 7, requests: MAX_ANNOTATION_REQUESTS });
    expect(calls[0]![1].output.summary).toMatch(/7 more findings have no annotation here/);
  });

  it('keeps titles, messages and columns within what GitHub accepts', () => {
    const long = toCheckAnnotation(finding({ alias: 'x'.repeat(400), message: 'é'.repeat(70_000), help: 'fix' }));
    expect(long.title!.length).toBeLessThanOrEqual(255);
    expect(Buffer.byteLength(long.message)).toBeLessThanOrEqual(64 * 1024);
    const multiLine = toCheckAnnotation(finding({ line: 4, endLine: 5, column: 1, endColumn: 9, related: [{ file: 'b', line: 2, column: 3, message: 'first here' }] }));
    expect(multiLine).toMatchObject({ start_line: 4, end_line: 5, annotation_level: 'failure' });
    expect(multiLine).not.toHaveProperty('start_column');
    expect(multiLine).not.toHaveProperty('end_column');
    expect(multiLine.raw_details).toBe('b:2:3: first here\nRule: https://github.com/sshlint/sshlint/blob/main/docs/rules/SSH102.md');
  });
});

describe('job summary', () => {
  const input = (findings: Finding[]) => ({ findings, filesScanned: 3, scope: 'Scope: everything.', failOn: 'error', failed: true, notes: [] });

  it('escapes file names', () => {
    const { text } = renderSummary(input([finding({ file: '<img src=x onerror=alert(1)>/authorized_keys' })]));
    expect(text).toContain('<code>&lt;img src=x onerror=alert(1)&gt;/authorized_keys</code>');
  });

  it('stays under its cap with a huge number of findings, and says it was cut', () => {
    const findings = Array.from({ length: 40_000 }, (_, i) => finding({ file: `dir/${i}/authorized_keys`, line: i + 1 }));
    const rendered = renderSummary(input(findings));
    expect(Buffer.byteLength(rendered.text)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(rendered.complete).toBe(false);
    expect(rendered.text).toMatch(/Table cut after \d+ of 40000 rows to stay under GitHub's 1 MiB job summary limit/);
    expect(renderSummary(input(findings.slice(0, 10))).complete).toBe(true);
  });
});

describe('truncation', () => {
  it('never splits a character', () => {
    expect(truncateBytes('aé€😀'.repeat(10), 20)).toMatch(/…$/);
    expect(Buffer.byteLength(truncateBytes('😀'.repeat(100), 21))).toBeLessThanOrEqual(21);
    expect(truncateBytes('short', 10)).toBe('short');
    expect(truncateChars('😀'.repeat(10), 4)).toBe('😀…');
  });
});

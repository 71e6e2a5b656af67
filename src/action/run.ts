/**
 * The Action: lint, decide what to report (the files a pull request changes, or everything),
 * then report it four ways: a check run with every finding, up to 10 annotations per level, the
 * job summary and an optional SARIF file. Exit status: findings at or above fail-on; a crash or a
 * bad input fails as "sshlint failed: …", never as findings.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import * as github from '@actions/github';
import { failsOn } from '../cli/run-cli.js';
import { ConfigError, loadConfig } from '../config/config.js';
import type { Finding } from '../core/finding.js';
import type { LintResult } from '../core/lint-result.js';
import { PROJECT_URL } from '../core/rule-meta.js';
import { UsageError } from '../discover/errors.js';
import { lintPaths } from '../engine/lint-files.js';
import { formatResult } from '../report/index.js';
import { TOOL_VERSION } from '../version.js';
import { emitAnnotations, StepAnnotations } from './annotations.js';
import { changedFiles, selectReported, type ListedFile } from './changed-files.js';
import { CHECK_RUN_NAME, publishCheckRun, type ChecksApi } from './check-run.js';
import { readEvent, repositoryRoot, type Event } from './event.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { countBySeverity, plural, totalsText } from '../report/totals.js';
import { renderSummary } from './summary.js';

type Octokit = ReturnType<typeof github.getOctokit>;

export async function run(): Promise<void> {
  try {
    await runAction();
  } catch (error) {
    const expected = error instanceof UsageError || error instanceof ConfigError;
    const message = error instanceof Error ? error.message : String(error);
    core.setFailed(`sshlint failed: ${expected ? '' : 'internal error: '}${message}`);
    if (!expected && error instanceof Error && error.stack) core.info(error.stack);
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

interface Scope {
  reported: Finding[];
  /** For the summary and the log. */
  description: string;
}

async function decideScope(inputs: ActionInputs, event: Event, result: LintResult, root: string, octokit: Octokit | undefined, step: StepAnnotations): Promise<Scope> {
  const whole: Scope = { reported: result.findings, description: 'Scope: every file under the given paths.' };
  if (inputs.onlyChanged === false) return whole;
  const pr = event.pullRequest;
  if (!pr) {
    if (inputs.onlyChanged === true) {
      step.emit('warning', `sshlint: only-changed is true, but a ${event.name} event has no pull request to compare with; reporting every file.`);
    }
    return whole;
  }
  const repo = event.repo;
  const listFiles =
    octokit && repo
      ? async (): Promise<ListedFile[]> =>
          octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: pr.number, per_page: 100 })
      : undefined;
  let changed;
  try {
    changed = await changedFiles(pr, { repositoryRoot: root, ...(listFiles ? { listFiles } : {}), info: (message) => core.info(message) });
  } catch (error) {
    step.emit('warning', `sshlint: ${(error as Error).message}. Reporting every file instead.`);
    return whole;
  }
  const reported = selectReported(result.findings, changed.files);
  const hidden = result.findings.length - reported.length;
  const description =
    `Scope: the ${plural(changed.files.size, 'file')} pull request #${pr.number} changes (listed by ${changed.source === 'api' ? 'the GitHub API' : 'git diff'}), ` +
    `plus findings elsewhere that point into them.` +
    (hidden > 0 ? ` ${plural(hidden, 'finding')} in unchanged files ${hidden === 1 ? 'is' : 'are'} not reported (only-changed: false reports them).` : '');
  return { reported, description };
}

async function runAction(): Promise<void> {
  const inputs = readInputs((name) => core.getInput(name));
  const workspace = path.resolve(process.env.GITHUB_WORKSPACE || process.cwd());
  const root = await repositoryRoot(workspace);
  const config = loadConfig(root, inputs.config === undefined ? undefined : path.resolve(workspace, inputs.config));
  const paths = inputs.paths.map((input) => toPosix(path.relative(root, path.resolve(workspace, input))) || '.');
  const event = readEvent();
  const octokit = inputs.token ? github.getOctokit(inputs.token, { baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com' }) : undefined;
  const checkRun = inputs.checkRun === false ? undefined : checkRunTarget(inputs, event, octokit);

  const result = await lintPaths(paths, { cwd: root, config });
  const step = new StepAnnotations();
  const scope = await decideScope(inputs, event, result, root, octokit, step);
  const reported: LintResult = { ...result, findings: scope.reported };
  const failed = failsOn(reported.findings, inputs.failOn);
  core.info(`sshlint ${TOOL_VERSION}: ${totalsText(reported.findings)} reported, ${plural(result.filesScanned, 'file')} scanned. ${scope.description}`);
  logFindings(reported);

  /** Where every reported finding can be seen, and sentences for the job summary. */
  const elsewhere: string[] = [];
  const notes: string[] = [];
  if (checkRun) await reportCheckRun(checkRun, { reported: reported.findings, scope, inputs, failed, step, elsewhere, notes });
  else if (inputs.checkRun === 'auto') core.info('No check run: it needs a github-token, the repository and a commit SHA.');

  const sarifPath = inputs.sarifFile === undefined ? undefined : writeSarif(result, path.resolve(workspace, inputs.sarifFile));
  if (sarifPath) {
    const shown = path.relative(workspace, sarifPath) || sarifPath;
    elsewhere.push(`the SARIF file ${shown}`);
    notes.push(`SARIF: ${shown} (every finding, whatever the scope).`);
  }
  if ((await writeSummary(reported, scope, inputs, failed, notes)) === 'complete') elsewhere.push('the job summary');
  elsewhere.push('the step log');

  if (inputs.annotations) emitAnnotations(reported.findings, step, { failing: failed, elsewhere });

  const counts = countBySeverity(reported.findings);
  core.setOutput('findings', reported.findings.length);
  core.setOutput('errors', counts.error);
  core.setOutput('warnings', counts.warning);
  core.setOutput('notes', counts.note);
  core.setOutput('sarif-file', sarifPath ?? '');

  if (failed) core.setFailed(`sshlint: ${totalsText(reported.findings)}; findings at or above "${inputs.failOn}" fail this step (input fail-on).`);
}

/**
 * SARIF holds every finding, whatever the scope: code scanning would take a finding missing from
 * a pull request's analysis for a fixed one.
 */
function writeSarif(result: LintResult, file: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, formatResult('sarif', result, { toolVersion: TOOL_VERSION }));
  core.info(`SARIF (${plural(result.findings.length, 'finding')}) written to ${file}.`);
  return file;
}

type CheckRunTarget = NonNullable<ReturnType<typeof checkRunTarget>>;

function checkRunTarget(inputs: ActionInputs, event: Event, octokit: Octokit | undefined) {
  if (!octokit || !event.repo || !event.headSha) {
    if (inputs.checkRun === true) throw new UsageError('input check-run is true, but there is no GITHUB_REPOSITORY or commit SHA to attach it to');
    return undefined;
  }
  const api: ChecksApi = {
    create: (params) => octokit.rest.checks.create(params),
    update: (params) => octokit.rest.checks.update(params),
  };
  return { api, target: { ...event.repo, headSha: event.headSha } };
}

interface CheckRunContext {
  reported: Finding[];
  scope: Scope;
  inputs: ActionInputs;
  failed: boolean;
  step: StepAnnotations;
  elsewhere: string[];
  notes: string[];
}

/** Publishes the check run; a read-only token or an API error is reported, never thrown. */
async function reportCheckRun(checkRun: CheckRunTarget, context: CheckRunContext): Promise<void> {
  const details = runUrl();
  const outcome = await publishCheckRun(checkRun.api, {
    ...checkRun.target,
    failed: context.failed,
    title: totalsText(context.reported),
    summary: `${context.scope.description}\n\nfail-on: ${context.inputs.failOn}. Each annotation links its rule's documentation (${PROJECT_URL}).`,
    findings: context.reported,
    ...(details ? { detailsUrl: details } : {}),
  });
  switch (outcome.status) {
    case 'created': {
      context.elsewhere.push(`the check run "${CHECK_RUN_NAME}"`);
      const note = `Check run "${CHECK_RUN_NAME}": ${plural(outcome.annotated, 'annotation')} in ${plural(outcome.requests, 'request')}${outcome.url ? ` (${outcome.url})` : ''}.`;
      context.notes.push(note);
      core.info(note);
      return;
    }
    case 'read-only':
      context.step.emit(
        'notice',
        `sshlint: read-only token: skipped the "${CHECK_RUN_NAME}" check run (GitHub answered ${outcome.message}; pull requests from forks always get a read-only GITHUB_TOKEN, other workflows need "permissions: checks: write"); the annotations in this step and the job summary still show the findings.`,
        { title: 'sshlint: check run skipped' },
      );
      context.notes.push('No check run: the token is read-only (a pull request from a fork, or no checks: write permission).');
      return;
    case 'failed':
      context.step.emit('warning', `sshlint: could not publish the "${CHECK_RUN_NAME}" check run: ${outcome.message}. The findings are still reported here and in the job summary.`);
      context.notes.push(`No check run: ${outcome.message}.`);
  }
}

function runUrl(): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = process.env;
  return server && repository && runId ? `${server}/${repository}/actions/runs/${runId}` : undefined;
}

/** Every reported finding in the log, where no limit applies. Workflow commands are off meanwhile: the text holds file names and content. */
function logFindings(result: LintResult): void {
  if (result.findings.length === 0) return;
  const token = randomUUID();
  core.startGroup(`sshlint: ${plural(result.findings.length, 'finding')}`);
  core.info(`::stop-commands::${token}`);
  core.info(formatResult('text', result, { toolVersion: TOOL_VERSION, color: false }).trimEnd());
  core.info(`::${token}::`);
  core.endGroup();
}

async function writeSummary(result: LintResult, scope: Scope, inputs: ActionInputs, failed: boolean, notes: string[]): Promise<'complete' | 'cut' | 'none'> {
  if (!process.env.GITHUB_STEP_SUMMARY) return 'none';
  const rendered = renderSummary({ findings: result.findings, filesScanned: result.filesScanned, scope: scope.description, failOn: inputs.failOn, failed, notes });
  try {
    await core.summary.addRaw(rendered.text).write();
    return rendered.complete ? 'complete' : 'cut';
  } catch (error) {
    core.info(`No job summary: ${(error as Error).message}`);
    return 'none';
  }
}


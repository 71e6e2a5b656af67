/**
 * Runs the bundled Action (dist/index.js) the way a runner does: a child process, its inputs as
 * INPUT_* variables, the event payload in a file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files,
 * and GITHUB_API_URL pointing at a loopback server standing in for api.github.com.
 */
import { execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

// ---------- SSH lines -------------------------------------------------------------------------

function sshString(data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, data]);
}

function mpint(data: Buffer): Buffer {
  let bytes = data;
  while (bytes.length > 1 && bytes[0] === 0) bytes = bytes.subarray(1);
  return sshString((bytes[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

/** A fresh Ed25519 public key, `ssh-ed25519 AAAA…`. */
export function ed25519Key(): string {
  const jwk = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
  const blob = Buffer.concat([sshString(Buffer.from('ssh-ed25519')), sshString(Buffer.from(jwk.x!, 'base64url'))]);
  return `ssh-ed25519 ${blob.toString('base64')}`;
}

/** A fresh 1024-bit RSA public key (sshlint: key-rsa-weak, a weak-crypto warning). */
export function rsa1024Key(): string {
  const jwk = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
  const blob = Buffer.concat([sshString(Buffer.from('ssh-rsa')), mpint(Buffer.from(jwk.e!, 'base64url')), mpint(Buffer.from(jwk.n!, 'base64url'))]);
  return `ssh-rsa ${blob.toString('base64')}`;
}

// ---------- git repository --------------------------------------------------------------------

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV }, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** Writes `files` (null deletes) and commits everything; returns the commit SHA. */
export function commit(repo: string, files: Record<string, string | null>, message: string): string {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(repo, name);
    if (content === null) rmSync(file);
    else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '--no-verify', '-m', message);
  return git(repo, 'rev-parse', 'HEAD');
}

export function newRepo(): string {
  const repo = mkdtempSync(path.join(tmpdir(), 'sshlint-action-repo-'));
  git(repo, 'init', '-q', '-b', 'main');
  return repo;
}

// ---------- fake GitHub API -------------------------------------------------------------------

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: any;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Route = (request: RecordedRequest, url: URL, baseUrl: string) => Reply | undefined;

export interface FakeGitHub {
  url: string;
  requests: RecordedRequest[];
  /** Replaced per test. */
  route: Route;
  close(): Promise<void>;
}

export async function startFakeGitHub(): Promise<FakeGitHub> {
  const fake: FakeGitHub = { url: '', requests: [], route: () => undefined, close: async () => undefined };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: text ? JSON.parse(text) : undefined };
      fake.requests.push(recorded);
      const reply = fake.route(recorded, new URL(recorded.url, fake.url), fake.url) ?? { status: 404, body: { message: 'Not Found' } };
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fake;
}

// ---------- the Action as a child process -----------------------------------------------------

export interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  ms: number;
}

export interface ActionOptions {
  bundle: string;
  workspace: string;
  eventName: string;
  payload: unknown;
  /** GITHUB_SHA: for pull requests the merge commit, which differs from the head. */
  sha: string;
  apiUrl: string;
  /** Input name as in action.yml (hyphens kept) → value. */
  inputs: Record<string, string>;
}

/** GITHUB_OUTPUT's `name<<delimiter … delimiter` records. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[index]!);
    if (!match) continue;
    const value: string[] = [];
    while (++index < lines.length && lines[index] !== match[2]) value.push(lines[index]!);
    outputs[match[1]!] = value.join('\n');
  }
  return outputs;
}

export async function runAction(options: ActionOptions): Promise<ActionRun> {
  const runner = mkdtempSync(path.join(tmpdir(), 'sshlint-runner-'));
  const files = {
    event: path.join(runner, 'event.json'),
    output: path.join(runner, 'output'),
    summary: path.join(runner, 'step_summary'),
    temp: path.join(runner, 'temp'),
  };
  mkdirSync(files.temp);
  writeFileSync(files.event, JSON.stringify(options.payload));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  // The runner's environment, not this process's (no stray GITHUB_* from wherever the tests run).
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? runner,
    ...GIT_ENV,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_REPOSITORY: 'octo-org/infra',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_SHA: options.sha,
    GITHUB_REF: options.eventName.startsWith('pull_request') ? 'refs/pull/7/merge' : 'refs/heads/main',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_GRAPHQL_URL: `${options.apiUrl}/graphql`,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_NUMBER: '17',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'sshlint',
    GITHUB_WORKFLOW: 'sshlint',
    GITHUB_ACTION: '__sshlint',
    GITHUB_ACTOR: 'octocat',
    RUNNER_TEMP: files.temp,
    RUNNER_OS: 'Linux',
  };
  // action.yml defaults, as the runner fills them in.
  const inputs: Record<string, string> = {
    paths: '.',
    config: '',
    'fail-on': 'error',
    'only-changed': 'auto',
    annotations: 'true',
    'check-run': 'auto',
    'sarif-file': '',
    'github-token': 'ghs_test_token',
    ...options.inputs,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;

  const started = performance.now();
  const child = spawn(process.execPath, [options.bundle], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const ms = performance.now() - started;
  const result: ActionRun = {
    status,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(files.output, 'utf8')),
    summary: existsSync(files.summary) ? readFileSync(files.summary, 'utf8') : '',
    ms,
  };
  rmSync(runner, { recursive: true, force: true });
  return result;
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

function unescape(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

/** `::command k=v,…::message` lines, in print order. */
export function workflowCommands(stdout: string, names = ['error', 'warning', 'notice']): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  let stoppedUntil: string | undefined;
  for (const line of stdout.split('\n')) {
    // The runner ignores commands between ::stop-commands::TOKEN and ::TOKEN::.
    if (stoppedUntil !== undefined) {
      if (line === stoppedUntil) stoppedUntil = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) {
      stoppedUntil = `::${stop[1]}::`;
      continue;
    }
    const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match || !names.includes(match[1]!)) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
    }
    commands.push({ command: match[1]!, properties, message: unescape(match[3]!) });
  }
  return commands;
}

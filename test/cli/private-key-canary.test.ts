/**
 * sshlint never prints private key material: real keys in every format (one carrying a unique
 * canary comment) are committed to a repository, which is then scanned by the CLI in every output
 * format (and --debug) and by the bundled Action (log, annotations, step summary, outputs, SARIF
 * file, check-run API requests). No line of any key body, no 20-character piece of it, and not
 * the canary may appear anywhere.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { buildDist } from '../helpers/build-dist.js';
import { githubApi } from '../action/fixture.js';
import { commit, newRepo, runAction, startFakeGitHub, type FakeGitHub } from '../action/harness.js';
import { generatedKeys, hasPuttygen, PUTTYGEN } from '../fixtures/private-keys.js';
import { cli } from './run.js';

const CANARY = `CANARY-${randomBytes(9).toString('hex')}`;
const WINDOW = 20;

/** The canary key: ssh-keygen puts the comment inside the private section; puttygen writes it in the clear. */
function canaryKeys(): { openssh: string; publicLine: string; putty?: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sshlint-canary-'));
  const file = path.join(dir, 'id_ed25519');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', CANARY, '-f', file]);
  const putty = hasPuttygen() ? (execFileSync(PUTTYGEN, [file, '-O', 'private', '-o', `${file}.ppk`]), readFileSync(`${file}.ppk`, 'utf8')) : undefined;
  return { openssh: readFileSync(file, 'utf8'), publicLine: readFileSync(`${file}.pub`, 'utf8').trim(), ...(putty ? { putty } : {}) };
}

/**
 * Everything in a key file but its armour and its public half (PuTTY's Public-Lines, which a .pub
 * file holds too and whose constant blob prefix sshlint's own rule docs show): base64 lines and
 * header values other than the key's type.
 */
function secretLines(keyText: string): string[] {
  const lines = keyText.split('\n').map((line) => line.trim());
  const publicLines = Number(/^Public-Lines: (\d+)$/m.exec(keyText)?.[1] ?? 0);
  const publicStart = lines.findIndex((line) => line.startsWith('Public-Lines: ')) + 1;
  return lines
    .filter((_line, index) => publicLines === 0 || index < publicStart || index >= publicStart + publicLines)
    .filter((line) => line !== '' && !/^-----(BEGIN|END) |^---- (BEGIN|END) |^PuTTY-User-Key-File-|^(Encryption|Proc-Type|Key-Derivation|Argon2-\w+|Public-Lines|Private-Lines): /.test(line))
    .map((line) => line.replace(/^[\w-]+: /, ''));
}

let root: string;
let secrets: string[];
let windows: Set<string>;

beforeAll(() => {
  const canary = canaryKeys();
  const keys = [canary.openssh, ...(canary.putty ? [canary.putty] : []), ...generatedKeys().map((key) => key.text)];
  const files: Record<string, string> = {
    'deploy/authorized_keys': `${canary.publicLine}\n`,
    'ci/deploy.yml': `jobs:\n  deploy:\n    env:\n      KEY: |\n${canary.openssh.trimEnd().split('\n').map((line) => `        ${line}`).join('\n')}\n`,
    'terraform.tfstate': JSON.stringify({ resources: [{ private_key_openssh: canary.openssh }] }),
    'keys/canary.ppk': canary.putty ?? '',
  };
  generatedKeys().forEach((key) => (files[`keys/${key.name}`] = key.text));
  root = newRepo();
  commit(root, files, 'keys');
  secrets = [CANARY, ...keys.flatMap(secretLines)];
  // An OpenSSH key holds its public key in the clear, and may encode it aligned as a .pub does;
  // such pieces are public, and the ones sshlint's own rule docs show (SARIF carries them) are
  // constant SSH structure, not a leak.
  const publicText = [canary.publicLine, ...generatedKeys().flatMap((key) => key.publicLine ?? []), JSON.stringify(RULES.map((rule) => rule.docs))].join('\n');
  const isPublic = (window: string): boolean => publicText.includes(window);
  windows = new Set(secrets.flatMap(windowsOf).filter((window) => !isPublic(window)));
});

function windowsOf(line: string): string[] {
  return Array.from({ length: Math.max(0, line.length - WINDOW + 1) }, (_, i) => line.slice(i, i + WINDOW));
}

/** Fails with the output's name and the leaked text, never printing the whole output. */
function expectNoKeyMaterial(name: string, output: string): void {
  // JSON escapes and wrapped lines must not hide a leak.
  const flat = output.replace(/\\[nr]|\\|\s/g, '');
  for (const secret of secrets) expect(output.includes(secret) || flat.includes(secret), `${name} holds a key line`).toBe(false);
  for (let i = 0; i + WINDOW <= flat.length; i++) {
    if (windows.has(flat.slice(i, i + WINDOW))) expect.fail(`${name} holds 20 characters of a key at offset ${i}`);
  }
}

describe('no key material in any CLI output', () => {
  it.each(['text', 'json', 'sarif', 'github'])('--format %s, with and without --debug', async (format) => {
    for (const debug of [[], ['--debug']]) {
      const run = await cli(['--format', format, ...debug, '.'], root);
      expect(run.code).toBe(1);
      expectNoKeyMaterial(`${format} stdout`, run.stdout);
      expectNoKeyMaterial(`${format} stderr`, run.stderr);
    }
  });

  it('reports every key (so the outputs above were about them)', async () => {
    const run = await cli(['--format', 'json', '.'], root);
    const findings = (JSON.parse(run.stdout) as { findings: { ruleId: string; file: string; message: string }[] }).findings;
    const reported = new Set(findings.filter((f) => f.ruleId === 'SSH600' || f.ruleId === 'SSH601').map((f) => f.file));
    expect([...reported].sort()).toEqual(['ci/deploy.yml', 'terraform.tfstate', ...(hasPuttygen() ? ['keys/canary.ppk'] : []), ...generatedKeys().map((key) => `keys/${key.name}`)].sort());
    expect(findings.find((f) => f.file === 'ci/deploy.yml')?.message).toContain('Matching public key: deploy/authorized_keys:1.');
  });
});

describe('no key material in the Action', () => {
  let api: FakeGitHub;
  let bundle: string;
  beforeAll(async () => {
    bundle = path.join((await buildDist(['dist/index.js'])).dir, 'dist/index.js');
    api = await startFakeGitHub();
    api.route = githubApi({ files: 'ok', checks: 'ok' });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('log, annotations, summary, outputs, SARIF file and check-run requests', async () => {
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const sarifFile = path.join(mkdtempSync(path.join(tmpdir(), 'sshlint-canary-sarif-')), 'out.sarif');
    const run = await runAction({ bundle, workspace: root, eventName: 'push', payload: { ref: 'refs/heads/main', after: sha }, sha, apiUrl: api.url, inputs: { 'sarif-file': sarifFile } });
    expect(run.stdout).toContain('SSH600');
    expectNoKeyMaterial('Action stdout', run.stdout);
    expectNoKeyMaterial('Action stderr', run.stderr);
    expectNoKeyMaterial('step summary', run.summary);
    expectNoKeyMaterial('outputs', JSON.stringify(run.outputs));
    expectNoKeyMaterial('SARIF file', readFileSync(sarifFile, 'utf8'));
    expect(api.requests.length).toBeGreaterThan(0);
    expectNoKeyMaterial('API requests', JSON.stringify(api.requests));
  });
});

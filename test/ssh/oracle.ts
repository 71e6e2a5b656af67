/**
 * The real ssh-keygen as the test oracle. Without it the suites skip, except
 * under CI where they fail loudly: the oracle is the point of these tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeKeyBlob, keyTypeByName } from '../../src/ssh/index.js';

const ENV = { ...process.env, TZ: 'UTC', LC_ALL: 'C', LANG: 'C' };

export const KEYGEN = ['/usr/bin/ssh-keygen', 'ssh-keygen'].find(
  (bin) => spawnSync(bin, ['-?'], { env: ENV }).error === undefined,
);

/** `describe` that needs ssh-keygen: skipped without it, failing under CI. */
export const describeWithKeygen: (name: string, body: () => void) => void = (name, body) => {
  if (KEYGEN) describe(name, body);
  else if (process.env.CI) {
    describe(name, () => {
      it('needs ssh-keygen', () => {
        throw new Error('ssh-keygen (openssh-client) is not installed; CI must provide it for the OpenSSH oracle tests');
      });
    });
  } else describe.skip(`${name} (ssh-keygen not installed)`, body);
};

export function keygen(args: string[], input?: string): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(KEYGEN ?? 'ssh-keygen', args, { env: ENV, encoding: 'utf8', input: input ?? '' });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): { path: string; file: (name: string) => string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'sshlint-ssh-'));
  return { path, file: (name) => join(path, name), remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Generates a key pair; returns the .pub line. */
export function generate(path: string, type: string, bits?: number): string {
  const args = ['-q', '-t', type, '-N', '', '-C', 'test', '-f', path, ...(bits ? ['-b', String(bits)] : [])];
  const r = keygen(args);
  if (r.status !== 0) throw new Error(`ssh-keygen ${args.join(' ')}: ${r.stderr}`);
  return readFileSync(`${path}.pub`, 'utf8').trim();
}

/** Signs `pubPath` with the CA at `caPath`; returns the certificate line. */
export function sign(caPath: string, pubPath: string, args: string[]): string {
  const r = keygen(['-q', '-s', caPath, ...args, pubPath]);
  if (r.status !== 0) throw new Error(`ssh-keygen -s: ${r.stderr}`);
  return readFileSync(pubPath.replace(/\.pub$/, '-cert.pub'), 'utf8').trim();
}

export interface Fingerprint {
  bits: number;
  fingerprint: string;
  shortName: string;
}

/** `ssh-keygen -l` on lines that must all load; one result per line. */
export function fingerprints(lines: string[]): Fingerprint[] {
  const dir = tempDir();
  try {
    writeFileSync(dir.file('keys'), lines.map((l) => `${l}\n`).join(''));
    const out = keygen(['-l', '-f', dir.file('keys')]).stdout.trim().split('\n');
    return out.map((line) => {
      const m = /^(\d+) (SHA256:\S+) .* \(([A-Z0-9-]+)\)$/.exec(line);
      if (!m) throw new Error(`unexpected ssh-keygen -l output: ${line}`);
      return { bits: Number(m[1]), fingerprint: m[2] ?? '', shortName: m[3] ?? '' };
    });
  } finally {
    dir.remove();
  }
}

/** What `ssh-keygen -L` makes of a line: a certificate (with its printout), a plain key, or the error. */
export type Verdict = { kind: 'cert'; text: string } | { kind: 'plain' } | { kind: 'error'; reason: string };

/** Runs `ssh-keygen -L` once over many lines (no line may contain a newline). */
export function verdicts(lines: string[]): Verdict[] {
  const dir = tempDir();
  const file = dir.file('keys');
  try {
    writeFileSync(file, lines.map((l) => `${l}\n`).join(''));
    const { stdout, stderr } = keygen(['-L', '-f', file]);
    const result: (Verdict | undefined)[] = lines.map(() => undefined);
    for (const line of stderr.split(/\r?\n/)) {
      const err = /:(\d+): invalid key: (.*)$/.exec(line);
      const plain = /:(\d+) is not a certificate$/.exec(line);
      if (err) result[Number(err[1]) - 1] = { kind: 'error', reason: err[2] ?? '' };
      if (plain) result[Number(plain[1]) - 1] = { kind: 'plain' };
    }
    let current = -1;
    for (const line of stdout.split('\n')) {
      if (line.startsWith(file)) {
        current = line === `${file}:` ? 0 : Number(line.slice(file.length + 1, -1)) - 1;
        result[current] = { kind: 'cert', text: '' };
      } else if (current >= 0) {
        const v = result[current];
        if (v?.kind === 'cert') v.text += `${line}\n`;
      }
    }
    return result.map((v, i) => {
      if (!v) throw new Error(`ssh-keygen -L said nothing about line ${i + 1}: ${lines[i]}\n${stderr}`);
      return v;
    });
  } finally {
    dir.remove();
  }
}

/**
 * The same verdict from sshlint: sshkey_read's checks on a `TYPE BASE64` line
 * (known label, base64, blob, label matching the blob) on top of decodeKeyBlob.
 */
export function ourVerdict(line: string): { kind: 'cert' | 'plain' } | { kind: 'error'; reason: string } {
  const [label = '', b64 = ''] = line.split(/[ \t]+/);
  const labelType = keyTypeByName(label, '9.2');
  const blob = decodeBase64(b64);
  if (!labelType || !blob) return { kind: 'error', reason: 'invalid format' };
  const result = decodeKeyBlob(blob);
  if (!result.ok) return { kind: 'error', reason: result.error.openssh };
  const blobType = keyTypeByName(result.key.canonicalType);
  if (blobType?.family !== labelType.family || blobType.certificate !== labelType.certificate) {
    return { kind: 'error', reason: 'key type does not match' };
  }
  if (blobType.family === 'ecdsa' && blobType.curve !== labelType.curve) {
    return { kind: 'error', reason: 'elliptic curve does not match' };
  }
  return { kind: result.key.certificate ? 'cert' : 'plain' };
}

/** ssh-keygen's verdict without the certificate printout, for comparing with ourVerdict. */
export function bare(v: Verdict): { kind: 'cert' | 'plain' } | { kind: 'error'; reason: string } {
  return v.kind === 'cert' ? { kind: 'cert' } : v;
}

/** Asserts sshlint and ssh-keygen agree on every line; returns ssh-keygen's verdicts. */
export function expectSameVerdicts(lines: string[]): ReturnType<typeof bare>[] {
  const theirs = verdicts(lines).map(bare);
  const differences = lines.flatMap((line, i) => {
    const ours = ourVerdict(line);
    return JSON.stringify(ours) === JSON.stringify(theirs[i]) ? [] : [{ line: line.slice(0, 120), ours, theirs: theirs[i] }];
  });
  expect(differences.slice(0, 5)).toEqual([]);
  return theirs;
}

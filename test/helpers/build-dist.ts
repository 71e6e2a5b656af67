/**
 * `npm run build`, once per test file, and a private copy of what it made: test files run in
 * parallel and each rebuilds dist/, so nobody may run a file in dist/ while another rewrites it.
 * A directory lock (mkdir is atomic) serializes the builds.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LOCK = path.join(REPO_ROOT, 'node_modules', '.cache', 'sshlint-build.lock');
const STALE_MS = 5 * 60_000;

async function withLock<T>(work: () => T): Promise<T> {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // Released meanwhile.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Runs `npm run build` and copies `files` (relative to the repository, e.g. dist/index.js) into a fresh directory, keeping their paths. */
export async function buildDist(files: string[]): Promise<{ dir: string; buildMs: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sshlint-dist-'));
  return withLock(() => {
    const started = performance.now();
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    const buildMs = performance.now() - started;
    for (const file of files) {
      const target = path.join(dir, file);
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(path.join(REPO_ROOT, file), target);
    }
    return { dir, buildMs };
  });
}

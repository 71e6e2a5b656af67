#!/usr/bin/env node
/**
 * `npm run bench`: sshlint's built CLI against the tools that set the floor, on generated inputs
 * (seeded, cached under the temporary directory). Each comparison alternates the two commands and
 * takes medians. Environment: BENCH_RUNS (default 5), BENCH_SEED (default 1), BENCH_DIR.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { authorizedKeys } from './keys.mjs';
import { GROUPS, generateMonorepo } from './monorepo.mjs';
import { measure, median, sideBySide } from './measure.mjs';
import { seededRandom } from './random.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SEED = Number(process.env.BENCH_SEED ?? 1);
/** Bump when the generators change, so a stale cache is never measured. */
const GENERATOR_VERSION = 2;
const CACHE = process.env.BENCH_DIR ?? path.join(tmpdir(), `sshlint-bench-v${GENERATOR_VERSION}-seed${SEED}`);
const REPO = path.join(CACHE, 'monorepo');
const AUTHORIZED_KEYS = path.join(CACHE, 'large', 'authorized_keys');
const AUTHORIZED_KEYS_COUNT = 100_000;

/** The armour lines sshlint's private-key check looks for, read from the source so the two never differ. */
function privateKeyMarkers() {
  const kinds = readFileSync(path.join(ROOT, 'src', 'discover', 'kinds.ts'), 'utf8').replace(/\/\/.*$/gm, '');
  const lists = [...kinds.matchAll(/_PRIVATE_KEY_MARKERS = \[([^\]]*)\]/g)].map((match) => match[1]);
  const markers = lists.flatMap((list) => [...list.matchAll(/'([^']+)'/g)].map((match) => match[1]));
  if (markers.length === 0) throw new Error('no *_PRIVATE_KEY_MARKERS lists found in src/discover/kinds.ts');
  return markers;
}

const log = (text) => process.stderr.write(`${text}\n`);

function build() {
  log('building dist/cli.js …');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

function prepareInputs() {
  const marker = path.join(CACHE, 'complete.json');
  if (existsSync(marker)) {
    log(`inputs: cached in ${CACHE}`);
    return JSON.parse(readFileSync(marker, 'utf8'));
  }
  rmSync(CACHE, { recursive: true, force: true });
  mkdirSync(path.dirname(AUTHORIZED_KEYS), { recursive: true });
  log(`generating inputs in ${CACHE} (once; a few minutes) …`);
  const random = seededRandom(SEED);
  writeFileSync(AUTHORIZED_KEYS, authorizedKeys(random, AUTHORIZED_KEYS_COUNT));
  const sshPaths = generateMonorepo(REPO, random);
  const inputs = { sshPaths };
  writeFileSync(marker, JSON.stringify(inputs));
  return inputs;
}

const sshlint = (args, cwd = REPO) => ({ command: process.execPath, args: [CLI, '--format', 'json', '--fail-on', 'none', ...args], cwd });

/** One untimed run, for what the table says about the output. */
function describeRun(spec) {
  const result = spawnSync(spec.command, spec.args, { cwd: spec.cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${spec.args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  const output = JSON.parse(result.stdout);
  return `${output.filesScanned} files read, ${output.findings.length} findings`;
}

const trackedFiles = (under) => execFileSync('git', ['ls-files', '-z', '--', under], { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 28 }).split('\0').filter(Boolean);

const rows = [];
const runLog = [];
const ms = (value) => `${value.toFixed(0)} ms`;
const mb = (value) => (Number.isNaN(value) ? 'n/a' : `${value.toFixed(0)} MB`);

function compare(name, target, ours, theirs, theirName) {
  const results = sideBySide(ours, theirs, RUNS, CACHE);
  const a = median(results.a.map((r) => r.ms));
  const b = median(results.b.map((r) => r.ms));
  const ratio = a / b;
  rows.push({
    measure: name,
    sshlint: `${ms(a)}, ${mb(median(results.a.map((r) => r.rssMb)))}`,
    baseline: `${theirName} ${ms(b)}`,
    ratio: `${ratio.toFixed(2)}×`,
    target,
    met: ratio <= Number(target.replace(/[^\d.]/g, '')) ? 'yes' : 'NO',
  });
  runLog.push(`${name}: sshlint ${results.a.map((r) => r.ms.toFixed(0)).join(', ')} ms; ${theirName} ${results.b.map((r) => r.ms.toFixed(0)).join(', ')} ms`);
  return results;
}

function printTable() {
  const headers = ['measure', 'sshlint (median, peak RSS)', 'baseline (median)', 'ratio', 'target', 'met'];
  const table = [headers, ...rows.map((row) => [row.measure, row.sshlint, row.baseline, row.ratio, row.target, row.met])];
  const widths = headers.map((_, column) => Math.max(...table.map((line) => line[column].length)));
  const format = (line) => `| ${line.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  console.log(format(headers));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const line of table.slice(1)) console.log(format(line));
}

build();
const { sshPaths } = prepareInputs();
log(`measuring, ${RUNS} alternating runs each …`);

// 1. The whole repository against git grep for private-key markers over the same tracked files.
const grep = { command: 'git', args: ['grep', '-l', '-I', '-F', ...privateKeyMarkers().flatMap((marker) => ['-e', marker])], cwd: REPO };
const whole = compare('whole repository (100k tracked files)', '≤ 1.5×', sshlint(['.']), grep, 'git grep');
runLog.push(`  sshlint .: ${describeRun(sshlint(['.']))}; tracked files: ${trackedFiles('.').length}`);

// 2. 100,000 keys against ssh-keygen -l.
compare('authorized_keys, 100,000 keys', '≤ 0.1×', sshlint([AUTHORIZED_KEYS]), { command: 'ssh-keygen', args: ['-l', '-f', AUTHORIZED_KEYS], cwd: CACHE }, 'ssh-keygen -l');
runLog.push(`  sshlint authorized_keys: ${describeRun(sshlint([AUTHORIZED_KEYS]))}`);

// 3. A pre-commit hook's run: a few staged files, against starting Node at all.
const source = trackedFiles('packages/group-0').filter((file) => !sshPaths.includes(file));
const staged = [...sshPaths.filter((file) => /authorized_keys|sshd_config$|\.pub$/.test(file)).slice(0, 3), ...source.slice(0, 2)];
compare('pre-commit, 5 files', '≤ 2×', sshlint(staged), { command: process.execPath, args: ['-e', '0'], cwd: REPO }, 'node -e 0');

// 4. Peak memory as the repository grows: one group of 25,000 files, then two, …
const memoryRuns = [];
for (let groups = 1; groups <= GROUPS; groups++) {
  const paths = Array.from({ length: groups }, (_, group) => `packages/group-${group}`);
  const runs = Array.from({ length: Math.max(1, Math.ceil(RUNS / 2)) }, () => measure(sshlint(paths), CACHE));
  memoryRuns.push({ files: groups * 25_000, rssMb: median(runs.map((r) => r.rssMb)), ms: median(runs.map((r) => r.ms)) });
}
const peak = median(whole.a.map((r) => r.rssMb));
const growth = (memoryRuns.at(-1).rssMb - memoryRuns[0].rssMb) / ((memoryRuns.at(-1).files - memoryRuns[0].files) / 1000);
rows.push({
  measure: 'peak memory, whole repository',
  sshlint: mb(peak),
  baseline: memoryRuns.map((r) => `${r.files / 1000}k: ${mb(r.rssMb)}`).join(', '),
  ratio: `+${growth.toFixed(2)} MB/1k files`,
  target: '≤ 300 MB',
  met: peak <= 300 ? 'yes' : 'NO',
});
runLog.push(`memory by size: ${memoryRuns.map((r) => `${r.files} files ${mb(r.rssMb)} ${ms(r.ms)}`).join('; ')}`);

// 5. Pull-request mode: the changed files only, at 10, 100 and 1,000 of them.
const allTracked = trackedFiles('.');
const changedRuns = [10, 100, 1000].map((count) => {
  const random = seededRandom(SEED + count);
  const changed = [...sshPaths.slice(0, count / 10)];
  while (changed.length < count) changed.push(random.pick(allTracked));
  const runs = Array.from({ length: RUNS }, () => measure(sshlint([...new Set(changed)]), CACHE));
  return { count, ms: median(runs.map((r) => r.ms)), all: runs.map((r) => r.ms) };
});
const wholeMs = median(whole.a.map((r) => r.ms));
rows.push({
  measure: 'pull request: changed files only',
  sshlint: changedRuns.map((r) => `${r.count}: ${ms(r.ms)}`).join(', '),
  baseline: `whole repository ${ms(wholeMs)}`,
  ratio: `${(changedRuns.at(-1).ms / wholeMs).toFixed(2)}× at 1,000`,
  target: 'grows with changes',
  met: changedRuns[0].ms < changedRuns.at(-1).ms && changedRuns.at(-1).ms < wholeMs ? 'yes' : 'NO',
});
runLog.push(`pull request: ${changedRuns.map((r) => `${r.count} files ${r.all.map((v) => v.toFixed(0)).join(', ')} ms`).join('; ')}`);

console.log(`sshlint benchmark — node ${process.version}, ${RUNS} runs, seed ${SEED}, inputs in ${CACHE}\n`);
printTable();
console.log('\nEach run:');
for (const line of runLog) console.log(`  ${line}`);

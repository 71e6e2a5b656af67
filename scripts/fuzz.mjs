// `npm run fuzz [-- RUNS]`: the property-based fuzz suite (test/robustness/fuzz.test.ts) with many
// inputs per property (default 20,000; the normal test run uses 200), then how many ran.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const runs = Number(process.argv[2] ?? process.env.FUZZ_RUNS ?? 20_000);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`usage: npm run fuzz -- RUNS (got ${process.argv[2]})`);
const report = path.join(mkdtempSync(path.join(tmpdir(), 'sshlint-fuzz-')), 'counts.json');
const vitest = spawnSync('npx', ['vitest', 'run', 'test/robustness/fuzz.test.ts', '--testTimeout=0'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_REPORT: report },
});
try {
  const counts = JSON.parse(readFileSync(report, 'utf8'));
  console.log('\nInputs run per property:');
  for (const [name, count] of Object.entries(counts)) console.log(`  ${name}: ${count}`);
  console.log(`  total: ${Object.values(counts).reduce((sum, n) => sum + n, 0)}`);
} catch {
  console.log('(no input counts: the run stopped before the end)');
}
process.exitCode = vitest.status ?? 1;

/** Runs a command and reports its wall time and peak resident memory (GNU time's %M). */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME);

export function measure({ command, args, cwd }, scratch) {
  const rssFile = path.join(scratch, 'rss.txt');
  rmSync(rssFile, { force: true });
  const [file, argv] = hasGnuTime ? [GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  const start = process.hrtime.bigint();
  const result = spawnSync(file, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw result.error;
  const rssKb = hasGnuTime && existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) : NaN;
  return { ms, rssMb: rssKb / 1024, status: result.status };
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Both commands `runs` times, alternating which goes first, so load on the machine hits both alike. */
export function sideBySide(a, b, runs, scratch) {
  const results = { a: [], b: [] };
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? ['a', 'b'] : ['b', 'a'];
    for (const which of order) results[which].push(measure(which === 'a' ? a : b, scratch));
  }
  return results;
}

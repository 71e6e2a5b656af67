/**
 * Runs synchronous code with a hang guard: a runaway loop or regular expression is stopped (V8
 * terminates it, even inside a regex) and reported, instead of freezing the test run. The limit
 * is generous; it only tells a hang from work, it measures nothing.
 */
import vm from 'node:vm';

export const HANG_GUARD_MS = 20_000;

export function withoutHanging<T>(work: () => T, limitMs = HANG_GUARD_MS): T {
  return vm.runInNewContext('work()', { work }, { timeout: limitMs }) as T;
}

/**
 * Runs synchronous code with a hang guard: a runaway loop or regular expression is stopped (V8
 * terminates it, even inside a regex) and reported, instead of freezing the test run. The limit
 * is generous; it only tells a hang from work, it measures nothing.
 */
import vm from 'node:vm';

export const HANG_GUARD_MS = 20_000;

const context = vm.createContext({ work: undefined as (() => unknown) | undefined });
const call = new vm.Script('work()');

export function withoutHanging<T>(work: () => T, limitMs = HANG_GUARD_MS): T {
  context.work = work;
  return call.runInContext(context, { timeout: limitMs }) as T;
}

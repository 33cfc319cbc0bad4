/**
 * The time the pipeline writes into runs, steps, versions, aliases, scores, drift and performance. Normally
 * the wall clock; a replay (the demo workspace's year) runs its work inside `atSimulatedTime`, so every
 * record made by that work carries the simulated date while real durations still show. A scope rather
 * than a parameter: a run's timestamps are written deep inside every step, and threading a date through
 * each signature would touch every caller for the sake of one.
 */
import { AsyncLocalStorage } from "node:async_hooks";

const simulated = new AsyncLocalStorage<() => Date>();

/** The current time: the simulated one inside `atSimulatedTime`, the wall clock elsewhere. */
export function now(): Date {
  return simulated.getStore()?.() ?? new Date();
}

/** Runs `work` with a clock that starts at `start` and advances with real time. */
export function atSimulatedTime<T>(start: Date, work: () => T): T {
  const realStart = Date.now();
  return simulated.run(() => new Date(start.getTime() + (Date.now() - realStart)), work);
}

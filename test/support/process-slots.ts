// At most two child processes at a time from one test worker: the CI machine has two cores,
// and oracle suites start clang for many inputs at once.
const MAX_RUNNING = 2;
let running = 0;
const waiting: (() => void)[] = [];

export async function inProcessSlot<T>(job: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await job();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

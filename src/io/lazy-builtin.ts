// Node built-in modules loaded on first use. Loading child_process or crypto costs a run
// several milliseconds each, before it has done anything; synchronous code that needs one only
// on a path many runs never take (rustfmt, the cache) gets it from here instead of importing
// it at the top of its module. (Asynchronous code can simply `await import("node:...")`.)
import { createRequire } from "node:module";

const requireBuiltin = createRequire(import.meta.url);

/** A getter for the built-in module `name` ("node:crypto"), which loads it on the first call. */
export function lazyBuiltin<T>(name: `node:${string}`): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireBuiltin(name) as T);
}

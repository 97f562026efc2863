// For code inside a bundle: writes this thread's code caches, if its loader wants them
// written (saveCodeCaches in bundle-loader.cts), once the thread's work has succeeded. A no-op when the code was
// not loaded through the loader (run from the TypeScript sources, or in tests).
export function saveCodeCache(): void {
  const save = (globalThis as Record<symbol, unknown>)[Symbol.for("kpi-bindgen.saveCodeCache")];
  if (typeof save === "function") save();
}

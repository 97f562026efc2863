// The file a generate worker thread starts with: loads its bundle (workerData.bundle) with
// the code cache. The bundle calls saveCodeCache() (code-cache.ts) once its job succeeded.
import { workerData } from "node:worker_threads";
import { loadBundle } from "./bundle-loader.cjs";

const { bundle } = workerData as { bundle: string };
const loaded = loadBundle(bundle, "worker");
(globalThis as Record<symbol, unknown>)[Symbol.for("kpi-bindgen.saveCodeCache")] = () =>
  loaded.saveCodeCache();

// The file a generate worker thread starts with: loads its bundle (workerData.bundle) with
// the code cache. The bundle calls saveCodeCache() (code-cache.ts) once its job succeeded.
import { workerData } from "node:worker_threads";
import { loadBundle } from "./bundle-loader.cjs";

loadBundle((workerData as { bundle: string }).bundle, "worker");

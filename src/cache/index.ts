// A content-addressed cache of per-target results: keyed by the tool's identity and every
// input's content, checked against the files a result was computed from, verified on read.
export { digest, fileDigest } from "./digest.js";
export {
  dependenciesDigest,
  dependenciesUnchanged,
  fileStamp,
  recordDependencies,
  refreshDependencies,
  type Dependency,
} from "./dependencies.js";
export { CacheStore, type CacheLookup } from "./store.js";
export { defaultCacheDirectory } from "./location.js";
export { recordedBuildId, toolIdentity } from "./tool-identity.js";

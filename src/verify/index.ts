// The verify stage: our layouts against a C compiler's, one probe per configuration.
export { verifyLayouts, probeText, type VerifyRequest, type VerifyReport } from "./verify.js";
export { formatVerifyReport, describeMismatch, verifyPassed } from "./format-report.js";
export { parseRecordDump, type DumpedRecord, type DumpedMember } from "./record-dump.js";
export { parseProbeDiagnostics } from "./compiler-diagnostics.js";
export { buildProbe, recordSpellings, CHECK_TAG, PROBE_FILE, type ProbeCheck } from "./probe.js";
export { compareWithDump, DumpIndex, type Mismatch } from "./compare.js";
export { compileProbe } from "./run-compiler.js";
export {
  loadCSource,
  parseForLayout,
  preprocessedText,
  type CSource,
  type CSourceRequest,
} from "./c-source.js";
export {
  openConfiguration,
  type Configuration,
  type ConfigurationRequest,
} from "./configuration.js";

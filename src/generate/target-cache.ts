// Per-target results in the content-addressed cache. A target's key holds everything known
// before running it (tool identity, tree, target, mode, configuration name, flags, wrapper
// and item selection); its manifest lists the files the last run read, with their digests.
// A result is reused only when all of them still have those contents, so a changed header
// invalidates exactly the targets that read it.
import { resolve } from "node:path";
import {
  CacheStore,
  dependenciesDigest,
  dependenciesUnchanged,
  digest,
  recordDependencies,
  toolIdentity,
  type Dependency,
} from "../cache/index.js";
import type { TargetJob, TargetOutput } from "./target-build.js";

interface Manifest {
  dependencies: Dependency[];
}

export type TargetCacheEvent =
  | { kind: "hit"; target: string }
  | { kind: "miss"; target: string }
  | { kind: "corrupt"; target: string; path: string };

export class TargetCache {
  constructor(
    private readonly entries: CacheStore,
    /** The text of the wrapper header, which the job names by a path only. */
    private readonly wrapperText: string,
  ) {}

  private keyOf(job: TargetJob): string {
    return digest(
      toolIdentity(),
      JSON.stringify({
        sysDir: resolve(job.sysDir),
        target: job.target,
        mode: job.mode,
        kernconf: job.kernconf ?? null,
        header: job.header,
        user: job.user ?? null,
        includeRoots: job.includeRoots ?? null,
        patterns: job.patterns,
        format: job.format,
        rustfmt: job.format !== "none" ? (process.env.RUSTFMT ?? "rustfmt") : null,
      }),
      this.wrapperText,
    );
  }

  /** The stored output for `job` when every file it was computed from is unchanged. */
  lookup(job: TargetJob, report: (e: TargetCacheEvent) => void): TargetOutput | undefined {
    const key = this.keyOf(job);
    const manifest = this.entries.get<Manifest>("manifest", key);
    if (manifest.status === "corrupt")
      report({ kind: "corrupt", target: job.target, path: manifest.path });
    if (manifest.status !== "hit" || !dependenciesUnchanged(manifest.value.dependencies)) {
      report({ kind: "miss", target: job.target });
      return undefined;
    }
    const resultKey = digest(key, dependenciesDigest(manifest.value.dependencies));
    const result = this.entries.get<TargetOutput>("target", resultKey);
    if (result.status === "corrupt")
      report({ kind: "corrupt", target: job.target, path: result.path });
    if (result.status !== "hit") {
      report({ kind: "miss", target: job.target });
      return undefined;
    }
    report({ kind: "hit", target: job.target });
    return result.value;
  }

  store(job: TargetJob, output: TargetOutput): void {
    const key = this.keyOf(job);
    const dependencies = recordDependencies(output.dependencies);
    // The result first: a manifest must never point at a result that is not there.
    this.entries.put("target", digest(key, dependenciesDigest(dependencies)), output);
    this.entries.put("manifest", key, { dependencies } satisfies Manifest);
  }
}

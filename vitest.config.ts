import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

// Every run gets its own generate cache, so no test reads results left by an earlier run
// or touches the user's ~/.cache (test/support/cache-directory.ts removes it afterwards).
const cacheDir = join(tmpdir(), `kpi-bindgen-test-cache-${process.pid}`);
process.env.KPI_BINDGEN_CACHE_DIR = cacheDir;

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Oracle suites spawn clang many times; two workers match the 2-core CI machine.
    maxWorkers: 2,
    minWorkers: 1,
    reporters: ["default"],
    env: { KPI_BINDGEN_CACHE_DIR: cacheDir },
    globalSetup: ["test/support/cache-directory.ts"],
    setupFiles: ["test/support/event-loop-turn.ts"],
  },
});

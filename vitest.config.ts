import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Oracle suites spawn clang many times; two workers match the 2-core CI machine.
    maxWorkers: 2,
    minWorkers: 1,
    reporters: ["default"],
  },
});

// vitest global setup: removes the run's generate cache (vitest.config.ts names it) at the end.
import { rmSync } from "node:fs";

export default function setup(): () => void {
  const dir = process.env.KPI_BINDGEN_CACHE_DIR;
  return () => {
    if (dir && dir.includes("kpi-bindgen-test-cache-"))
      rmSync(dir, { recursive: true, force: true });
  };
}

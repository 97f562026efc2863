// Where the cache lives unless --cache-dir says otherwise: $KPI_BINDGEN_CACHE_DIR, else
// $XDG_CACHE_HOME/kpi-bindgen, else ~/.cache/kpi-bindgen, where command-line tools on FreeBSD
// and Linux keep theirs.
import { homedir } from "node:os";
import { join, resolve } from "node:path";

export function defaultCacheDirectory(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KPI_BINDGEN_CACHE_DIR) return resolve(env.KPI_BINDGEN_CACHE_DIR);
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && xdg.startsWith("/")) return join(xdg, "kpi-bindgen");
  return join(env.HOME ? resolve(env.HOME) : homedir(), ".cache", "kpi-bindgen");
}

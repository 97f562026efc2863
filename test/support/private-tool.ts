// A private copy of the built tool for suites that change its build id or its caches, or
// that must not see another suite rebuild the shared dist/ under them.
import { copyFileSync, cpSync, existsSync, mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./environment.js";

/**
 * Copies the launcher, dist/ and package.json into `dir`; node_modules and the native
 * addon's build/ are linked, not copied. Returns the launcher's path.
 */
export function copyBuiltTool(dir: string): string {
  mkdirSync(join(dir, "bin"), { recursive: true });
  for (const f of ["kpi-bindgen", "kpi-bindgen.cjs"]) {
    copyFileSync(join(repoRoot, "bin", f), join(dir, "bin", f));
  }
  cpSync(join(repoRoot, "dist"), join(dir, "dist"), { recursive: true });
  copyFileSync(join(repoRoot, "package.json"), join(dir, "package.json"));
  symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"));
  if (existsSync(join(repoRoot, "build"))) symlinkSync(join(repoRoot, "build"), join(dir, "build"));
  return join(dir, "bin", "kpi-bindgen");
}

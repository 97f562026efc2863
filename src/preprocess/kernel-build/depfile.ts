// Make-style dependency files (`out: dep1 dep2 ...`), so a build system reruns the tool when
// any header the translation unit read changes.

/** Escapes a path for a make rule: spaces and `#` with a backslash, `$` doubled. */
export function escapeMakePath(path: string): string {
  return path.replace(/([ #])/g, "\\$1").replace(/\$/g, "$$$$");
}

/** One rule, on one line: the target, then every dependency once, in the order first read. */
export function formatDepfile(target: string, dependencies: readonly string[]): string {
  const seen = new Set<string>();
  const deps: string[] = [];
  for (const dep of dependencies) {
    if (seen.has(dep)) continue;
    seen.add(dep);
    deps.push(escapeMakePath(dep));
  }
  return `${escapeMakePath(target)}:${deps.map((d) => " " + d).join("")}\n`;
}

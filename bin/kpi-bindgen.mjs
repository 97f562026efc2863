#!/usr/bin/env -S node --max-semi-space-size=8 --no-opt
// Node's flags: a run lasts about a second per target, too short for V8's optimising
// compiler to pay back what it costs on background threads. Without it a one-arch generate
// takes a third less CPU in the same wall time, and several arches on worker threads, which
// compete with those threads for the cores, finish about 15% sooner. The smaller young
// generation (16 MiB per semi-space by default) keeps peak memory about 12 MiB lower.
// Thin launcher: the compiled CLI lives in dist/bundle/ (built by `npm ci` through the prepare
// script; bundled so that starting does not resolve and load two hundred modules).
// A `generate` identical to an earlier cached one is replayed before the CLI is loaded at all
// (dist/bundle/replay.js), which is most of what a regenerate with nothing changed costs.
const argv = process.argv.slice(2);
const fail = (err) => {
  process.stderr.write(
    "kpi-bindgen: cannot load the compiled CLI (" + err.message + "); run 'npm run build'.\n",
  );
  process.exit(70);
};
const runCli = () =>
  import("../dist/bundle/main.js").then(
    (cli) => cli.main(argv).then((code) => process.exit(code)),
    fail,
  );
if (argv[0] === "generate") {
  import("../dist/bundle/replay.js").then((replay) => {
    const code = replay.replayGenerate(argv);
    return code === undefined ? runCli() : process.exit(code);
  }, fail);
} else {
  runCli();
}

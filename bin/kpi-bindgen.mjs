#!/usr/bin/env -S node --max-semi-space-size=8 --no-opt
// The Node half of the launcher, started by bin/kpi-bindgen with the Node flags explained
// there (the #! line above repeats them for running this file directly).
// The compiled CLI lives in dist/bundle/ (built by `npm ci` through the prepare script;
// bundled so that starting does not resolve and load two hundred modules).
// A `generate` identical to an earlier cached one that bin/kpi-bindgen could not replay by
// itself is replayed here before the CLI is loaded at all (dist/bundle/replay.js), deciding
// by content where the file stamps changed.
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

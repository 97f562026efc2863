#!/usr/bin/env -S node --max-semi-space-size=8 --no-opt
// The Node half of the launcher, started by bin/kpi-bindgen with the Node flags explained
// there (the #! line above repeats them for running this file directly).
// The compiled CLI lives in dist/bundle/ (built by `npm ci` through the prepare script;
// bundled so that starting does not resolve and load two hundred modules), and is loaded
// with V8's code cache (dist/launch/bundle-loader.cjs).
// A `generate` identical to an earlier cached one that bin/kpi-bindgen could not replay by
// itself is replayed here before the CLI is loaded at all (dist/bundle/replay.cjs), deciding
// by content where the file stamps changed.
"use strict";
const argv = process.argv.slice(2);
const fail = (err) => {
  process.stderr.write(
    "kpi-bindgen: cannot load the compiled CLI (" + err.message + "); run 'npm run build'.\n",
  );
  process.exit(70);
};
let loader;
try {
  loader = require("../dist/launch/bundle-loader.cjs");
} catch (err) {
  fail(err);
}
// Each command keeps its own code cache: one run of --version would cache none of generate.
const purpose = /^[a-z][a-z-]*$/.test(argv[0] || "") ? argv[0] : "cli";
const load = (name) => {
  try {
    return loader.loadBundle(name, purpose);
  } catch (err) {
    return fail(err);
  }
};
const finish = (code) => {
  if (code === 0) loader.saveCodeCaches();
  process.exit(code);
};
const code = argv[0] === "generate" ? load("replay").replayGenerate(argv) : undefined;
if (code === undefined) load("main").main(argv).then(finish);
else finish(code);

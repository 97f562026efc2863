// `npm run bench`: every benchmark, measured in one run beside its peer on this machine,
// printed as times and ratios. Benchmarks measure and print; they never pass or fail.
import { benchDiff } from "./diff.js";
import { benchGenerate } from "./generate.js";
import { formatBenchReport, runPreprocessBench } from "./preprocess.js";

interface Benchmark {
  name: string;
  run(): Promise<string>;
}

const benchmarks: Benchmark[] = [
  { name: "preprocess", run: async () => formatBenchReport(await runPreprocessBench()) },
  { name: "generate", run: benchGenerate },
  { name: "diff", run: benchDiff },
];

async function main(only: string[]): Promise<number> {
  let failures = 0;
  for (const bench of benchmarks) {
    if (only.length > 0 && !only.includes(bench.name)) continue;
    try {
      process.stdout.write((await bench.run()) + "\n\n");
    } catch (e) {
      failures++;
      process.stderr.write(`bench ${bench.name}: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
  return failures === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => process.exit(code));

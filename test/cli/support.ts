// Running the CLI inside the test process, with stderr faked as a terminal or a pipe.
import { vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { errorFormatIn } from "../../src/cli/session.js";

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process with stderr as a terminal or not; stdout is captured. */
export async function runInProcess(
  argv: string[],
  terminal = false,
  env: Record<string, string | undefined> = {},
): Promise<InProcessRun> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  try {
    const code = await main(argv, {
      errorFormat: errorFormatIn(argv),
      terminal,
      columns: 100,
      env,
      write: (text) => (stderr += text),
    });
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

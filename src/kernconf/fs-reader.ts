// The TextReader backed by the real file system (the stage's only file input).
import { readFileSync, statSync } from "node:fs";
import type { TextReader } from "./paths.js";

export const fileSystemReader: TextReader = {
  read(path: string): string | undefined {
    try {
      if (!statSync(path).isFile()) return undefined;
      return readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
  },
};

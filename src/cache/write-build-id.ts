// Run by `npm run build` after tsc: records the digest of the compiled code in dist/, so a
// run reads one small file instead of hashing the whole tool to key its cache.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { BUILD_ID_FILE, codeRoot, computeBuildId } from "./tool-identity.js";

writeFileSync(join(codeRoot, BUILD_ID_FILE), computeBuildId(codeRoot) + "\n");

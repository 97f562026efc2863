// vitest setup file: one event-loop turn after every test. Many oracle tests block their
// worker synchronously (spawnSync of clang, cargo, rustfmt) and vitest awaits only promises
// between tests, so a file of such tests could go minutes without processing a message;
// vitest's worker RPC then times out after 60 s ('Timeout calling "onTaskUpdate"') even
// though every test passed. A setImmediate lets the replies in.
import { afterEach } from "vitest";

afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));

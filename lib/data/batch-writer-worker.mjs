// Entry of the import's writer thread (lib/data/batch-writer.ts). A worker thread does not inherit the
// TypeScript loader, so it registers tsx, as the run processes do, before loading the writer itself.
import { register } from "tsx/esm/api";

register();
await import("./batch-writer-thread.ts");

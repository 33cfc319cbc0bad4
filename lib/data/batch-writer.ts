/**
 * The parsing side of an import's writer thread (./batch-writer-thread.ts): rows are sent in blocks as
 * they are parsed, and the thread stores them inside the import's one transaction on its own connection.
 * Node's worker_threads rather than a child process: the rows cross as structured clones, with no
 * serialising, and a kill of the process (or a crash point in the thread) takes the open transaction
 * with it, so a batch is still either fully imported or absent.
 */
import { Worker } from "node:worker_threads";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export type WriterRequest =
  | { kind: "begin"; dataset: string; asOf: number; source: string; sourceDetail: string; createdAt: number }
  | { kind: "rows"; rowNumbers: number[]; entityIds: (string | null)[]; cells: string[] }
  | { kind: "finish"; batch: StoredBatch; idFromCells: number | null }
  | { kind: "abort" };

export type WriterReply = { kind: "begun"; datasetId: number; batchId: number } | { kind: "committed" } | { kind: "aborted" } | { kind: "failed"; message: string };

/** The batch row's final columns, JSON already encoded. */
export interface StoredBatch {
  rowCount: number;
  sourceBytes: number;
  columns: string;
  profile: string;
  warnings: string;
  targetColumn: string | null;
  positiveValue: string | null;
  idColumn: string | null;
}

/**
 * The thread's entry file, which loads the project's own source through tsx at run time, as run processes
 * do. Run from source (the CLI, tests), this module knows its own folder, whatever the working directory;
 * in the server's build it does not, and the server runs from the project root (turbopackIgnore: a
 * runtime path, not a module for the bundle).
 */
function writerEntry(): string {
  const fromSource = import.meta.url.startsWith("file:") && import.meta.url.endsWith(".ts");
  const folder = fromSource ? dirname(fileURLToPath(import.meta.url)) : join(/*turbopackIgnore: true*/ process.cwd(), "lib", "data");
  return join(/*turbopackIgnore: true*/ folder, "batch-writer-worker.mjs");
}

/** Rows per message: large enough that posting costs nothing per row, small enough to keep both threads busy. */
const BLOCK_ROWS = 2_000;

export class BatchWriter {
  private readonly worker: Worker;
  private readonly replies: WriterReply[] = [];
  private waiting: ((reply: WriterReply) => void) | null = null;
  private threadError: Error | null = null;
  private block: { rowNumbers: number[]; entityIds: (string | null)[]; cells: string[] } = { rowNumbers: [], entityIds: [], cells: [] };

  constructor(databasePath: string) {
    this.worker = new Worker(writerEntry(), { workerData: { path: databasePath } });
    this.worker.on("message", (reply: WriterReply) => this.deliver(reply));
    this.worker.on("error", (error) => {
      this.threadError = error;
      this.deliver({ kind: "failed", message: error.message });
    });
    // Ending before a reply (it only ends by itself after committing or rolling back) must not leave a wait hanging.
    this.worker.on("exit", (code) => this.deliver({ kind: "failed", message: `the writer thread ended (exit code ${code})` }));
  }

  async begin(request: Omit<Extract<WriterRequest, { kind: "begin" }>, "kind">): Promise<{ datasetId: number; batchId: number }> {
    this.worker.postMessage({ kind: "begin", ...request } satisfies WriterRequest);
    const reply = await this.next();
    if (reply.kind !== "begun") throw this.failure(reply);
    return reply;
  }

  /** Queues one row; a full block goes to the thread. */
  write(rowNumber: number, entityId: string | null, cells: string): void {
    this.block.rowNumbers.push(rowNumber);
    this.block.entityIds.push(entityId);
    this.block.cells.push(cells);
    if (this.block.rowNumbers.length === BLOCK_ROWS) this.flush();
  }

  /** Stores the batch row's final columns and commits; rejects, with nothing stored, when any write failed. */
  async commit(batch: StoredBatch, idFromCells: number | null): Promise<void> {
    this.flush();
    this.worker.postMessage({ kind: "finish", batch, idFromCells } satisfies WriterRequest);
    const reply = await this.next();
    if (reply.kind !== "committed") throw this.failure(reply);
  }

  /** Rolls back whatever was written and ends the thread. */
  async abort(): Promise<void> {
    if (this.threadError) return void (await this.worker.terminate());
    this.worker.postMessage({ kind: "abort" } satisfies WriterRequest);
    await this.next();
  }

  private flush(): void {
    if (this.block.rowNumbers.length === 0) return;
    this.worker.postMessage({ kind: "rows", ...this.block } satisfies WriterRequest);
    this.block = { rowNumbers: [], entityIds: [], cells: [] };
  }

  private deliver(reply: WriterReply): void {
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve(reply);
    } else this.replies.push(reply);
  }

  private next(): Promise<WriterReply> {
    const queued = this.replies.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  private failure(reply: WriterReply): Error {
    return this.threadError ?? new Error(`Storing the batch failed: ${reply.kind === "failed" ? reply.message : reply.kind}`);
  }
}

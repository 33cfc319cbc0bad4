/**
 * Reading a CSV file as a stream of records with papaparse. The first 64 KiB are sniffed first to refuse
 * binary and UTF-16 files and to pick the delimiter; the rest is decoded as strict UTF-8, so a byte that is
 * not UTF-8 is an error instead of a silent U+FFFD in the data.
 */
import { closeSync, createReadStream, existsSync, openSync, readSync, statSync } from "node:fs";
import { Transform } from "node:stream";
import Papa from "papaparse";
import { AppError } from "@/lib/errors";

export const DELIMITERS = [",", ";", "\t"] as const;
const SNIFF_BYTES = 64 * 1024;

export interface CsvFile {
  path: string;
  /** Name used in messages (the uploaded file's name, not a temporary path). */
  label: string;
  bytes: number;
  delimiter: string;
}

/** Checks the start of the file and picks the delimiter (or validates the one given). */
export function openCsv(path: string, label: string, delimiterOption?: string): CsvFile {
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new AppError("file_not_found", `${label}: no such file.`, { file: label }, 404);
  }
  const bytes = statSync(path).size;
  if (bytes === 0) throw new AppError("empty_file", `${label} is empty.`, { file: label });
  const head = readHead(path);
  refuseBinary(head, label);
  const text = decodeHead(head, label);
  if (text.trim() === "") throw new AppError("empty_file", `${label} holds only blank lines.`, { file: label });
  const delimiter = delimiterOption === undefined ? guessDelimiter(text) : checkDelimiter(delimiterOption);
  return { path, label, bytes, delimiter };
}

function readHead(path: string): Buffer {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const read = readSync(fd, buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function refuseBinary(head: Buffer, label: string): void {
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (utf16) {
    throw new AppError("unsupported_encoding", `${label} is UTF-16 encoded; save it as UTF-8 CSV and upload it again.`, { file: label });
  }
  let control = 0;
  for (const byte of head) {
    if (byte === 0) throw new AppError("binary_file", `${label} is not a text file (it contains NUL bytes).`, { file: label });
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  if (control > head.length * 0.05) {
    throw new AppError("binary_file", `${label} does not look like a CSV text file (${control} control bytes at its start).`, { file: label });
  }
}

function decodeHead(head: Buffer, label: string): string {
  try {
    // stream: true tolerates a multi-byte character cut at the end of the sample.
    return new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
  } catch {
    throw invalidUtf8(label);
  }
}

function invalidUtf8(label: string): AppError {
  return new AppError(
    "invalid_encoding",
    `${label} is not valid UTF-8 (it may be Latin-1 or Windows-1252); save it as UTF-8 CSV and upload it again.`,
    { file: label },
  );
}

function guessDelimiter(text: string): string {
  const preview = Papa.parse<string[]>(text, { preview: 20, delimitersToGuess: [...DELIMITERS], skipEmptyLines: true });
  return preview.meta.delimiter || ",";
}

function checkDelimiter(delimiter: string): string {
  const named: Record<string, string> = { tab: "\t", "\\t": "\t", comma: ",", semicolon: ";" };
  const resolved = named[delimiter] ?? delimiter;
  if (!(DELIMITERS as readonly string[]).includes(resolved)) {
    throw new AppError("bad_delimiter", `Delimiter "${delimiter}" is not supported; use ",", ";" or tab.`);
  }
  return resolved;
}

export interface StreamHandlers {
  /**
   * Called with each parsed chunk of records, in file order; may throw an AppError to stop the stream.
   * Chunks rather than single records, so the caller can work column by column.
   */
  onRecords: (records: string[][]) => void;
  onProgress?: (bytesRead: number) => void;
}

/** Streams every record of the file (the header included) through the handlers. */
export function streamCsv(file: CsvFile, handlers: StreamHandlers): Promise<void> {
  return new Promise((resolve, reject) => {
    let failure: unknown = null;
    let bytesRead = 0;
    let records = 0;
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const decode = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytesRead += chunk.length;
        try {
          done(null, decoder.decode(chunk, { stream: true }));
        } catch {
          done(invalidUtf8(file.label));
        }
      },
      flush(done) {
        try {
          done(null, decoder.decode());
        } catch {
          done(invalidUtf8(file.label));
        }
      },
    });
    // 64 KiB reads: each parsed chunk's cell strings then die young, in the garbage collector's cheap
    // generation. With 1 MiB reads they outlived it and a million-row file took a fifth longer (4.2 s
    // against 3.5 s here) with a third more memory.
    const input = createReadStream(file.path, { highWaterMark: 64 * 1024 });
    input.on("error", reject);
    decode.on("error", (error) => {
      failure = error;
    });
    Papa.parse<string[]>(input.pipe(decode) as unknown as File, {
      delimiter: file.delimiter,
      skipEmptyLines: true,
      chunk(results, parser) {
        try {
          const error = results.errors[0];
          const valid = error ? results.data.slice(0, error.row ?? 0) : results.data;
          if (valid.length > 0) handlers.onRecords(valid);
          records += valid.length;
          if (error) throw malformed(file, error, records);
          handlers.onProgress?.(bytesRead);
        } catch (error) {
          failure = error;
          parser.abort();
        }
      },
      complete() {
        if (failure) reject(failure);
        else resolve();
      },
      error(error: Error) {
        reject(failure ?? error);
      },
    });
  });
}

/** `recordsBefore` counts the header, so it is also the 1-based data row of the bad record. */
function malformed(file: CsvFile, error: Papa.ParseError, recordsBefore: number): AppError {
  const what = error.code === "MissingQuotes" ? "a quoted field is never closed" : error.message;
  return new AppError("malformed_csv", `${file.label}, row ${recordsBefore}: not valid CSV (${what}).`, {
    file: file.label,
    row: recordsBefore,
  });
}

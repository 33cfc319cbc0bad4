/** Client side of the NDJSON progress streams: calls onEvent for each line, resolves with the final event. */
export interface StreamEvent {
  type: "progress" | "done" | "error";
  [key: string]: unknown;
}

export interface ErrorBody {
  code: string;
  message: string;
  row: number | null;
  column: string | null;
}

export async function postNdjson(url: string, body: unknown, onEvent: (event: StreamEvent) => void): Promise<StreamEvent> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok || !response.body) {
    const json = await response.json().catch(() => null);
    return { type: "error", error: json?.error ?? { code: "http", message: `The server answered ${response.status}.` } };
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let last: StreamEvent = { type: "error", error: { code: "interrupted", message: "The connection closed before the work finished." } };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines.filter(Boolean)) {
      last = JSON.parse(line) as StreamEvent;
      onEvent(last);
    }
  }
  return last;
}

/** Uploads a file as the raw body with XMLHttpRequest, which (unlike fetch) reports upload progress. */
export function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<{ id: string; name: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/uploads?name=${encodeURIComponent(file.name)}`);
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => {
      const json = JSON.parse(request.responseText || "{}");
      if (request.status === 201) resolve(json);
      else reject(new Error(json.error?.message ?? `Upload failed (${request.status}).`));
    };
    request.onerror = () => reject(new Error("The upload was interrupted; check the connection and try again."));
    request.send(file);
  });
}

"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatBytes } from "@/lib/format";
import type { ColumnType } from "@/lib/data/types";
import { postNdjson, uploadFile, type ErrorBody, type StreamEvent } from "./ndjson-client";
import { ProgressBar } from "./progress-bar";
import { ImportForm, type Analysis, type ImportChoices } from "./import-form";

type Phase = "idle" | "uploading" | "analyzing" | "review" | "importing";

/** Upload → profile → choose target/id/types → import, with progress at every step. */
export function UploadPanel({ maxUploadMb }: { maxUploadMb: number }) {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>("idle");
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [upload, setUpload] = useState<{ id: string; name: string; bytes: number } | null>(null);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);

  const onStreamEvent = (event: StreamEvent) => {
    if (event.type === "progress") setProgress(Number(event.bytesRead) / Number(event.totalBytes));
  };

  async function analyze(id: string, types: Record<string, ColumnType> = {}) {
    setPhase("analyzing");
    setProgress(0);
    const final = await postNdjson(`/api/uploads/${id}/analyze`, { types }, onStreamEvent);
    if (final.type === "error") {
      setError((final.error as ErrorBody).message);
      setPhase(analysis ? "review" : "idle");
      return;
    }
    setAnalysis((final.result as Analysis) ?? null);
    setPhase("review");
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    setError(null);
    setAnalysis(null);
    if (file.size > maxUploadMb * 1024 * 1024) {
      setError(`${file.name} is too large (max ${maxUploadMb} MB).`);
      return;
    }
    setPhase("uploading");
    setProgress(0);
    try {
      const saved = await uploadFile(file, setProgress);
      setUpload(saved);
      await analyze(saved.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setPhase("idle");
    }
  }

  async function onImport(choices: ImportChoices) {
    if (!upload) return;
    setError(null);
    setPhase("importing");
    setProgress(0);
    const final = await postNdjson(`/api/uploads/${upload.id}/import`, choices, onStreamEvent);
    if (final.type === "error") {
      setError((final.error as ErrorBody).message);
      setPhase("review");
      return;
    }
    router.push(`/data/batches/${final.batchId}`);
  }

  const busy = phase === "uploading" || phase === "analyzing" || phase === "importing";
  return (
    <div className="space-y-4">
      <label className="block">
        <span className="text-sm font-medium text-slate-700">CSV file (comma, semicolon or tab separated; up to {maxUploadMb} MB)</span>
        <input
          type="file"
          accept=".csv,.tsv,.txt,text/csv"
          disabled={busy}
          onChange={(e) => onFile(e.target.files?.[0])}
          className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-800 file:px-3 file:py-2 file:text-white"
        />
      </label>
      {busy && (
        <ProgressBar
          label={phase === "uploading" ? "Uploading" : phase === "analyzing" ? "Reading and profiling" : "Importing"}
          fraction={progress}
        />
      )}
      {error && (
        <p role="alert" data-testid="upload-error" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {error}
        </p>
      )}
      {upload && analysis && phase !== "uploading" && (
        <div>
          <p className="mb-3 text-sm text-slate-600">
            {upload.name} · {formatBytes(upload.bytes)}
          </p>
          <ImportForm
            key={upload.id}
            analysis={analysis}
            defaultDataset={upload.name.replace(/\.[^.]+$/, "")}
            disabled={busy}
            onRetype={(types) => analyze(upload.id, types)}
            onImport={onImport}
          />
        </div>
      )}
    </div>
  );
}

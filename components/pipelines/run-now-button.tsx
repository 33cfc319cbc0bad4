"use client";

import { useState, useTransition } from "react";
import { runPipelineNow } from "@/lib/actions/pipelines";

export function RunNowButton({ pipelineId }: { pipelineId: number }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex items-center gap-3">
      {error && <span role="alert" className="text-sm text-rose-700">{error}</span>}
      <button
        type="button"
        disabled={pending}
        onClick={() => startTransition(async () => setError((await runPipelineNow(pipelineId))?.message ?? null))}
        className="rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50"
      >
        {pending ? "Starting…" : "Run now"}
      </button>
    </div>
  );
}

"use client";

import Link from "next/link";
import { useEffect, useState, useTransition } from "react";
import { cancelRun } from "@/lib/actions/pipelines";
import { ProgressBar } from "@/components/data/progress-bar";
import { RunStatusBadge } from "./run-status-badge";

interface Step {
  id: number;
  name: string;
  status: string;
  counts: Record<string, number> | null;
  messages: string[];
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface RunData {
  run: { id: number; status: string; error: string | null; startedAt: string | null; finishedAt: string | null; modelVersionId: number | null; progress: { step: string; percent: number; message: string } | null };
  steps: Step[];
  version: number | null;
}

const POLL_MS = 500;
const STEP_LABELS: Record<string, string> = { extract: "Extract", validate_data: "Validate data", train: "Train", validate_model: "Validate model", register: "Register", deploy: "Deploy", score: "Score", monitor: "Monitor" };

function duration(from: string | null, to: string | null, now: number): string {
  if (!from) return "";
  const ms = (to ? Date.parse(to) : now) - Date.parse(from);
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The steps of a run, refreshed every half second while it is running. */
export function RunView({ initial, canCancel }: { initial: RunData; canCancel: boolean }) {
  const [data, setData] = useState(initial);
  const [now, setNow] = useState(() => Date.now());
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const running = data.run.status === "running";

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(async () => {
      setNow(Date.now());
      const response = await fetch(`/api/runs/${data.run.id}`, { cache: "no-store" });
      if (response.ok) setData(await response.json());
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, data.run.id]);

  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3" data-testid="run-status">
        <RunStatusBadge status={data.run.status} />
        <span className="text-sm text-slate-600">elapsed {duration(data.run.startedAt, data.run.finishedAt, now)}</span>
        {running && canCancel && (
          <button
            type="button"
            disabled={pending}
            onClick={() => startTransition(async () => setMessage((await cancelRun(data.run.id)).message ?? null))}
            className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100"
          >
            Cancel run
          </button>
        )}
        {data.run.modelVersionId && (
          <Link className="text-sm font-medium text-sky-700 hover:underline" href={`/models/${data.run.modelVersionId}`}>
            Open the validation report of v{data.version}
          </Link>
        )}
      </div>
      {message && <p className="text-sm text-slate-600">{message}</p>}
      {running && data.run.progress && <ProgressBar label={data.run.progress.message} fraction={data.run.progress.percent / 100} />}
      {data.run.error && (
        <p role="alert" data-testid="run-error" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">{data.run.error}</p>
      )}
      <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label="Run steps">
        {data.steps.map((step) => (
          <li key={step.id} className="flex flex-wrap items-start gap-3 px-4 py-3 text-sm" data-testid={`step-${step.name}`}>
            <span className="w-32 font-medium">{STEP_LABELS[step.name] ?? step.name}</span>
            <RunStatusBadge status={step.status} />
            <span className="w-16 text-slate-500 tabular-nums">{duration(step.startedAt, step.finishedAt, now)}</span>
            <div className="min-w-0 flex-1 text-slate-700">
              {step.messages.map((m) => <p key={m}>{m}</p>)}
              {step.error && <p className="text-rose-700">{step.error}</p>}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

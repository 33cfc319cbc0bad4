import type { ReactNode } from "react";
import { formatInt, formatPercent } from "@/lib/format";
import type { ModelJson } from "@/lib/model/types";
import type { SplitSettings } from "@/lib/training/split";
import type { ValidationReport } from "@/lib/training/types";
import { formatDuration } from "./format";

function describeSplit(split: SplitSettings): string {
  const share = formatPercent(split.testSize, 0);
  return split.kind === "stratified"
    ? `Stratified by class, ${share} held out for testing, seed ${split.seed}`
    : `By time on “${split.column}”, the latest ${share} held out for testing`;
}

/** How the version was trained and validated: enough to reproduce it. */
export function TrainingDetails({ report, training }: { report: ValidationReport; training: ModelJson["training"] }) {
  const h = report.hyperparameters;
  const items: [string, ReactNode][] = [
    ["Split", describeSplit(report.split)],
    ["Engine", training.splitter ? `${report.engine} (${training.splitter} splitter)` : report.engine],
    ["Training time", formatDuration(report.trainMs)],
    ["Criterion", h.criterion],
    ["Max depth", h.maxDepth === null ? "unlimited" : formatInt(h.maxDepth)],
    ["Min samples to split", formatInt(h.minSamplesSplit)],
    ["Min samples per leaf", formatInt(h.minSamplesLeaf)],
    ["Min impurity decrease", String(h.minImpurityDecrease)],
    ["Splitter setting", h.splitter],
    ["Bootstrap", `${formatInt(report.intervals.resamples)} resamples, seed ${report.intervals.seed}`],
  ];
  return (
    <dl className="grid grid-cols-1 gap-x-8 gap-y-2 text-sm sm:grid-cols-2" aria-label="Training settings" data-testid="training-details">
      {items.map(([label, value]) => (
        <div key={label} className="flex justify-between gap-4 border-b border-slate-100 py-1">
          <dt className="text-slate-500">{label}</dt>
          <dd className="text-right font-medium">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

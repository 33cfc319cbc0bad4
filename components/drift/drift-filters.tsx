import { PREDICTION_FEATURE } from "@/lib/pipeline/monitor-step";
import type { DriftView } from "@/lib/validation/drift";

const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

interface Props {
  view: DriftView;
  pipelines: { id: number; name: string }[];
  current: { pipeline: number; feature: string; batch: number };
  features: string[];
  batches: { id: number; label: string }[];
}

/** A plain GET form, so every view of the drift page is a link an analyst can share. */
export function DriftFilters({ view, pipelines, current, features, batches }: Props) {
  return (
    // Keyed by the view, so a heatmap cell's link (a navigation in the page) resets the selects' defaults too.
    <form key={`${current.pipeline} ${view.period} ${current.feature} ${current.batch}`} method="get" className="mb-6 grid grid-cols-2 items-end gap-3 md:grid-cols-5" aria-label="Choose drift view">
      <label className="text-sm">
        Pipeline
        <select name="pipeline" defaultValue={current.pipeline} className={input}>
          {pipelines.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <label className="text-sm">
        Period
        <select name="period" defaultValue={view.period} className={input}>
          <option value="7d">Last 7 days</option>
          <option value="30d">Last 30 days</option>
          <option value="90d">Last 90 days</option>
          <option value="all">All batches</option>
        </select>
      </label>
      <label className="text-sm">
        Feature
        <select name="feature" defaultValue={current.feature} className={input}>
          {features.map((f) => <option key={f} value={f}>{f === PREDICTION_FEATURE ? "Score (prediction)" : f}</option>)}
        </select>
      </label>
      <label className="text-sm">
        Batch
        <select name="batch" defaultValue={current.batch} className={input}>
          {batches.map((b) => <option key={b.id} value={b.id}>{b.label}</option>)}
        </select>
      </label>
      <button type="submit" className="rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800">Apply</button>
    </form>
  );
}

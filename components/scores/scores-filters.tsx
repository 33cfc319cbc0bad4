import type { ScoresView } from "@/lib/validation/scores";

const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** A plain GET form: the view lives in the URL, so it can be bookmarked, shared and exported as is. */
export function ScoresFilters(props: { view: ScoresView; pipelines: { id: number; name: string }[]; currentPipeline: number; columns: string[] }) {
  const { view } = props;
  return (
    <form method="get" className="grid grid-cols-2 items-end gap-3 md:grid-cols-8" aria-label="Filter scores">
      <label className="text-sm md:col-span-2">
        Pipeline
        <select name="pipeline" defaultValue={props.currentPipeline} className={input}>
          {props.pipelines.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <label className="text-sm">
        Band
        <select name="band" defaultValue={view.band ?? ""} className={input}>
          <option value="">All</option>
          <option value="high">High</option>
          <option value="medium">Medium</option>
          <option value="low">Low</option>
        </select>
      </label>
      <label className="text-sm">
        Customer id
        <input name="q" defaultValue={view.q ?? ""} placeholder="contains…" className={input} />
      </label>
      <label className="text-sm">
        Feature
        <select name="feature" defaultValue={view.feature ?? ""} className={input}>
          <option value="">Any</option>
          {props.columns.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </label>
      <label className="text-sm">
        equals
        <input name="value" defaultValue={view.value ?? ""} className={input} />
      </label>
      <div className="flex gap-1 text-sm">
        <label className="flex-1">min<input name="min" inputMode="decimal" defaultValue={view.min ?? ""} className={input} /></label>
        <label className="flex-1">max<input name="max" inputMode="decimal" defaultValue={view.max ?? ""} className={input} /></label>
      </div>
      <label className="text-sm">
        Sort
        <select name="sort" defaultValue={view.sort} className={input}>
          <option value="risk">Highest risk first</option>
          <option value="safest">Lowest risk first</option>
          <option value="change">Biggest change</option>
          <option value="customer">Customer id</option>
        </select>
      </label>
      <button type="submit" className="rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800">Apply</button>
    </form>
  );
}

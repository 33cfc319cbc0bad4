import { Badge } from "@/components/ui/badge";
import { formatPercent } from "@/lib/format";
import type { FeatureDrift } from "@/lib/drift/types";
import { formatPsi, SEVERITY_TONE } from "./severity";

const COLUMNS = ["Feature", "PSI", "JS distance", "KS p-value", "Wasserstein (norm.)", "Chi-square p-value", "Missing ref → cur", "Unseen categories", "Severity", "Reason"];
const stat = (v: number | null) => (v === null ? "—" : v.toPrecision(3));

/** Every statistic of the latest batch, one row per feature; the first column names the row for screen readers. */
export function FeatureDriftTable({ features }: { features: FeatureDrift[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label="Latest batch drift by feature">
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
          <tr>{COLUMNS.map((c) => <th key={c} scope="col" className="py-2 pr-4">{c}</th>)}</tr>
        </thead>
        <tbody>
          {features.map((f) => (
            <tr key={f.name} className="border-b border-slate-100 align-top last:border-0">
              <th scope="row" className="py-1.5 pr-4 font-medium">{f.name}</th>
              <td className="py-1.5 pr-4 tabular-nums">{formatPsi(f.psi)}</td>
              <td className="py-1.5 pr-4 tabular-nums">{stat(f.jsDistance)}</td>
              <td className="py-1.5 pr-4 tabular-nums">{stat(f.ksPValue)}</td>
              <td className="py-1.5 pr-4 tabular-nums">{stat(f.wassersteinNormalized)}</td>
              <td className="py-1.5 pr-4 tabular-nums">{stat(f.chiSquarePValue)}</td>
              <td className="whitespace-nowrap py-1.5 pr-4 tabular-nums">{formatPercent(f.missingRateReference, 1)} → {formatPercent(f.missingRateCurrent, 1)}</td>
              <td className="py-1.5 pr-4">{f.unseenCategories.map((u) => u.value).join(", ") || "—"}</td>
              <td className="py-1.5 pr-4">{f.severity ? <Badge tone={SEVERITY_TONE[f.severity]}>{f.severity}</Badge> : "—"}</td>
              <td className="py-1.5 text-xs text-slate-600">{[f.reason, ...f.dataQuality].filter(Boolean).join(" ") || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

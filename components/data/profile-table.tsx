import type { BatchProfile, ColumnType } from "@/lib/data/types";
import { formatInt, formatNumber, formatPercent } from "@/lib/format";

/** One row per column: type, missing, distinct, numeric summary or top categories. */
export function ProfileTable(props: {
  profile: BatchProfile;
  typeOptions?: readonly ColumnType[];
  onTypeChange?: (column: string, type: ColumnType) => void;
}) {
  const { profile, typeOptions, onTypeChange } = props;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label="Column profile">
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 pr-4">Column</th>
            <th className="py-2 pr-4">Type</th>
            <th className="py-2 pr-4 text-right">Missing</th>
            <th className="py-2 pr-4 text-right">Distinct</th>
            <th className="py-2">Summary</th>
          </tr>
        </thead>
        <tbody>
          {profile.columns.map((column) => (
            <tr key={column.name} className="border-b border-slate-100 align-top last:border-0">
              <th scope="row" className="py-2 pr-4 font-medium">
                {column.name}
                {column.name === profile.target?.column && <span className="ml-2 text-xs text-sky-700">target</span>}
                {column.name === profile.idColumn && <span className="ml-2 text-xs text-slate-500">id</span>}
              </th>
              <td className="py-2 pr-4">
                {onTypeChange && typeOptions ? (
                  <select
                    aria-label={`Type of ${column.name}`}
                    className="rounded border border-slate-300 px-1 py-0.5"
                    value={column.type}
                    onChange={(e) => onTypeChange(column.name, e.target.value as ColumnType)}
                  >
                    {typeOptions.map((t) => (
                      <option key={t} value={t}>{t}{t === column.inferredType ? " (detected)" : ""}</option>
                    ))}
                  </select>
                ) : (
                  column.type
                )}
              </td>
              <td className="py-2 pr-4 text-right tabular-nums">
                {formatInt(column.missing)} <span className="text-slate-500">({formatPercent(column.missingRate)})</span>
              </td>
              <td className="py-2 pr-4 text-right tabular-nums">
                {formatInt(column.distinct)}
                {column.distinctCapped ? "+" : ""}
              </td>
              <td className="py-2 text-slate-600">
                {column.numeric
                  ? `min ${formatNumber(column.numeric.min)} · mean ${formatNumber(column.numeric.mean)} · max ${formatNumber(column.numeric.max)} · sd ${formatNumber(column.numeric.std)}`
                  : column.top.slice(0, 4).map((t) => `${t.value} (${formatInt(t.count)})`).join(" · ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

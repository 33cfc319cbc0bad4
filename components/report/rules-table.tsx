import { formatInt, formatPercent } from "@/lib/format";
import type { ModelJson } from "@/lib/model/types";
import type { LeafRule } from "@/lib/training/types";

/** One rule per leaf, riskiest first; counts are the training rows that reached the leaf. */
export function RulesTable({ rules, target }: { rules: LeafRule[]; target: ModelJson["target"] }) {
  const sorted = [...rules].sort((a, b) => b.probability - a.probability || b.rows - a.rows);
  const outcome = `P(${target.name} = ${target.positive})`;
  return (
    <div className="max-h-[32rem] overflow-auto">
      <table className="w-full text-left text-sm" aria-label="Tree rules">
        <thead className="sticky top-0 border-b border-slate-200 bg-white text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4">Rule</th>
            <th scope="col" className="py-2 pr-4 text-right">Training rows</th>
            <th scope="col" className="py-2 text-right">Positives</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((rule, i) => (
            <tr key={i} className="border-b border-slate-100 align-top last:border-0">
              <td className="py-2 pr-4">
                <span className="font-semibold text-slate-500">IF </span>
                {rule.text || "all customers"}
                <span className="font-semibold text-slate-500"> THEN </span>
                <span className="whitespace-nowrap font-medium">
                  {outcome} = {formatPercent(rule.probability)}
                </span>
              </td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatInt(rule.rows)}</td>
              <td className="py-2 text-right tabular-nums">{formatInt(rule.positives)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

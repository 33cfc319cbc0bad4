import { Card } from "@/components/ui/card";
import { formatInt } from "@/lib/format";
import type { UnseenCounts } from "@/lib/model/types";

/** Test-set categories training never saw; nothing when there are none. */
export function UnseenCategories({ unseen }: { unseen: UnseenCounts }) {
  const rows = Object.entries(unseen).flatMap(([feature, values]) =>
    Object.entries(values).map(([value, count]) => ({ feature, value, count })),
  );
  if (rows.length === 0) return null;
  rows.sort((a, b) => a.feature.localeCompare(b.feature) || b.count - a.count);
  return (
    <Card title="Categories not seen in training" className="mb-6">
      <p className="mb-2 text-xs text-slate-500">
        These test-set values match none of the training categories, so the tree treats them as &ldquo;none of the known
        categories&rdquo;.
      </p>
      <table className="w-full text-left text-sm" aria-label="Unseen categories">
      <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
        <tr>
          <th scope="col" className="py-2 pr-4">Feature</th>
          <th scope="col" className="py-2 pr-4">Category</th>
          <th scope="col" className="py-2 text-right">Test rows</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.feature}\u0000${r.value}`} className="border-b border-slate-100 last:border-0">
            <td className="py-1.5 pr-4 font-medium">{r.feature}</td>
            <td className="py-1.5 pr-4">{r.value}</td>
            <td className="py-1.5 text-right tabular-nums">{formatInt(r.count)}</td>
          </tr>
        ))}
      </tbody>
      </table>
    </Card>
  );
}

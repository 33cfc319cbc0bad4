import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { listChangesSinceYesterday } from "@/lib/queries/overview";

const DOT = { good: "bg-emerald-500", warning: "bg-amber-500", critical: "bg-rose-600", info: "bg-sky-500" } as const;

/** What changed in the day up to the newest batch: "yesterday" follows the data, not the wall clock. */
export function ChangesCard() {
  const result = listChangesSinceYesterday();
  if (!result) return null;
  const { since, latest, changes } = result;
  return (
    <Card title={`What changed since yesterday (${formatDateTime(since)} → newest data ${formatDateTime(latest)})`} className="mb-6">
      {changes.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing changed in the day before the newest batch.</p>
      ) : (
        <ul className="space-y-1.5 text-sm" aria-label="What changed since yesterday">
          {changes.map((change, i) => (
            <li key={i} className="flex items-baseline gap-2">
              <span aria-hidden className={`inline-block h-2 w-2 shrink-0 rounded-full ${DOT[change.tone]}`} />
              <span className="w-36 shrink-0 text-xs tabular-nums text-slate-500">{formatDateTime(change.at)}</span>
              <Link href={change.href} className="text-slate-700 hover:underline">{change.text}</Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

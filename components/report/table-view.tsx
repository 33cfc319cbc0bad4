"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * The numbers behind a chart as a plain table, for people who want exact values and for screen readers.
 * The table is built only once opened: closed, two years of daily batches in three of them were half a
 * megabyte of the drift page.
 */
export function TableView({ label, columns, rows }: { label: string; columns: string[]; rows: ReactNode[][] }) {
  const details = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  // Opened before the page finished loading, the toggle went unseen: read the element once it is live.
  useEffect(() => setOpen(details.current?.open ?? false), []);
  return (
    <details ref={details} className="mt-3 text-sm" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-slate-600">Table view</summary>
      {open && (
        <div className="mt-2 max-h-80 overflow-auto">
          <table className="w-full text-left" aria-label={label}>
            <thead className="sticky top-0 border-b border-slate-200 bg-white text-xs uppercase text-slate-500">
              <tr>
                {columns.map((c, i) => (
                  <th key={c} scope="col" className={`py-1.5 pr-4 ${i > 0 ? "text-right" : ""}`}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((cells, r) => (
                <tr key={r} className="border-b border-slate-100 last:border-0">
                  {cells.map((cell, i) => (
                    <td key={i} className={`py-1 pr-4 tabular-nums ${i > 0 ? "text-right" : ""}`}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}

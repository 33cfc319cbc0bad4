/** The first stored rows, exactly as kept (blank cells shown as "blank", never as 0). */
export function RowPreview({ columns, rows }: { columns: string[]; rows: { rowNumber: number; cells: (string | null)[] }[] }) {
  return (
    <div className="max-h-96 overflow-auto">
      <table className="text-left text-xs" aria-label="First rows">
        <thead className="sticky top-0 bg-white text-slate-500">
          <tr>
            <th className="py-1 pr-3">Row</th>
            {columns.map((c) => (
              <th key={c} className="whitespace-nowrap py-1 pr-3">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.rowNumber} className="border-t border-slate-100">
              <td className="py-1 pr-3 tabular-nums text-slate-500">{row.rowNumber}</td>
              {row.cells.map((cell, i) => (
                <td key={i} className="whitespace-nowrap py-1 pr-3">
                  {cell ?? <span className="italic text-slate-400">blank</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

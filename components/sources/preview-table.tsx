/** The first rows of a source's query, cells as Driftline will store them (blank = missing). */
export function PreviewTable({ columns, rows }: { columns: string[]; rows: (string | null)[][] }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200" data-testid="source-preview">
      <table className="min-w-full text-left text-xs">
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            {columns.map((column) => (
              <th key={column} className="whitespace-nowrap px-2 py-1.5 font-medium">{column}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r} className="border-t border-slate-100">
              {row.map((cell, c) => (
                <td key={c} className="whitespace-nowrap px-2 py-1 tabular-nums">
                  {cell === null ? <span className="text-slate-400">blank</span> : cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

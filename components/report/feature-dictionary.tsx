import type { FeatureDefinition } from "@/lib/pipeline/types";

const FIELDS = ["description", "transformation", "owner"] as const;

/** What the data dictionary said about each feature when this version was trained. */
export function FeatureDictionary({ features, dictionary }: { features: string[]; dictionary: FeatureDefinition[] }) {
  const byName = new Map(dictionary.map((d) => [d.name, d]));
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label="Data dictionary">
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-3">Feature</th>
            <th scope="col" className="py-2 pr-3">Description</th>
            <th scope="col" className="py-2 pr-3">Transformation</th>
            <th scope="col" className="py-2">Owner</th>
          </tr>
        </thead>
        <tbody>
          {features.map((name) => {
            const entry = byName.get(name);
            return (
              <tr key={name} className="border-b border-slate-100 align-top last:border-0">
                <th scope="row" className="py-2 pr-3 font-medium">
                  {name}
                  {entry && <span className="block text-xs font-normal text-slate-500">{entry.kind}</span>}
                </th>
                {FIELDS.map((field) => (
                  <td key={field} className={`py-2 ${field === "owner" ? "" : "pr-3"}`}>
                    {entry?.[field].trim() ? entry[field] : <span className="italic text-slate-400">not documented yet</span>}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

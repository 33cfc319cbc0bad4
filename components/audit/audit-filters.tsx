import Link from "next/link";
import type { AuditFilters as Filters } from "@/lib/queries/audit";

const selectClass = "mt-1 block w-56 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

function FilterSelect({ name, label, options, value }: { name: keyof Filters; label: string; options: string[]; value?: string }) {
  return (
    <label className="text-sm">
      {label}
      <select name={name} defaultValue={value ?? ""} className={selectClass}>
        <option value="">All</option>
        {options.map((option) => <option key={option} value={option}>{option}</option>)}
      </select>
    </label>
  );
}

/** A plain GET form: the filters live in the URL, so a filtered view can be shared. */
export function AuditFilters({ options, current }: { options: { users: string[]; actions: string[]; entities: string[] }; current: Filters }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-4" aria-label="Filter the audit log">
      <FilterSelect name="user" label="User" options={options.users} value={current.user} />
      <FilterSelect name="action" label="Action" options={options.actions} value={current.action} />
      <FilterSelect name="entity" label="Entity" options={options.entities} value={current.entity} />
      <button type="submit" className="rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800">Filter</button>
      <Link href="/settings/audit" className="py-2 text-sm text-sky-700 hover:underline">Clear</Link>
    </form>
  );
}

import type { ReactNode } from "react";

export const inputClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** A labelled form control with its field errors underneath. */
export function Field({ label, errors, children }: { label: string; errors?: string[]; children: ReactNode }) {
  return (
    <label className="block text-sm">
      {label}
      {children}
      {errors && errors.length > 0 && <span className="mt-1 block text-xs text-rose-700">{errors.join(" ")}</span>}
    </label>
  );
}

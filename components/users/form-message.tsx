import type { FormState } from "@/lib/actions/form-state";

/** An action's outcome under its form: a confirmation, or the reason it failed. */
export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return null;
  return state.ok ? (
    <p role="status" className="text-sm text-emerald-700">{state.message}</p>
  ) : (
    <p role="alert" className="text-sm text-rose-700">{state.message}</p>
  );
}

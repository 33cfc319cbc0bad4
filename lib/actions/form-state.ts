/** The result every server action returns, and how an expected failure becomes one. */
import { isAppError } from "@/lib/errors";

export interface FormState {
  ok: boolean;
  /** The AppError code of a failure, e.g. "forbidden" when the guard refused the caller. */
  code?: string;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, unknown>;
}

/**
 * An expected failure (AppError: refused by the guard, invalid, missing, conflicting) as the form's result,
 * with the message under its field when the error names one. Anything else is a bug and is rethrown.
 */
export function failure(error: unknown, values?: Record<string, unknown>): FormState {
  if (!isAppError(error)) throw error;
  const field = error.location.column;
  return { ok: false, code: error.code, message: error.message, values, ...(field ? { fieldErrors: { [field]: [error.message] } } : {}) };
}

import { UsageError } from "./output";

/** A numeric flag, checked: a usage error names the flag and the bad text. */
export function parseNumberFlag(
  text: string | undefined,
  flag: string,
  limits: { integer?: boolean; min?: number; max?: number } = {},
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  const ok = text.trim() !== "" && Number.isFinite(value) && (!limits.integer || Number.isInteger(value)) &&
    (limits.min === undefined || value >= limits.min) && (limits.max === undefined || value <= limits.max);
  if (!ok) {
    const range = [limits.min !== undefined && `≥ ${limits.min}`, limits.max !== undefined && `≤ ${limits.max}`].filter(Boolean).join(" and ");
    throw new UsageError(`${flag} must be ${limits.integer ? "an integer" : "a number"}${range ? ` ${range}` : ""}, got "${text}".`);
  }
  return value;
}

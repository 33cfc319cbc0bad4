/** Formatting shared by pages: fixed locale so server and browser render the same text. */
export const formatInt = (n: number) => n.toLocaleString("en-US");

export function formatNumber(n: number | null | undefined, digits = 2): string {
  if (n === null || n === undefined) return "—";
  return n.toLocaleString("en-US", { maximumFractionDigits: digits });
}

export const formatPercent = (share: number, digits = 1) => `${(share * 100).toFixed(digits)}%`;

/** UTC timestamp, minute precision: the stored truth; local time comes later in the UI. */
export function formatDateTime(date: Date | number | null | undefined): string {
  if (date === null || date === undefined) return "—";
  return `${new Date(date).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return "—";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

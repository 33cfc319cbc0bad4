/** Risk bands from a probability: high ≥ `high`, medium ≥ `medium`, otherwise low. */
export const BANDS = ["high", "medium", "low"] as const;
export type Band = (typeof BANDS)[number];

export interface BandCutoffs {
  high: number;
  medium: number;
}

export const DEFAULT_BANDS: BandCutoffs = { high: 0.6, medium: 0.3 };

export function bandOf(probability: number, cutoffs: BandCutoffs): Band {
  return probability >= cutoffs.high ? "high" : probability >= cutoffs.medium ? "medium" : "low";
}

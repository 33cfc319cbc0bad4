/**
 * Lift and cumulative gains by decile. Rows are ranked by score, highest first; decile k (1..10) holds
 * ranked positions [⌊(k−1)·n/10⌋, ⌊k·n/10⌋), so sizes differ by at most one row.
 *
 * Ties: rows sharing a score have no order between them, so a tie group that straddles a decile
 * boundary contributes its positives pro rata to the rows on each side — the expected count under a
 * random tie-break (the same convention as ROC AUC's ½ for ties). Results never depend on input row
 * order, and `positives` can be fractional in a decile that cuts through a tie group.
 */
import { checkInputs } from "./input";
import { scoreGroups, type ScoreGroups } from "./ranking";
import { defined, REASONS, undefinedBecause, type Labels, type Metric, type Scores } from "./types";

export const DECILES = 10;

export interface DecileRow {
  /** 1 = the top-scored tenth. */
  decile: number;
  rows: number;
  positives: number;
  /** Positive rate within the decile. */
  rate: number;
  /** rate / overall base rate: how many times better than picking rows at random. */
  lift: number;
  /** Share of all positives found in deciles 1..k. */
  cumulativeGain: number;
}

export function liftTable(y: Labels, p: Scores): Metric<DecileRow[]> {
  const { y: labels, p: scores } = checkInputs(y, p, { probabilities: false });
  return liftTableOfGroups(scoreGroups(labels, scores));
}

export function liftTableOfGroups(groups: ScoreGroups): Metric<DecileRow[]> {
  const n = groups.positives + groups.negatives;
  if (n < DECILES) return undefinedBecause(n === 0 ? REASONS.noRows : REASONS.tooFewRowsForDeciles);
  if (groups.positives === 0) return undefinedBecause(REASONS.noPositives);
  const cumulative = positivesAbove(groups, n);
  const baseRate = groups.positives / n;
  const table: DecileRow[] = [];
  for (let k = 1; k <= DECILES; k++) {
    const rows = boundary(k, n) - boundary(k - 1, n);
    const positives = cumulative[k] - cumulative[k - 1];
    table.push({
      decile: k,
      rows,
      positives,
      rate: positives / rows,
      lift: positives / rows / baseRate,
      cumulativeGain: cumulative[k] / groups.positives,
    });
  }
  return defined(table);
}

function boundary(k: number, n: number): number {
  return Math.floor((k * n) / DECILES);
}

/** Expected positives ranked above each decile boundary; the last entry is exactly all positives. */
function positivesAbove({ pos, neg }: ScoreGroups, n: number): Float64Array {
  const cumulative = new Float64Array(DECILES + 1);
  let g = 0;
  let start = 0;
  let before = 0;
  for (let k = 1; k <= DECILES; k++) {
    const end = boundary(k, n);
    while (g < pos.length && start + pos[g] + neg[g] <= end) {
      start += pos[g] + neg[g];
      before += pos[g];
      g++;
    }
    // The boundary falls inside group g (or at n): it contributes the share of its rows above `end`.
    cumulative[k] = g < pos.length ? before + (pos[g] * (end - start)) / (pos[g] + neg[g]) : before;
  }
  return cumulative;
}

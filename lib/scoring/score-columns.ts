/**
 * Scores every row of a batch with a model. A row that cannot be scored — no customer id, or a value
 * the model cannot read (text in a numeric feature, an unknown boolean) — is listed with its reason and
 * gets no score; a blank feature value is routed by the tree as it learned, and an unseen category
 * follows the model's documented rule and is counted. The reasons per leaf come from leafReasons, worked
 * out once for all of a batch's chunks.
 */
import { booleanPairOf, parseNumber } from "@/lib/data/values";
import { predictLeaves, type ModelJson, type UnseenCounts } from "@/lib/model";
import { encodeTable } from "@/lib/model/encoding";
import { tableFromColumns } from "@/lib/model/table";
import type { CellColumns } from "@/lib/training/predict-columns";
import { bandOf, type Band, type BandCutoffs } from "./bands";

export interface ScoredRow {
  entityId: string;
  probability: number;
  band: Band;
  reasons: string[];
}

export interface Unscorable {
  row: number;
  entityId: string | null;
  reason: string;
}

export interface ScoringResult {
  scored: ScoredRow[];
  unscorable: Unscorable[];
  unseen: UnseenCounts;
}

export function scoreColumns(
  model: ModelJson,
  columns: CellColumns,
  options: { idColumn: string | null; bands: BandCutoffs; reasonsByLeaf: ReadonlyMap<number, string[]>; rowCount?: number; firstRow?: number },
): ScoringResult {
  const rowCount = options.rowCount ?? Object.values(columns)[0]?.length ?? 0;
  // Row numbers are the batch's (1-based): a chunk of a batch says where it starts.
  const offset = options.firstRow ?? 0;
  const ids = options.idColumn ? columns[options.idColumn] : Array.from({ length: rowCount }, (_, i) => String(offset + i + 1));
  const unscorable: Unscorable[] = [];
  const good: number[] = [];
  for (let row = 0; row < rowCount; row++) {
    const reason = ids[row] === null ? `no ${options.idColumn}` : unreadable(model, columns, row);
    if (reason === null) good.push(row);
    else unscorable.push({ row: offset + row + 1, entityId: ids[row], reason });
  }
  const kept: CellColumns = Object.fromEntries(model.features.map((f) => [f.name, good.map((row) => columns[f.name][row])]));
  const { matrix, unseen } = encodeTable(model.features, tableFromColumns(kept));
  const leaves = predictLeaves(model, matrix);
  const { reasonsByLeaf } = options;
  const { positives, negatives } = model.tree;
  const scored = good.map((row, i): ScoredRow => {
    const leaf = leaves[i];
    const probability = positives[leaf] / (positives[leaf] + negatives[leaf]);
    return { entityId: ids[row]!, probability, band: bandOf(probability, options.bands), reasons: reasonsByLeaf.get(leaf)! };
  });
  return { scored, unscorable, unseen };
}

/** Why the model cannot read this row, or null when it can. */
function unreadable(model: ModelJson, columns: CellColumns, row: number): string | null {
  for (const feature of model.features) {
    const column = columns[feature.name];
    if (column === undefined) return `the batch has no column "${feature.name}"`;
    const cell = column[row];
    if (cell === null) continue;
    if (feature.kind === "numeric" && parseNumber(cell) === null) return `${feature.name}: "${cell}" is not a number`;
    if (feature.kind === "boolean" && booleanPairOf(cell) < 0) return `${feature.name}: "${cell}" is not yes/no`;
  }
  return null;
}

/** Scoring cell columns (as loaded from a batch) with a stored model. */
import { predictProba, type ModelJson, type UnseenCounts } from "@/lib/model";
import { encodeTable } from "@/lib/model/encoding";
import { tableFromColumns } from "@/lib/model/table";

export type CellColumns = Record<string, (string | null)[]>;

export function predictColumns(model: ModelJson, columns: CellColumns): { probabilities: Float64Array; unseen: UnseenCounts } {
  const { matrix, unseen } = encodeTable(model.features, tableFromColumns(columns));
  return { probabilities: predictProba(model, matrix), unseen };
}

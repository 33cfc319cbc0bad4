/**
 * trainModel: cell text in, a self-contained JSON model out. Rows or columns are encoded with the
 * feature spec, the target is mapped to 0/1, and the chosen engine grows the tree.
 */
import { AppError } from "@/lib/errors";
import { encodedColumns, encodeTable, fitEncoding } from "./encoding";
import { growTree } from "./grow-tree";
import { resolveHyperparameters } from "./hyperparameters";
import { encodeLabels } from "./labels";
import { ML_CART_DEFAULTS, trainMlCart } from "./ml-cart-engine";
import { type CellColumn, tableFromColumns, tableFromRows } from "./table";
import {
  type CellRow,
  type EngineName,
  type FeatureEncoding,
  type FeatureSpec,
  type Hyperparameters,
  MODEL_FORMAT,
  type ModelJson,
  type Splitter,
  type TreeJson,
} from "./types";

export interface TrainInput {
  /** Either rows or columns of normalised cell text (null = missing). */
  rows?: readonly CellRow[];
  columns?: Readonly<Record<string, CellColumn>>;
  target: string;
  /** The target value meaning "positive"; default: the positive side of a Yes/No-like pair. */
  positive?: string;
  features: readonly FeatureSpec[];
  /** "cart" (default): this package's engine; "ml-cart": the ml-cart library, small data only. */
  engine?: EngineName;
  hyperparameters?: Partial<Hyperparameters>;
}

export function trainModel(input: TrainInput): { model: ModelJson; trainMs: number } {
  const started = performance.now();
  if ((input.rows === undefined) === (input.columns === undefined)) {
    throw new AppError("invalid_input", "Give the training data as either rows or columns.");
  }
  const engine = input.engine ?? "cart";
  if (engine !== "cart" && engine !== "ml-cart") throw new AppError("unknown_engine", `Unknown engine "${engine}"; use "cart" or "ml-cart".`);
  if (input.features.some((feature) => feature.name === input.target)) {
    throw new AppError("target_is_feature", `The target "${input.target}" cannot also be a feature.`, { column: input.target });
  }
  const table = input.rows ? tableFromRows(input.rows) : tableFromColumns(input.columns!);
  if (table.rowCount === 0) throw new AppError("no_rows", "Cannot train a model on zero rows.");
  const { labels, positive, negative } = encodeLabels(table.column(input.target), input.target, input.positive);
  const features = fitEncoding(input.features, table);
  const { matrix } = encodeTable(features, table);
  const { tree, splitter, hyperparameters } = fit(engine, matrix.columns, labels, features, input.hyperparameters);
  const positives = labels.reduce((sum, label) => sum + label, 0);
  const model: ModelJson = {
    format: MODEL_FORMAT,
    engine,
    features,
    target: { name: input.target, positive, negative },
    tree,
    training: {
      splitter,
      hyperparameters,
      rows: labels.length,
      classCounts: { negative: labels.length - positives, positive: positives },
    },
  };
  return { model, trainMs: performance.now() - started };
}

function fit(
  engine: EngineName,
  columns: Float64Array[],
  labels: Uint8Array,
  features: FeatureEncoding[],
  given: Partial<Hyperparameters> | undefined,
): { tree: TreeJson; splitter: Splitter | null; hyperparameters: Hyperparameters } {
  if (engine === "ml-cart") {
    const hyperparameters = resolveHyperparameters(given, ML_CART_DEFAULTS);
    const names = encodedColumns(features).map((column) => column.feature);
    return { tree: trainMlCart(columns, labels, hyperparameters, names), splitter: null, hyperparameters };
  }
  const hyperparameters = resolveHyperparameters(given);
  return { ...growTree(columns, labels, hyperparameters), hyperparameters };
}

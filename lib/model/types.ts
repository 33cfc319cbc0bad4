/** Shapes of the tree engine's inputs and of the stored model (plain JSON, see ModelJson). */
export type Criterion = "gini" | "entropy";
export type Splitter = "exact" | "histogram";
export type EngineName = "cart" | "ml-cart";

export interface Hyperparameters {
  criterion: Criterion;
  /** null = unlimited (scikit-learn's max_depth=None). */
  maxDepth: number | null;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  /** scikit-learn's min_impurity_decrease: weighted decrease N_t/N·(I − N_R/N_t·I_R − N_L/N_t·I_L). */
  minImpurityDecrease: number;
  /** "auto" = exact below EXACT_SPLITTER_MAX_ROWS rows, histogram from there on. */
  splitter: Splitter | "auto";
}

export type FeatureKind = "numeric" | "categorical" | "boolean";

export interface FeatureSpec {
  name: string;
  kind: FeatureKind;
}

/** A feature spec plus what encoding learned from the training data. */
export type FeatureEncoding =
  | { name: string; kind: "numeric" }
  /** labels = the spellings seen in training for [false, true], used when explaining. */
  | { name: string; kind: "boolean"; labels: [string, string] }
  /** One column per category (sorted), then one `(other)` column when `other` is not empty. */
  | { name: string; kind: "categorical"; categories: string[]; other: string[] };

/** A row of normalised cell text; null = missing. */
export type CellRow = Readonly<Record<string, string | null | undefined>>;

/** Column-major numbers; NaN = missing. */
export interface EncodedMatrix {
  rowCount: number;
  columns: Float64Array[];
}

/** Unseen category counts per feature: {Contract: {"Five year": 3}}. */
export type UnseenCounts = Record<string, Record<string, number>>;

/**
 * The tree as flat arrays indexed by node id, numbered in preorder (node, left subtree, right subtree)
 * exactly like scikit-learn's tree_. A row goes left when x <= threshold; a missing x goes left when
 * missingGoesLeft. Leaves have feature −1 and left = right = −1.
 */
export interface TreeJson {
  /** Encoded column index tested at the node. */
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  missingGoesLeft: boolean[];
  /** Training rows of class 0 and of class 1 that reached the node. */
  negatives: number[];
  positives: number[];
  impurity: number[];
}

export const MODEL_FORMAT = "driftline-tree/1";

export interface ModelJson {
  format: typeof MODEL_FORMAT;
  engine: EngineName;
  features: FeatureEncoding[];
  target: { name: string; positive: string; negative: string };
  tree: TreeJson;
  training: {
    /** The split finder that ran (null for ml-cart). */
    splitter: Splitter | null;
    hyperparameters: Hyperparameters;
    rows: number;
    classCounts: { negative: number; positive: number };
  };
}

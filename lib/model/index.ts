/**
 * lib/model — a CART classifier engine with scikit-learn semantics, its feature encoding, a plain-JSON
 * model format, fast prediction over typed arrays and readable explanations. Pure: no database, no Next.js.
 */
export { trainModel, type TrainInput } from "./train";
export { growTree, type GrownTree } from "./grow-tree";
export { predictLeaves, predictProba, predictRows } from "./predict";
export { explain, type Explanation } from "./explain";
export { type Condition } from "./conditions";
export { leafRules, type LeafRule } from "./rules";
export { encodeRows, encodedColumns, MAX_CATEGORIES, OTHER_COLUMN, type EncodedColumn } from "./encoding";
export { featureImportance, type FeatureImportance } from "./importance";
export { DEFAULT_HYPERPARAMETERS, EXACT_SPLITTER_MAX_ROWS } from "./hyperparameters";
export { ML_CART_MAX_ROWS } from "./ml-cart-engine";
export { MAX_BINS } from "./binning";
export * from "./types";

/**
 * Training and prediction benchmark: npx tsx bench/train.ts [--quick]
 * Depth-8 trees on 20 synthetic numeric features at 10k / 100k / 1M rows with both split finders,
 * ml-cart at 1k / 5k rows (its limit), and scikit-learn on the same data when it is installed.
 * --quick skips the 1M rows and ml-cart at 5k. Times are wall-clock, best of 3 runs (2 at 1M).
 */
import { growTree } from "@/lib/model/grow-tree";
import { ML_CART_DEFAULTS, trainMlCart } from "@/lib/model/ml-cart-engine";
import { predictProba } from "@/lib/model/predict";
import { MODEL_FORMAT, type ModelJson, type TreeJson } from "@/lib/model/types";
import { syntheticData } from "./train-data";
import { sklearnAvailable, sklearnFit } from "./train-sklearn";

const DEPTH = 8;
const quick = process.argv.includes("--quick");
const withSklearn = sklearnAvailable();

function seconds(run: () => void): number {
  const start = performance.now();
  run();
  return (performance.now() - start) / 1000;
}

/** Best of `repeats` runs: the machine may be shared, and the minimum is the least disturbed run. */
function best(repeats: number, run: () => void): number {
  return Math.min(...Array.from({ length: repeats }, () => seconds(run)));
}

/** Rows per second of predictProba, repeated for at least half a second. */
function predictRate(tree: TreeJson, columns: Float64Array[]): string {
  const model = { format: MODEL_FORMAT, tree, features: columns.map((_, f) => ({ name: `x${f}`, kind: "numeric" })) } as ModelJson;
  const matrix = { rowCount: columns[0].length, columns };
  predictProba(model, matrix);
  let rows = 0;
  const elapsed = seconds(() => {
    const start = performance.now();
    while (performance.now() - start < 500) rows += predictProba(model, matrix).length;
  });
  return `${(rows / elapsed / 1e6).toFixed(1)}M`;
}

interface Row {
  rows: number;
  engine: string;
  train: number;
  reference: { seconds: number; nodes: number } | null;
  predict: string;
  nodes: number;
}

function print({ rows, engine, train, reference, predict, nodes }: Row): void {
  const ratio = reference ? `${(train / reference.seconds).toFixed(train > reference.seconds ? 0 : 2)}×` : "–";
  const cells = [rows.toLocaleString("en"), engine, train.toFixed(3), reference?.seconds.toFixed(3) ?? "–", ratio, predict, `${nodes} / ${reference?.nodes ?? "–"}`];
  console.log(`| ${cells.join(" | ")} |`);
}

console.log("| rows | engine | train s | scikit-learn s | ratio | predict rows/s | nodes (ours / sklearn) |");
console.log("|---:|---|---:|---:|---:|---:|---|");
for (const rows of quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]) {
  const { columns, labels } = syntheticData(rows);
  const repeats = rows >= 1_000_000 ? 2 : 3;
  const reference = withSklearn ? sklearnFit(columns, labels, DEPTH, repeats) : null;
  for (const splitter of ["exact", "histogram"] as const) {
    let tree!: TreeJson;
    const train = best(repeats, () => ({ tree } = growTree(columns, labels, { maxDepth: DEPTH, minSamplesLeaf: 1, splitter })));
    print({ rows, engine: splitter, train, reference, predict: predictRate(tree, columns), nodes: tree.feature.length });
  }
}
for (const rows of quick ? [1_000] : [1_000, 5_000]) {
  const { columns, labels } = syntheticData(rows);
  let tree!: TreeJson;
  const train = seconds(() => (tree = trainMlCart(columns, labels, { ...ML_CART_DEFAULTS, maxDepth: DEPTH })));
  const reference = withSklearn ? sklearnFit(columns, labels, DEPTH, 3) : null;
  print({ rows, engine: "ml-cart", train, reference, predict: "–", nodes: tree.feature.length });
}
if (!withSklearn) console.log("scikit-learn not found at /usr/bin/python3: no reference timings.");

/**
 * The training figures of `npm run bench`, in a process of its own: the exact split finder at 100k × 20
 * against scikit-learn's DecisionTreeClassifier on the same data (when installed), and the histogram
 * finder at 1M × 20. Depth-8 trees, best of 3 runs (2 at 1M). Prints { exact, histogram }.
 */
import { growTree } from "@/lib/model/grow-tree";
import { syntheticData } from "./train-data";
import { sklearnAvailable, sklearnFit } from "./train-sklearn";
import { seconds } from "./harness";

const DEPTH = 8;

function best(repeats: number, run: () => void): number {
  return Math.min(...Array.from({ length: repeats }, () => seconds(run)));
}

const small = syntheticData(100_000);
const exact = best(3, () => growTree(small.columns, small.labels, { maxDepth: DEPTH, minSamplesLeaf: 1, splitter: "exact" }));
const sklearn = sklearnAvailable() ? sklearnFit(small.columns, small.labels, DEPTH, 3).seconds : null;
const large = syntheticData(1_000_000);
const histogram = best(2, () => growTree(large.columns, large.labels, { maxDepth: DEPTH, minSamplesLeaf: 1, splitter: "histogram" }));
console.log(JSON.stringify({ exact, sklearn, histogram }));

/**
 * Times scikit-learn's DecisionTreeClassifier on the benchmark data, when Debian's Python has it. The
 * data goes through a temporary float32 file (scikit-learn trains on float32 anyway, so the conversion is
 * kept out of its time); only fit() is timed, best of a few runs like ours.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PYTHON = "/usr/bin/python3";

const SCRIPT = `
import json, sys, time
import numpy as np
from sklearn.tree import DecisionTreeClassifier
path, rows, features, depth, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
X = np.fromfile(path + "/X.f32", dtype=np.float32).reshape(features, rows).T.copy()
y = np.fromfile(path + "/y.u8", dtype=np.uint8)
best = float("inf")
for _ in range(repeats):
    model = DecisionTreeClassifier(max_depth=depth, random_state=0)
    start = time.perf_counter()
    model.fit(X, y)
    best = min(best, time.perf_counter() - start)
print(json.dumps({"seconds": best, "nodes": int(model.tree_.node_count)}))
`;

export function sklearnAvailable(): boolean {
  try {
    execFileSync(PYTHON, ["-c", "import sklearn"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Best-of-`repeats` fit time in seconds, and the fitted tree's node count. */
export function sklearnFit(columns: Float64Array[], labels: Uint8Array, depth: number, repeats: number): { seconds: number; nodes: number } {
  const dir = mkdtempSync(join(tmpdir(), "driftline-bench-"));
  try {
    const rows = labels.length;
    const X = new Float32Array(rows * columns.length);
    columns.forEach((column, f) => X.set(column, f * rows));
    writeFileSync(join(dir, "X.f32"), X);
    writeFileSync(join(dir, "y.u8"), labels);
    const out = execFileSync(PYTHON, ["-c", SCRIPT, dir, String(rows), String(columns.length), String(depth), String(repeats)], { encoding: "utf8" });
    return JSON.parse(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

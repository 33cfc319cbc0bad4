"""Times scipy.stats.ks_2samp on the arrays bench/drift.ts wrote (raw float64 files); prints one JSON line."""
import json
import sys
import time

try:
    import numpy as np
    from scipy import stats
except ImportError as error:  # the benchmark then reports TypeScript timings alone
    print(json.dumps({"error": str(error)}))
    sys.exit(0)

a = np.fromfile(sys.argv[1], dtype=np.float64)
b = np.fromfile(sys.argv[2], dtype=np.float64)
best = float("inf")
for _ in range(5):
    start = time.perf_counter()
    result = stats.ks_2samp(a, b)
    best = min(best, time.perf_counter() - start)
print(json.dumps({"seconds": best, "statistic": float(result.statistic), "pvalue": float(result.pvalue)}))

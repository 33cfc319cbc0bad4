"""pandas read_csv of the benchmark CSV, the ingest reference: prints {"seconds": ...} (best of 2 runs)."""
import json, sys, time
import pandas as pd

best = float("inf")
for _ in range(2):
    start = time.perf_counter()
    frame = pd.read_csv(sys.argv[1])
    best = min(best, time.perf_counter() - start)
print(json.dumps({"seconds": best, "rows": len(frame)}))

/**
 * Deterministic synthetic training data for the benchmark: 20 numeric features (16 continuous normals,
 * 4 integers 0–9) and a binary label with signal from linear terms, one interaction and a sine.
 */
import { mulberry32 } from "@/lib/random";

export const FEATURES = 20;

export function syntheticData(rows: number, seed = 1): { columns: Float64Array[]; labels: Uint8Array } {
  const random = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const columns = Array.from({ length: FEATURES }, (_, f) =>
    Float64Array.from({ length: rows }, () => (f < 16 ? Math.fround(normal()) : Math.floor(random() * 10))),
  );
  const [x0, x1, x2, x3, x4, x5] = columns;
  const k = columns[16];
  const labels = Uint8Array.from({ length: rows }, (_, i) => {
    const z = 1.2 * x0[i] - 0.8 * x1[i] + 0.6 * x2[i] * x3[i] + 0.5 * Math.sin(2 * x4[i]) + 0.3 * x5[i] + 0.15 * (k[i] - 4.5) + normal();
    return z > 0 ? 1 : 0;
  });
  return { columns, labels };
}

/**
 * Profiling a batch inside PostgreSQL: the reference's bin edges, categories and sketch become one
 * aggregate query over the saved query (GROUPING SETS, a single scan) returning counts per bin, per
 * category and per sketch step, and missing counts. The result is the WindowProfile the app computes from
 * cells (lib/monitoring/window-profile.ts), so drift is the same wherever it was counted.
 */
import type pg from "pg";
import { sketchSteps, type NumericWindowCounts } from "@/lib/drift/numeric-drift";
import type { CategoricalProfile, NumericProfile } from "@/lib/drift/types";
import type { FeatureWindow, WindowProfile } from "@/lib/monitoring/window-profile";
import type { ReferenceProfile } from "@/lib/training/reference-profile";
import { readOnly, subquery, type PostgresConnection } from "./postgres";
import { cellTextSql, numberSql, requireColumns, resultTypes } from "./sql-values";

export async function profileInWarehouse(connection: PostgresConnection, query: string, reference: ReferenceProfile): Promise<WindowProfile> {
  return readOnly(connection, (client) => profileWithClient(client, query, reference));
}

export async function profileWithClient(client: pg.Client, query: string, reference: ReferenceProfile): Promise<WindowProfile> {
  const wrapped = subquery(query);
  const types = await resultTypes(client, wrapped);
  requireColumns(types, reference.features.map((f) => f.name), "the champion's reference profile");

  const values: string[] = [];
  const expressions: string[] = [];
  const sets: number[][] = [];
  const params: unknown[] = [];
  // Each feature's value is computed once per row in an inner query; the bins then refer to it by name.
  const value = (sql: string) => `v${values.push(sql) - 1}`;
  const column = (sql: string) => expressions.push(sql) - 1;
  const param = (value: unknown) => `$${params.push(value)}`;
  const plans = reference.features.map((profile) => {
    const setStart = sets.length;
    const read =
      profile.kind === "numeric"
        ? planNumeric(profile, value(numberSql(profile.name, types.get(profile.name)!)), column, param, sets)
        : planCategorical(profile, value(cellTextSql(profile.name)), column, sets);
    return { setStart, read };
  });
  const total = sets.push([]) - 1;

  const columns = expressions.map((sql, i) => `${sql} AS c${i}`).join(",\n  ");
  const groupings = sets.map((set, s) => (set.length === 0 ? `0 AS g${s}` : `GROUPING(c${set[0]}) AS g${s}`)).join(", ");
  const groupingSets = sets.map((set) => `(${set.map((i) => `c${i}`).join(", ")})`).join(", ");
  // OFFSET 0 keeps the planner from inlining the values into every expression that uses them.
  const sql = `SELECT ${groupings}, ${expressions.map((_, i) => `c${i}`).join(", ")}, count(*) AS n
FROM (SELECT
  ${columns}
FROM (SELECT ${values.map((sql, i) => `${sql} AS v${i}`).join(", ")} FROM ${wrapped} OFFSET 0) AS driftline_values) AS driftline_window
GROUP BY GROUPING SETS (${groupingSets})`;
  const result = await client.query({ text: sql, values: params, rowMode: "array" });

  // Each output row belongs to the one set whose columns are grouped (GROUPING = 0); the empty set is the total.
  const bySet = new Map<number, (string | null)[][]>();
  const flags = sets.length;
  for (const row of result.rows as (string | null)[][]) {
    const set = sets.findIndex((members, s) => members.length > 0 && row[s] === "0");
    const key = set < 0 ? total : set;
    if (!bySet.has(key)) bySet.set(key, []);
    // Drop the flags: what is left is c0…cN, then n.
    bySet.get(key)!.push(row.slice(flags));
  }
  const rows = Number(bySet.get(total)?.[0]?.at(-1) ?? 0);
  return {
    rows,
    features: plans.map(({ setStart, read }) => read((offset) => bySet.get(setStart + offset) ?? [])),
  };
}

type Reader = (rowsOfSet: (offset: number) => (string | null)[][]) => FeatureWindow;

function planNumeric(
  profile: NumericProfile,
  value: string,
  column: (sql: string) => number,
  param: (value: unknown) => string,
  sets: number[][],
): Reader {
  const steps = sketchSteps(profile.sketch).values;
  // Bins: width_bucket counts the edges ≤ x, which is the in-app bin index of [e(i−1), e(i)).
  const bin = profile.binning === "quantile" ? column(`width_bucket(${value}, ${param(profile.edges)}::float8[])`) : column(value);
  const stepsParam = param(steps);
  const step = column(`width_bucket(${value}, ${stepsParam}::float8[])`);
  const equal = column(`(${value} = (${stepsParam}::float8[])[width_bucket(${value}, ${stepsParam}::float8[])])`);
  sets.push([bin], [step, equal]);
  const n = (row: (string | null)[]) => Number(row.at(-1));
  return (rowsOfSet) => {
    const counts: NumericWindowCounts = { count: 0, missing: 0, counts: [], unseen: new Map(), sketchBelow: [], sketchAtOrBelow: [] };
    const binCount = profile.binning === "quantile" ? profile.edges.length + 1 : profile.values.length + 1;
    counts.counts = new Array<number>(binCount).fill(0);
    // Ascending values, so unseen ones are listed in the order the app's sorted walk meets them.
    const binRows = [...rowsOfSet(0)].sort((a, b) => (a[bin] === null ? 1 : b[bin] === null ? -1 : Number(a[bin]) - Number(b[bin])));
    for (const row of binRows) {
      const cell = row[bin];
      if (cell === null) counts.missing += n(row);
      else if (profile.binning === "quantile") counts.counts[Number(cell)] += n(row);
      else {
        const x = Number(cell);
        const index = profile.values.indexOf(x);
        if (index >= 0) counts.counts[index] += n(row);
        else {
          counts.counts[profile.values.length] += n(row);
          counts.unseen.set(String(x), n(row));
        }
      }
    }
    counts.count = counts.counts.reduce((a, b) => a + b, 0);
    // Per sketch step k: values with at most k steps ≤ them (x < u_k), plus those equal to u_k.
    const inBucket = new Array<number>(steps.length + 1).fill(0);
    const equalTo = new Array<number>(steps.length + 1).fill(0);
    for (const row of rowsOfSet(1)) {
      if (row[step] === null) continue;
      inBucket[Number(row[step])] += n(row);
      if (row[equal] === "true") equalTo[Number(row[step])] += n(row);
    }
    let below = 0;
    for (let k = 0; k < steps.length; k++) {
      below += inBucket[k];
      counts.sketchBelow.push(below);
      counts.sketchAtOrBelow.push(below + equalTo[k + 1]);
    }
    return { kind: "numeric", name: profile.name, counts };
  };
}

function planCategorical(profile: CategoricalProfile, text: string, column: (sql: string) => number, sets: number[][]): Reader {
  const value = column(text);
  sets.push([value]);
  return (rowsOfSet) => {
    const tally = new Map<string, number>();
    let missing = 0;
    for (const row of rowsOfSet(0)) {
      const n = Number(row.at(-1));
      if (row[value] === null) missing += n;
      else tally.set(row[value]!, n);
    }
    return { kind: "categorical", name: profile.name, tally: { tally, missing } };
  };
}

/**
 * `driftline drift <reference.csv> <current.csv>`: every comparable column's drift, raw against raw (exact
 * KS and Wasserstein). Kinds come from the reference: numbers are numeric, text and booleans categorical;
 * ids and dates are skipped. A current cell that is not a number in a numeric column counts as missing.
 */
import { readCsvColumns } from "@/lib/data/read-columns";
import { parseNumber } from "@/lib/data/values";
import { compareRaw, datasetDrift, type FeatureDrift } from "@/lib/drift";
import { parseNumberFlag } from "./flags";
import { UsageError, type CommandResult } from "./output";

export const DRIFT_USAGE = "driftline drift <reference.csv> <current.csv> [--bins N] [--json]";
export const driftOptions = { bins: { type: "string" } } as const;

export async function driftCommand(positionals: string[], flags: { bins?: string }): Promise<CommandResult> {
  if (positionals.length !== 2) throw new UsageError(`drift takes a reference and a current file. Usage: ${DRIFT_USAGE}`);
  const bins = parseNumberFlag(flags.bins, "--bins", { integer: true, min: 2, max: 100 }) ?? 10;
  const reference = await readCsvColumns(positionals[0], { collectTypeErrors: true });
  const current = await readCsvColumns(positionals[1], { collectTypeErrors: true });
  const rows = current.result.profile.rows;
  const features: FeatureDrift[] = [];
  for (const column of reference.result.columns) {
    if (column.type === "id" || column.type === "datetime") continue;
    const cells = current.columns[column.name] ?? new Array<string | null>(rows).fill(null);
    if (column.type === "numeric") {
      const toNumber = (cell: string | null) => (cell === null ? NaN : parseNumber(cell) ?? NaN);
      features.push(compareRaw(Float64Array.from(reference.columns[column.name], toNumber), Float64Array.from(cells, toNumber), "numeric", { name: column.name, bins }));
    } else {
      features.push(compareRaw(reference.columns[column.name], cells, "categorical", { name: column.name }));
    }
  }
  const { driftShare } = datasetDrift(features);
  const json = { features: features.map(contract), driftShare };
  const text = [
    `${current.result.file} against ${reference.result.file}: ${driftShare === null ? "no feature comparable" : `${(driftShare * 100).toFixed(0)}% of features drifted`}`,
    ...features.map((f) => `  ${f.name.padEnd(24)} ${f.kind.padEnd(11)} PSI ${f.psi === null ? "—" : f.psi.toFixed(4).padStart(7)}  ${f.severity ?? f.reason ?? ""}${f.dataQuality.length ? `  (${f.dataQuality.join("; ")})` : ""}`),
  ].join("\n");
  return { json, text };
}

/** The keys the CLI promises, in its order; statistics that do not apply to a kind are null. */
function contract(f: FeatureDrift) {
  return {
    name: f.name,
    kind: f.kind,
    psi: f.psi,
    jsDistance: f.jsDistance,
    ksStatistic: f.ksStatistic,
    ksPValue: f.ksPValue,
    wasserstein: f.wasserstein,
    wassersteinNormalized: f.wassersteinNormalized,
    chiSquare: f.chiSquare,
    chiSquarePValue: f.chiSquarePValue,
    missingRateReference: f.missingRateReference,
    missingRateCurrent: f.missingRateCurrent,
    unseenCategories: f.unseenCategories,
    severity: f.severity,
    reason: f.reason,
    dataQuality: f.dataQuality,
  };
}

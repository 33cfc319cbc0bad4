/** `driftline evaluate <file> --label COL --score COL`: the metrics of existing scores against labels. */
import { readCsvColumns } from "@/lib/data/read-columns";
import { parseNumber } from "@/lib/data/values";
import { AppError } from "@/lib/errors";
import { evaluate } from "@/lib/metrics";
import { invalidTarget, targetMapping } from "@/lib/data/target";
import { parseNumberFlag } from "./flags";
import { UsageError, type CommandResult } from "./output";

export const EVALUATE_USAGE = "driftline evaluate <file> --label COL --score COL [--positive V] [--threshold T] [--json]";

export const evaluateOptions = {
  label: { type: "string" },
  score: { type: "string" },
  positive: { type: "string" },
  threshold: { type: "string" },
} as const;

type Flags = Partial<Record<keyof typeof evaluateOptions, string>>;

export async function evaluateCommand(positionals: string[], flags: Flags): Promise<CommandResult> {
  if (positionals.length !== 1 || !flags.label || !flags.score) {
    throw new UsageError(`evaluate takes one file, --label and --score. Usage: ${EVALUATE_USAGE}`);
  }
  const threshold = parseNumberFlag(flags.threshold, "--threshold", { min: 0, max: 1 }) ?? 0.5;
  const label = flags.label;
  // Not read as a training target: labels of a single class are valid here (AUC is then null, with a reason).
  const { result, columns } = await readCsvColumns(positionals[0], { types: { [flags.score]: "numeric" } });
  if (!columns[label]) throw new AppError("unknown_column", `The label column "${label}" is not in ${result.file}.`, { file: result.file, column: label });
  const mapping = targetMapping([...new Set(columns[label].filter((v) => v !== null))], flags.positive, label);
  const labels = Uint8Array.from(columns[label], (cell, i) => {
    const value = cell === null ? null : mapping.label(cell);
    if (cell === null) {
      throw new AppError("missing_target", `Label column "${label}" is blank in row ${i + 1}.`, { file: result.file, row: i + 1, column: label });
    }
    if (value === null) throw invalidTarget(label, cell, mapping.positive, i + 1, result.file);
    return value;
  });
  const scores = Float64Array.from(columns[flags.score], (cell, i) => {
    const value = cell === null ? null : parseNumber(cell);
    if (value === null) {
      throw new AppError("missing_score", `Score column "${flags.score}" is blank in row ${i + 1}; every row needs a score.`, {
        file: result.file,
        row: i + 1,
        column: flags.score,
      });
    }
    return value;
  });
  const metrics = evaluate(labels, scores, { threshold });
  const fmt = (value: number | null) => (value === null ? "—" : value.toFixed(4));
  const text = [
    `${result.file}: ${metrics.n} rows, ${metrics.positives} positive ("${mapping.positive}")`,
    `ROC AUC ${fmt(metrics.rocAuc)}  PR AUC ${fmt(metrics.prAuc)}  log loss ${fmt(metrics.logLoss)}  Brier ${fmt(metrics.brier)}  ECE ${fmt(metrics.ece)}`,
    `at threshold ${threshold}: accuracy ${fmt(metrics.accuracy)}  precision ${fmt(metrics.precision)}  recall ${fmt(metrics.recall)}  F1 ${fmt(metrics.f1)}`,
    `confusion: TP ${metrics.confusion.tp}  FP ${metrics.confusion.fp}  FN ${metrics.confusion.fn}  TN ${metrics.confusion.tn}`,
    ...Object.entries(metrics.undefined).map(([metric, reason]) => `${metric}: undefined (${reason})`),
  ].join("\n");
  return { json: metrics, text };
}

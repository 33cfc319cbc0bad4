/** `driftline train <file>`: train on a CSV and print the held-out metrics and a model summary. */
import { readCsvColumns } from "@/lib/data/read-columns";
import { defaultFeatures } from "@/lib/training/features";
import { trainAndValidate } from "@/lib/training/train-and-validate";
import { modelSummary } from "@/lib/training/summary";
import type { EngineName } from "@/lib/model";
import { parseNumberFlag } from "./flags";
import { UsageError, type CommandResult } from "./output";

export const TRAIN_USAGE =
  "driftline train <file> --target COL [--positive V] [--id COL] [--engine cart|ml-cart] [--max-depth N] [--min-samples-leaf N] [--seed S] [--test-size F] [--json]";

export const trainOptions = {
  target: { type: "string" },
  positive: { type: "string" },
  id: { type: "string" },
  engine: { type: "string" },
  "max-depth": { type: "string" },
  "min-samples-leaf": { type: "string" },
  seed: { type: "string" },
  "test-size": { type: "string" },
} as const;

type Flags = Partial<Record<keyof typeof trainOptions, string>>;

export async function trainCommand(positionals: string[], flags: Flags): Promise<CommandResult> {
  if (positionals.length !== 1) throw new UsageError(`train takes one file. Usage: ${TRAIN_USAGE}`);
  if (!flags.target) throw new UsageError(`train needs --target. Usage: ${TRAIN_USAGE}`);
  const engine = (flags.engine ?? "cart") as EngineName;
  if (engine !== "cart" && engine !== "ml-cart") throw new UsageError(`--engine must be cart or ml-cart, got "${flags.engine}".`);
  const settings = {
    maxDepth: parseNumberFlag(flags["max-depth"], "--max-depth", { integer: true, min: 1 }) ?? 6,
    minSamplesLeaf: parseNumberFlag(flags["min-samples-leaf"], "--min-samples-leaf", { integer: true, min: 1 }) ?? 20,
    seed: parseNumberFlag(flags.seed, "--seed", { integer: true, min: 0 }) ?? 42,
    testSize: parseNumberFlag(flags["test-size"], "--test-size", { min: 0.01, max: 0.99 }) ?? 0.2,
  };

  const { result, columns } = await readCsvColumns(positionals[0], { target: flags.target, positive: flags.positive, id: flags.id });
  const target = result.profile.target!;
  const features = defaultFeatures(result.profile.columns, target.column, result.profile.idColumn);
  const { model, report } = trainAndValidate(columns, {
    target: target.column,
    positive: target.positive,
    features,
    engine,
    hyperparameters: { maxDepth: settings.maxDepth, minSamplesLeaf: settings.minSamplesLeaf },
    split: { kind: "stratified", testSize: settings.testSize, seed: settings.seed },
    threshold: 0.5,
  });
  const summary = modelSummary(model, report);
  const m = report.metrics;
  const text = [
    `${result.file}: trained on ${report.rows.train.toLocaleString("en")} rows, validated on ${report.rows.test.toLocaleString("en")} (seed ${settings.seed})`,
    `model: ${model.engine} (${summary.splitter ?? "ml-cart"}), depth ${summary.depth}, ${summary.leaves} leaves, ${features.length} features, ${summary.trainMs.toFixed(0)} ms`,
    `ROC AUC ${fmt(m.rocAuc)}  PR AUC ${fmt(m.prAuc)}  log loss ${fmt(m.logLoss)}  Brier ${fmt(m.brier)}  ECE ${fmt(m.ece)}`,
    `at threshold ${m.threshold}: accuracy ${fmt(m.accuracy)}  precision ${fmt(m.precision)}  recall ${fmt(m.recall)}  F1 ${fmt(m.f1)}`,
    `top features: ${summary.topFeatures.map((f) => `${f.feature} ${(f.importance * 100).toFixed(1)}%`).join(", ")}`,
    ...Object.entries(m.undefined).map(([metric, reason]) => `${metric}: undefined (${reason})`),
  ].join("\n");
  return { json: { ...m, model: summary }, text };
}

const fmt = (value: number | null) => (value === null ? "—" : value.toFixed(4));

/**
 * One training: split the rows, fit the model on the training part, score the held-out part and build
 * the validation report. Pure (no database): the pipeline's train and validate-model steps and the CLI
 * both call it.
 */
import { trainModel, type ModelJson } from "@/lib/model";
import { encodeLabels } from "@/lib/model/labels";
import { predictColumns, type CellColumns } from "./predict-columns";
import { buildReferenceProfile } from "./reference-profile";
import { buildReport } from "./report";
import { stratifiedSplit, timeSplit, type Split } from "./split";
import type { TrainingSettings, ValidationReport } from "./types";

export type TrainingPhase = "split" | "train" | "validate";

export interface TrainingOptions {
  onPhase?: (phase: TrainingPhase) => void;
  champion?: { modelVersionId: number; version: number; model: ModelJson } | null;
}

export function trainAndValidate(columns: CellColumns, settings: TrainingSettings, options: TrainingOptions = {}) {
  const { target, positive, split: splitSettings } = settings;
  options.onPhase?.("split");
  const { labels } = encodeLabels(columns[target], target, positive);
  const split: Split = splitSettings.kind === "stratified"
    ? stratifiedSplit(labels, splitSettings.testSize, splitSettings.seed)
    : timeSplit(columns[splitSettings.column], splitSettings.column, splitSettings.testSize);
  const names = [target, ...settings.features.map((f) => f.name)];
  const train = pick(columns, names, split.train);
  const test = pick(columns, names, split.test);

  options.onPhase?.("train");
  const { model, trainMs } = trainModel({
    columns: train,
    target,
    positive,
    features: settings.features,
    engine: settings.engine,
    hyperparameters: settings.hyperparameters,
  });

  options.onPhase?.("validate");
  const referenceProfile = buildReferenceProfile(settings.features, train, predictColumns(model, train).probabilities);
  const { probabilities, unseen } = predictColumns(model, test);
  const report: ValidationReport = buildReport({
    model,
    test,
    y: subset(labels, split.test),
    p: probabilities,
    trainRows: split.train.length,
    trainPositives: model.training.classCounts.positive,
    split: splitSettings,
    threshold: settings.threshold,
    trainMs,
    unseen,
    champion: options.champion ?? null,
  });
  return { model, report, referenceProfile };
}

function subset(labels: Uint8Array, rows: Int32Array): Uint8Array {
  const out = new Uint8Array(rows.length);
  rows.forEach((row, i) => (out[i] = labels[row]));
  return out;
}

function pick(columns: CellColumns, names: string[], rows: Int32Array): CellColumns {
  return Object.fromEntries(names.map((name) => [name, Array.from(rows, (row) => columns[name][row])]));
}

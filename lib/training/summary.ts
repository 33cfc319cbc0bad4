/** A short description of a trained model for the CLI and the model list. */
import { featureImportance, type ModelJson } from "@/lib/model";
import type { ValidationReport } from "./types";

export function modelSummary(model: ModelJson, report: ValidationReport) {
  const { tree } = model;
  const depthOf = (node: number): number => (tree.feature[node] < 0 ? 0 : 1 + Math.max(depthOf(tree.left[node]), depthOf(tree.right[node])));
  return {
    engine: model.engine,
    splitter: model.training.splitter,
    depth: depthOf(0),
    leaves: tree.feature.filter((feature) => feature < 0).length,
    nodes: tree.feature.length,
    features: model.features.map((f) => ({ name: f.name, kind: f.kind })),
    hyperparameters: model.training.hyperparameters,
    trainRows: report.rows.train,
    testRows: report.rows.test,
    trainMs: report.trainMs,
    topFeatures: featureImportance(model).slice(0, 5),
  };
}

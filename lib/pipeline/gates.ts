/**
 * Validation gates: absolute floors ("ROC AUC ≥ 0.75") and champion-relative ones ("not more than 0.01
 * below the champion on the same validation rows"). A metric that is undefined fails its gate: a model
 * whose quality cannot be measured is not promoted by default.
 */
import type { ValidationReport } from "@/lib/training/types";
import type { Gate, GateResult } from "./types";

export const DEFAULT_GATES: Gate[] = [
  { kind: "floor", metric: "rocAuc", min: 0.75 },
  { kind: "vs_champion", metric: "rocAuc", maxDrop: 0.01 },
];

const LABEL: Record<Gate["metric"], string> = {
  rocAuc: "ROC AUC",
  prAuc: "PR AUC",
  recall: "recall",
  precision: "precision",
  f1: "F1",
  accuracy: "accuracy",
};

export function evaluateGates(gates: Gate[], report: ValidationReport): GateResult[] {
  return gates.map((gate): GateResult => {
    const value = report.metrics[gate.metric];
    const name = LABEL[gate.metric];
    const shown = (v: number) => v.toFixed(4);
    if (value === null) {
      const reason = report.metrics.undefined[gate.metric] ?? "undefined";
      return { gate, passed: false, value, championValue: null, message: `${name} is undefined (${reason})` };
    }
    if (gate.kind === "floor") {
      const passed = value >= gate.min;
      return { gate, passed, value, championValue: null, message: `${name} ${shown(value)} ${passed ? "≥" : "<"} floor ${gate.min}` };
    }
    const championValue = report.champion?.metrics[gate.metric] ?? null;
    if (report.champion === null || championValue === null) {
      return { gate, passed: true, value, championValue, message: `${name}: no champion to compare with` };
    }
    const passed = value >= championValue - gate.maxDrop;
    const verdict = passed ? "within" : "more than";
    return {
      gate,
      passed,
      value,
      championValue,
      message: `${name} ${shown(value)} vs champion v${report.champion.version} ${shown(championValue)}: ${verdict} ${gate.maxDrop} below`,
    };
  });
}

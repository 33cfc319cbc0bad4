/**
 * The deploy step: with an automatic policy a version that passed every gate becomes champion; otherwise
 * it becomes challenger and the step says why it was not promoted (a failing gate, or a policy that waits
 * for a person).
 */
import type { Pipeline } from "@/db/schema";
import { promote, setAlias } from "./registry";
import type { GateResult } from "./types";

export function deploy(pipeline: Pipeline, version: { id: number; version: number }, gates: GateResult[], runId: number) {
  const actor = `run #${runId}`;
  const failed = gates.filter((gate) => !gate.passed);
  if (pipeline.deployPolicy === "auto" && failed.length === 0) {
    promote(version.id, actor, "all validation gates passed (automatic deployment)");
    return { promoted: true, message: `Promoted v${version.version} to champion: every gate passed.` };
  }
  setAlias(pipeline.id, "challenger", version.id, actor, "newest candidate");
  const why = failed.length > 0
    ? `a gate failed (${failed.map((gate) => gate.message).join("; ")})`
    : "the deployment policy waits for a person to promote";
  return { promoted: false, message: `v${version.version} is challenger, not champion: ${why}.` };
}

/**
 * The deploy step: with an automatic policy a version that passed every gate becomes champion; otherwise
 * it becomes challenger and the step says why it was not promoted (a failing gate, or a policy that waits
 * for a person). The alias move and the step's success are one transaction, so a process killed at any
 * point leaves either both or neither.
 */
import type { Pipeline } from "@/db/schema";
import { crashPoint } from "@/lib/crash-point";
import { promote, setAlias } from "./registry";
import { endStep } from "./store";
import type { GateResult } from "./types";

export function deploy(pipeline: Pipeline, version: { id: number; version: number }, gates: GateResult[], runId: number) {
  const actor = `run #${runId}`;
  const failed = gates.filter((gate) => !gate.passed);
  const complete = (promoted: boolean, message: string) => () => {
    endStep(runId, "deploy", { status: "succeeded", counts: { promoted: promoted ? 1 : 0 }, messages: [message] });
    crashPoint("deploy:write");
  };
  if (pipeline.deployPolicy === "auto" && failed.length === 0) {
    const message = `Promoted v${version.version} to champion: every gate passed.`;
    promote(version.id, actor, "all validation gates passed (automatic deployment)", false, complete(true, message));
    return { promoted: true, message };
  }
  const why = failed.length > 0
    ? `a gate failed (${failed.map((gate) => gate.message).join("; ")})`
    : "the deployment policy waits for a person to promote";
  const message = `v${version.version} is challenger, not champion: ${why}.`;
  setAlias(pipeline.id, "challenger", version.id, actor, "newest candidate", complete(false, message));
  return { promoted: false, message };
}

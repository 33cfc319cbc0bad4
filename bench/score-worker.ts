/**
 * Batch scoring in a process of its own, on the server benchmark database (DATABASE_PATH): a monitoring
 * run, as when a batch arrives, scores every customer of the latest batch with the champion, stores the
 * scores with their reasons in one transaction (writeScores), then measures drift against the stored
 * reference profile. Prints each step's seconds and the number of customers scored.
 */
import { getSqlite } from "@/db/client";
import { executeMonitoringRun, startMonitoringRuns } from "@/lib/pipeline/run-monitoring";
import { getRun, listRunSteps } from "@/lib/pipeline/store";
import { usage } from "./harness";

const latest = getSqlite().prepare("SELECT id, dataset_id AS datasetId FROM batches ORDER BY as_of DESC, id DESC LIMIT 1").get() as { id: number; datasetId: number };
const [runId] = startMonitoringRuns(latest.datasetId, latest.id);
if (runId === undefined) throw new Error("No pipeline scores the latest batch.");
await executeMonitoringRun(runId);
const run = getRun(runId)!;
if (run.status !== "succeeded") throw new Error(`The scoring run failed: ${run.error}`);
const steps = listRunSteps(runId);
const took = (name: string) => {
  const step = steps.find((s) => s.name === name)!;
  return (step.finishedAt!.getTime() - step.startedAt!.getTime()) / 1000;
};
const scored = steps.find((s) => s.name === "score")!.counts!.scored;
console.log(JSON.stringify({ scoreSeconds: took("score"), monitorSeconds: took("monitor"), scored, peakRssMb: usage().peakRssMb }));

/**
 * The opt-in in-process scheduler (DRIFTLINE_SCHEDULER=on) for a single self-hosted instance: the same
 * tick as the cron route, every minute on the minute (UTC). croner's `protect` skips a minute while the
 * previous tick still runs; the tick's slot row keeps it single even with a cron caller beside it.
 */
import { Cron } from "croner";
import { executeInChild } from "@/lib/pipeline/executors";
import { tick } from "./tick";

let job: Cron | null = null;

export function startScheduler(): void {
  if (job) return;
  job = new Cron("* * * * *", { timezone: "UTC", protect: true }, async () => {
    try {
      const result = await tick({ execute: executeInChild });
      if (result.status === "ran" && result.errors.length > 0) console.error(`Tick ${result.slot}:`, result.errors);
    } catch (error) {
      console.error("The scheduled tick failed:", error);
    }
  });
}

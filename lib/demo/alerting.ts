/**
 * The demo's alerting. Every pipeline starts with the default rules (PSI per feature at the dictionary's
 * thresholds, realised ROC AUC under the gate floor, failed runs); the demo adds one for the fibre problem,
 * which moves no input: realised recall below 0.55. Once the year is replayed, a webhook channel to the
 * local receiver (`npm run receiver`) goes on every rule: what fires from then on arrives there, while the
 * year's own alerts stay history rather than a burst of stale messages.
 */
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { alertRules, notificationChannels } from "@/db/schema";
import { RULE_DEFAULTS } from "@/lib/alerts/defaults";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { createChannel } from "@/lib/notify/channels";
import { DEMO_WEBHOOK_SECRET } from "./receiver";

export const RECALL_FLOOR = 0.55;
export const DEMO_CHANNEL = "Local receiver";

export function addRecallRule(pipelineId: number): void {
  getDb()
    .insert(alertRules)
    .values({ pipelineId, signal: "realised_metric", metric: "recall", operator: "<", warning: RECALL_FLOOR, critical: null, channels: [], ...RULE_DEFAULTS })
    .run();
}

/** Creates the webhook channel with the demo's public secret and routes every rule of the pipeline to it. */
export function connectReceiver(pipelineId: number, url: string, createdBy: string): number {
  const db = getDb();
  return db.transaction(() => {
    const { id } = createChannel({ kind: "webhook", name: DEMO_CHANNEL, url }, createdBy);
    // Public like the demo passwords, so the receiver checks signatures with no setup.
    db.update(notificationChannels).set({ sealedSecret: encryptSecret(DEMO_WEBHOOK_SECRET) }).where(eq(notificationChannels.id, id)).run();
    db.update(alertRules).set({ channels: [id] }).where(eq(alertRules.pipelineId, pipelineId)).run();
    return id;
  });
}

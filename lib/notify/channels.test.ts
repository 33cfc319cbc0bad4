import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { deliveryAttempts, notificationChannels, outbox } from "@/db/schema";
import { startReceiver, startSmtpSink } from "@/lib/test/receivers";
import { tempDir } from "@/lib/test/temp-files";
import { createChannel } from "./channels";
import { drainOutbox, enqueue } from "./outbox";
import type { NotificationPayload } from "./payload";
import { queueTestMessage } from "./test-message";

const tmp = tempDir();
beforeAll(() => {
  process.env.DATABASE_PATH = `${tmp.dir}/channels.db`;
  migrateDatabase();
});
afterAll(() => {
  closeDb();
  tmp.cleanup();
});

const payload = (title: string): NotificationPayload => ({
  kind: "firing",
  title,
  text: "PSI of MonthlyCharges 0.312 in batch #4 (warning >= 0.1, critical >= 0.25); firing",
  severity: "critical",
  link: "http://127.0.0.1:3000/drift?pipeline=1&feature=MonthlyCharges&batch=4",
  pipeline: { id: 1, name: "Telco churn" },
  rule: { id: 7, signal: "feature_psi", feature: "MonthlyCharges", metric: null },
  value: 0.312,
  alertEventId: null,
  runId: 12,
  batchId: 4,
  at: "2026-12-03T02:00:00.000Z",
});

const attemptsOf = (outboxId: number) => getDb().select().from(deliveryAttempts).where(eq(deliveryAttempts.outboxId, outboxId)).all();

describe("channels against real local servers", () => {
  it("webhook: a JSON POST whose HMAC-SHA256 over the body verifies with the secret shown once, with the timestamp header", async () => {
    const receiver = await startReceiver();
    try {
      const { id, signingSecret } = createChannel({ kind: "webhook", name: "ops hook", url: receiver.url }, "admin@driftline.local");
      expect(signingSecret).toMatch(/^whsec_/);
      const stored = getDb().select().from(notificationChannels).where(eq(notificationChannels.id, id)).get()!;
      expect(stored.sealedSecret).not.toContain(signingSecret);
      const now = new Date("2026-12-03T02:00:05Z");
      const [outboxId] = enqueue([id], null, payload("Telco churn: PSI of MonthlyCharges critical"), now);
      expect(await drainOutbox({ now })).toEqual({ delivered: 1, retrying: 0, failed: 0 });

      const [request] = receiver.requests;
      expect(request.method).toBe("POST");
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["x-driftline-timestamp"]).toBe(String(now.getTime() / 1000));
      const expected = `sha256=${createHmac("sha256", signingSecret!).update(request.body).digest("hex")}`;
      expect(request.headers["x-driftline-signature"]).toBe(expected);
      const body = JSON.parse(request.body);
      expect(body).toMatchObject({ timestamp: now.getTime() / 1000, deliveryId: outboxId, title: "Telco churn: PSI of MonthlyCharges critical", severity: "critical", value: 0.312 });
      expect(attemptsOf(outboxId)).toMatchObject([{ ok: true, statusCode: 200, error: null }]);
    } finally {
      await receiver.close();
    }
  });

  it("Slack: an incoming-webhook message with text and blocks linking back to the chart", async () => {
    const receiver = await startReceiver();
    try {
      const { id, signingSecret } = createChannel({ kind: "slack", name: "slack #ml", url: receiver.url }, "admin@driftline.local");
      expect(signingSecret).toBeNull();
      const now = new Date("2026-12-03T02:00:05Z");
      enqueue([id], null, payload("Telco churn: <b>PSI</b> & more"), now);
      await drainOutbox({ now });
      const body = JSON.parse(receiver.requests[0].body);
      expect(body.text).toContain("http://127.0.0.1:3000/drift?pipeline=1&feature=MonthlyCharges&batch=4");
      expect(body.blocks[0]).toMatchObject({ type: "section", text: { type: "mrkdwn" } });
      expect(body.blocks[0].text.text).toContain("&lt;b&gt;PSI&lt;/b&gt; &amp; more");
      expect(body.blocks[1].elements[0].text).toContain("<http://127.0.0.1:3000/drift?pipeline=1&feature=MonthlyCharges&batch=4|Open in Driftline>");
    } finally {
      await receiver.close();
    }
  });

  it("email: SMTP with a sealed password, delivered to every recipient", async () => {
    const sink = await startSmtpSink({ user: "alerts", password: "smtp-pass-1" });
    try {
      const { id } = createChannel(
        { kind: "email", name: "ml team mail", host: "127.0.0.1", port: sink.port, secure: false, user: "alerts", password: "smtp-pass-1", from: "driftline@example.com", to: "ana@example.com, ben@example.com" },
        "admin@driftline.local",
      );
      const stored = getDb().select().from(notificationChannels).where(eq(notificationChannels.id, id)).get()!;
      expect(JSON.stringify(stored)).not.toContain("smtp-pass-1");
      const now = new Date();
      enqueue([id], null, payload("Telco churn: run failed"), now);
      expect(await drainOutbox({ now })).toMatchObject({ delivered: 1 });
      expect(sink.messages).toHaveLength(1);
      expect(sink.messages[0]).toMatchObject({ from: "driftline@example.com", to: ["ana@example.com", "ben@example.com"], user: "alerts" });
      expect(sink.messages[0].data).toContain("Subject: [Driftline] Telco churn: run failed");
    } finally {
      await sink.close();
    }
  });

  it("a wrong SMTP password is a recorded failed attempt with the server's reply code", async () => {
    const sink = await startSmtpSink({ user: "alerts", password: "right" });
    try {
      const { id } = createChannel({ kind: "email", name: "bad password", host: "127.0.0.1", port: sink.port, secure: false, user: "alerts", password: "wrong", from: "d@example.com", to: "a@example.com" }, "admin");
      const now = new Date();
      const [outboxId] = enqueue([id], null, payload("x"), now);
      expect(await drainOutbox({ now })).toMatchObject({ retrying: 1 });
      expect(attemptsOf(outboxId)[0]).toMatchObject({ ok: false, statusCode: 535 });
    } finally {
      await sink.close();
    }
  });

  it("retries a receiver that is down with backoff, recording each attempt, and delivers once it is up", async () => {
    const probe = await startReceiver();
    const port = probe.port;
    await probe.close(); // the receiver is down: nothing listens on this port
    const { id } = createChannel({ kind: "webhook", name: "flaky receiver", url: `http://127.0.0.1:${port}/hook` }, "admin");
    const t0 = new Date("2026-12-03T02:00:00Z");
    const [outboxId] = enqueue([id], null, payload("down then up"), t0);

    expect(await drainOutbox({ now: t0 })).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    let entry = getDb().select().from(outbox).where(eq(outbox.id, outboxId)).get()!;
    expect(entry).toMatchObject({ status: "pending", attempts: 1, nextAttemptAt: new Date(t0.getTime() + 30_000) });
    expect(entry.lastError).toMatch(/fetch failed|ECONNREFUSED/);
    // Not due yet: a drain 10 s later leaves it alone.
    expect(await drainOutbox({ now: new Date(t0.getTime() + 10_000) })).toEqual({ delivered: 0, retrying: 0, failed: 0 });

    const receiver = await startReceiver(port);
    try {
      receiver.respondWith(503);
      expect(await drainOutbox({ now: new Date(t0.getTime() + 30_000) })).toMatchObject({ retrying: 1 });
      entry = getDb().select().from(outbox).where(eq(outbox.id, outboxId)).get()!;
      expect(entry.nextAttemptAt).toEqual(new Date(t0.getTime() + 30_000 + 60_000));
      receiver.respondWith(200);
      expect(await drainOutbox({ now: new Date(t0.getTime() + 90_000) })).toMatchObject({ delivered: 1 });
      expect(attemptsOf(outboxId).map((a) => [a.ok, a.statusCode])).toEqual([[false, null], [false, 503], [true, 200]]);
      expect(receiver.requests).toHaveLength(2);
      // Delivered rows are never sent again.
      expect(await drainOutbox({ now: new Date(t0.getTime() + 10 * 3600_000) })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    } finally {
      await receiver.close();
    }
  });

  it("two drains at once send a delivery once", async () => {
    const receiver = await startReceiver();
    try {
      const { id } = createChannel({ kind: "webhook", name: "concurrent drains", url: receiver.url }, "admin");
      const now = new Date();
      enqueue([id], null, payload("once"), now);
      await Promise.all([drainOutbox({ now }), drainOutbox({ now }), drainOutbox({ now })]);
      expect(receiver.requests).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it("a test message goes through the outbox and says whether it arrived", async () => {
    const receiver = await startReceiver();
    try {
      const { id } = createChannel({ kind: "webhook", name: "test target", url: receiver.url }, "admin");
      const result = await queueTestMessage(id, "admin@driftline.local");
      expect(result).toMatchObject({ ok: true });
      expect(JSON.parse(receiver.requests[0].body)).toMatchObject({ kind: "test" });
      receiver.respondWith(500);
      expect(await queueTestMessage(id, "admin@driftline.local")).toMatchObject({ ok: false, error: expect.stringContaining("HTTP 500") });
    } finally {
      await receiver.close();
    }
  });
});

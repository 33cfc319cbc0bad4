import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "@/lib/test/temp-files";
import { startReceiver, type Receiver } from "./receiver";

const SECRET = "a-channel-secret";
const tmp = tempDir();
const file = join(tmp.dir, "messages.jsonl");
const logged: string[] = [];
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver({ port: 0, secret: SECRET, file, log: (line) => logged.push(line) });
});
afterAll(async () => {
  await receiver.close();
  tmp.cleanup();
});

function send(payload: object, { secret = SECRET, timestamp = Math.floor(Date.now() / 1000) } = {}) {
  const body = JSON.stringify({ timestamp, ...payload });
  const signature = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
  return fetch(`${receiver.url}/driftline`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-driftline-signature": signature, "x-driftline-timestamp": String(timestamp), "x-driftline-delivery": "7" },
    body,
  });
}

describe("the local webhook receiver", () => {
  it("keeps and prints a correctly signed message", async () => {
    const response = await send({ kind: "firing", severity: "critical", title: "PSI of PaymentMethod", text: "PSI 0.31 ≥ 0.25", pipeline: { id: 1, name: "Telco churn" } });
    expect(response.status).toBe(200);
    expect(receiver.messages).toHaveLength(1);
    expect(receiver.messages[0]).toMatchObject({ path: "/driftline", delivery: "7", payload: { kind: "firing", title: "PSI of PaymentMethod" } });
    expect(logged.at(-1)).toContain("firing (critical) Telco churn: PSI of PaymentMethod");
    expect(JSON.parse(readFileSync(file, "utf8").trim()).payload.text).toBe("PSI 0.31 ≥ 0.25");
    const listed = await (await fetch(`${receiver.url}/messages`)).json();
    expect(listed).toEqual(receiver.messages);
  });

  it("refuses a message signed with another secret, and keeps nothing", async () => {
    const response = await send({ kind: "firing" }, { secret: "someone-else" });
    expect(response.status).toBe(401);
    expect((await response.json()).error).toBe("the signature does not match this secret");
    expect(receiver.messages).toHaveLength(1);
  });

  it("refuses a correctly signed message from ten minutes ago", async () => {
    const response = await send({ kind: "firing" }, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(response.status).toBe(401);
    expect(receiver.messages).toHaveLength(1);
  });
});

/**
 * `npm run receiver`: a local webhook receiver for Driftline's alert notifications (lib/demo/receiver.ts).
 * The demo workspace's "Local receiver" channel points at it with the demo secret.
 *   npm run receiver -- [--port 4100] [--secret S] [--out data/receiver/messages.jsonl]
 */
import { parseArgs } from "node:util";
import { DEMO_RECEIVER_PORT, DEMO_WEBHOOK_SECRET, startReceiver } from "@/lib/demo/receiver";

const { values } = parseArgs({ options: { port: { type: "string" }, secret: { type: "string" }, out: { type: "string" } } });
const port = Number(values.port ?? DEMO_RECEIVER_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a port number, got "${values.port}".`);
  process.exit(2);
}
const file = values.out ?? "data/receiver/messages.jsonl";
const receiver = await startReceiver({ port, secret: values.secret ?? DEMO_WEBHOOK_SECRET, file });
console.log(`Receiving Driftline webhooks at ${receiver.url}/ (signatures checked; kept in ${file} and at ${receiver.url}/messages). Ctrl-C stops.`);

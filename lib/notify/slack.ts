/** Slack incoming webhooks: `text` for notifications and clients without blocks, blocks for the message itself. */
import type { NotificationPayload } from "./payload";
import { postJson, type DeliveryResult } from "./webhook";

const ICON = { ok: ":large_green_circle:", warning: ":warning:", critical: ":red_circle:" } as const;

/** Slack's mrkdwn treats &, < and > as markup: escape them in our text. */
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function slackMessage(payload: NotificationPayload) {
  const title = `${ICON[payload.severity]} ${payload.title}`;
  return {
    text: `${payload.title} ${payload.link}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${escape(title)}*\n${escape(payload.text)}` } },
      { type: "context", elements: [{ type: "mrkdwn", text: `<${payload.link}|Open in Driftline> · ${payload.at}` }] },
    ],
  };
}

export function sendSlack(url: string, payload: NotificationPayload): Promise<DeliveryResult> {
  return postJson(url, JSON.stringify(slackMessage(payload)));
}

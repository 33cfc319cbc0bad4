/** Email over SMTP with nodemailer: a plain-text message with the link back. */
import nodemailer from "nodemailer";
import type { NotificationPayload } from "./payload";
import type { DeliveryResult } from "./webhook";

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  from: string;
  to: string;
}

export async function sendEmail(settings: SmtpSettings, password: string | null, payload: NotificationPayload): Promise<DeliveryResult> {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: password ?? "" } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    await transport.sendMail({
      from: settings.from,
      to: settings.to,
      subject: `[Driftline] ${payload.title}`,
      text: `${payload.text}\n\n${payload.link}\n\n${payload.at}`,
    });
    return { ok: true, statusCode: 250, error: null };
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    return { ok: false, statusCode: typeof code === "number" ? code : null, error: error instanceof Error ? error.message : String(error) };
  } finally {
    transport.close();
  }
}

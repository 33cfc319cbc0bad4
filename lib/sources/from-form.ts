/**
 * A checked source form as stored settings and as a connection. The password is sealed here; a blank
 * password keeps the stored one (the form never receives it), and "clear" removes it.
 */
import type { NewSource, Source } from "@/db/schema";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import type { SourceForm } from "@/lib/validation/sources";
import type { Connection, SourceConfig } from "./types";

export function configOf(form: SourceForm): SourceConfig {
  return form.kind === "sqlite"
    ? { kind: "sqlite", path: form.path! }
    : { kind: "postgres", host: form.host!, port: form.port ?? 5432, database: form.database!, user: form.user!, ssl: form.ssl };
}

function sealedSecretOf(form: SourceForm, existing: Source | null): string | null {
  if (form.kind === "sqlite" || form.clearPassword) return null;
  if (form.password !== "") return encryptSecret(form.password);
  return existing?.sealedSecret ?? null;
}

export function sourceValues(form: SourceForm, existing: Source | null, datasetId: number): Omit<NewSource, "id"> {
  return {
    name: form.name,
    kind: form.kind,
    config: configOf(form),
    sealedSecret: sealedSecretOf(form, existing),
    query: form.query,
    rowLimit: form.rowLimit,
    statementTimeoutMs: form.statementTimeoutSeconds * 1000,
    schedule: form.schedule,
    datasetId,
    targetColumn: form.targetColumn,
    positiveValue: form.positiveValue,
    idColumn: form.idColumn,
    pushdownThreshold: form.pushdownThreshold,
    scoreTable: form.scoreTable,
  };
}

/** The connection the form describes, for "Test connection" and "Preview" before anything is saved. */
export function connectionFromForm(form: SourceForm, existing: Source | null): Connection {
  const config = configOf(form);
  const statementTimeoutMs = form.statementTimeoutSeconds * 1000;
  if (config.kind === "sqlite") return { ...config, statementTimeoutMs };
  const sealed = sealedSecretOf({ ...form, password: "" }, existing);
  return { ...config, password: form.password !== "" ? form.password : sealed ? decryptSecret(sealed) : null, statementTimeoutMs };
}

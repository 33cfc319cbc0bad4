"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { audit } from "@/lib/audit/audit";
import { PERMISSIONS, requireRole } from "@/lib/auth/guard";
import { launchRun } from "@/lib/pipeline/launch-run";
import { startMonitoringRuns } from "@/lib/pipeline/run-monitoring";
import { checkColumns, type ColumnNeeds } from "@/lib/sources/check-columns";
import { readRows, testConnection } from "@/lib/sources/connect";
import { extractSource } from "@/lib/sources/extract";
import { connectionFromForm, sourceValues } from "@/lib/sources/from-form";
import { columnNeeds, ensureDatasetId, getSource, insertSource, updateSource } from "@/lib/sources/store";
import { sourceFormSchema, type SourceForm } from "@/lib/validation/sources";
import { failure, type FormState } from "./form-state";

const SOURCES_PAGE = "/data/sources";
const PREVIEW_ROWS = 20;

export interface SourceFormState extends FormState {
  preview?: { columns: string[]; rows: (string | null)[][] };
}

/** The submitted fields without the password, which never travels back to the browser. */
function echo(formData: FormData): Record<string, unknown> {
  const values = Object.fromEntries(formData.entries());
  delete values.password;
  return values;
}

function parse(formData: FormData): { data: SourceForm } | { state: SourceFormState } {
  const parsed = sourceFormSchema.safeParse(Object.fromEntries(formData.entries()));
  if (parsed.success) return { data: parsed.data };
  return { state: { ok: false, message: "Some fields need attention.", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>, values: echo(formData) } };
}

/** Creates or updates a source; a new one opens its own page, where it can be tested and extracted. */
export async function saveSource(_previous: SourceFormState, formData: FormData): Promise<SourceFormState> {
  let createdId: number | null = null;
  try {
    const user = await requireRole(...PERMISSIONS["manage-sources"]);
    const parsed = parse(formData);
    if ("state" in parsed) return parsed.state;
    const form = parsed.data;
    const existing = form.sourceId === null ? null : getSource(form.sourceId);
    const values = sourceValues(form, existing, ensureDatasetId(form.dataset));
    if (existing) {
      updateSource(existing.id, values);
      audit(user, "source.updated", "source", existing.id, { name: form.name, kind: form.kind, passwordChanged: form.password !== "" || form.clearPassword });
    } else {
      createdId = insertSource(values);
      audit(user, "source.created", "source", createdId, { name: form.name, kind: form.kind });
    }
    revalidatePath(SOURCES_PAGE);
    if (existing) return { ok: true, message: "Source saved." };
  } catch (error) {
    return failure(error, echo(formData));
  }
  redirect(`${SOURCES_PAGE}/${createdId}`);
}

/** Connects with the form's settings (the stored password when the field is blank) without saving. */
export async function testSourceConnection(_previous: SourceFormState, formData: FormData): Promise<SourceFormState> {
  try {
    await requireRole(...PERMISSIONS["manage-sources"]);
    const parsed = parse(formData);
    if ("state" in parsed) return parsed.state;
    const existing = parsed.data.sourceId === null ? null : getSource(parsed.data.sourceId);
    return { ok: true, message: await testConnection(connectionFromForm(parsed.data, existing)), values: echo(formData) };
  } catch (error) {
    return failure(error, echo(formData));
  }
}

/** The query's first rows, checked for the columns the target, id and pipelines need; nothing is stored. */
export async function previewSource(_previous: SourceFormState, formData: FormData): Promise<SourceFormState> {
  try {
    await requireRole(...PERMISSIONS["manage-sources"]);
    const parsed = parse(formData);
    if ("state" in parsed) return parsed.state;
    const form = parsed.data;
    const existing = form.sourceId === null ? null : getSource(form.sourceId);
    const result = await readRows(connectionFromForm(form, existing), form.query, PREVIEW_ROWS);
    const needs: ColumnNeeds = columnNeeds({ id: existing?.id ?? 0, targetColumn: form.targetColumn, idColumn: form.idColumn });
    checkColumns(result, needs);
    const more = result.truncated ? ` (the query returns more; extraction reads up to ${form.rowLimit})` : "";
    return { ok: true, message: `First ${result.rows.length} rows of ${result.columns.length} columns${more}.`, preview: { columns: result.columns, rows: result.rows }, values: echo(formData) };
  } catch (error) {
    return failure(error, echo(formData));
  }
}

/** Extracts a batch now (as of now) and monitors it for the pipelines that score its dataset. */
export async function extractSourceNow(_previous: SourceFormState, formData: FormData): Promise<SourceFormState> {
  try {
    const user = await requireRole(...PERMISSIONS["manage-sources"]);
    const id = z.coerce.number().int().positive().safeParse(formData.get("sourceId"));
    if (!id.success) return { ok: false, message: "Save the source first." };
    const source = getSource(id.data);
    const stored = await extractSource(source);
    audit(user, "batch.imported", "batch", stored.batchId, { source: source.name, rows: stored.profile.rows });
    // Off this process, like an upload's monitoring runs: the runs' pages show their progress.
    for (const runId of startMonitoringRuns(stored.datasetId, stored.batchId)) launchRun(runId, "monitoring");
    revalidatePath(SOURCES_PAGE);
    revalidatePath("/data");
    return { ok: true, message: `Batch #${stored.batchId} stored: ${stored.profile.rows} rows.${stored.truncated ? ` The query returns more than the row limit of ${source.rowLimit}.` : ""}` };
  } catch (error) {
    revalidatePath(SOURCES_PAGE);
    return failure(error);
  }
}

/** Stores an uploaded file as a batch in one transaction, streaming progress as NDJSON. */
import { audit } from "@/lib/audit/audit";
import { PERMISSIONS, withRole } from "@/lib/auth/guard";
import { importCsvBatch } from "@/lib/data/import-batch";
import { launchRun } from "@/lib/pipeline/launch-run";
import { startMonitoringRuns } from "@/lib/pipeline/run-monitoring";
import { parseJsonBody } from "@/lib/http/body";
import { errorResponse, ndjsonResponse, throttle } from "@/lib/http/ndjson";
import { deleteUpload, getUpload } from "@/lib/uploads/store";
import { importRequestSchema } from "@/lib/validation/upload";

export const POST = withRole(PERMISSIONS["upload-data"], async (request, { params }: { params: Promise<{ id: string }> }, user) => {
  try {
    const upload = getUpload((await params).id);
    const { asOf, ...options } = await parseJsonBody(request, importRequestSchema);
    return ndjsonResponse(async (send) => {
      const progress = throttle(send);
      const stored = await importCsvBatch(upload.path, {
        ...options,
        label: upload.name,
        source: "upload",
        asOf: asOf ? new Date(asOf) : undefined,
        onProgress: (p) => progress({ type: "progress", ...p }),
      });
      deleteUpload(upload.id);
      audit(user, "batch.imported", "batch", stored.batchId, { dataset: options.dataset, file: upload.name, rows: stored.profile.rows });
      // Off the request and this process, like "Run now": the runs' pages show their progress.
      const monitoringRuns = startMonitoringRuns(stored.datasetId, stored.batchId);
      for (const runId of monitoringRuns) launchRun(runId, "monitoring");
      return { batchId: stored.batchId, rows: stored.profile.rows, monitoringRuns };
    });
  } catch (error) {
    return errorResponse(error);
  }
});

/** Profiles an uploaded file without storing it, streaming progress as NDJSON. */
import { PERMISSIONS, withRole } from "@/lib/auth/guard";
import { ingestCsv } from "@/lib/data/ingest";
import { errorResponse, ndjsonResponse, throttle } from "@/lib/http/ndjson";
import { getUpload } from "@/lib/uploads/store";
import { analyzeRequestSchema } from "@/lib/validation/upload";
import { parseJsonBody } from "@/lib/http/body";

export const POST = withRole(PERMISSIONS["upload-data"], async (request, { params }: { params: Promise<{ id: string }> }) => {
  try {
    const upload = getUpload((await params).id);
    const options = await parseJsonBody(request, analyzeRequestSchema);
    return ndjsonResponse(async (send) => {
      const progress = throttle(send);
      const result = await ingestCsv(upload.path, {
        ...options,
        label: upload.name,
        collectTypeErrors: true,
        onProgress: (p) => progress({ type: "progress", ...p }),
      });
      return { result };
    });
  } catch (error) {
    return errorResponse(error);
  }
});

/** One customer's latest score per pipeline and their score history; API keys only. */
import { parseCustomerId } from "@/lib/scores-api/params";
import { getCustomerScores } from "@/lib/scores-api/query";
import { withApiKey } from "@/lib/scores-api/with-api-key";

export const dynamic = "force-dynamic";

export const GET = withApiKey(async (_request: Request, { params }: { params: Promise<{ customerId: string }> }) =>
  Response.json(getCustomerScores(parseCustomerId((await params).customerId))),
);

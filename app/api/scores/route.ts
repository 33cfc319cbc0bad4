/** The latest scores of each pipeline, for marketing tools; API keys only (see README, "Scores API"). */
import { parseListParams } from "@/lib/scores-api/params";
import { listLatestScores } from "@/lib/scores-api/query";
import { withApiKey } from "@/lib/scores-api/with-api-key";

export const dynamic = "force-dynamic";

export const GET = withApiKey((request: Request) => Response.json(listLatestScores(parseListParams(new URL(request.url).searchParams))));

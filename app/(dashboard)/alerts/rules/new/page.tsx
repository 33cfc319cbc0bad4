import { notFound } from "next/navigation";
import { RuleForm } from "@/components/alerts/rule-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PERMISSIONS, requirePageRole } from "@/lib/auth/guard";
import { listChannels } from "@/lib/notify/channels";
import { getPipelineById } from "@/lib/pipeline/store";
import { RULE_DEFAULTS } from "@/lib/alerts/defaults";

export const dynamic = "force-dynamic";
export const metadata = { title: "New alert rule" };

export default async function NewRulePage({ searchParams }: { searchParams: Promise<{ pipeline?: string }> }) {
  await requirePageRole(...PERMISSIONS["configure-alerts"]);
  const id = Number((await searchParams).pipeline);
  const pipeline = Number.isSafeInteger(id) ? getPipelineById(id) : undefined;
  if (!pipeline) notFound();
  return (
    <>
      <PageHeader title={`New alert rule for ${pipeline.name}`} description="Choose the signal, when it is a warning or critical, and who hears about it." />
      <Card>
        <RuleForm
          target={{ pipelineId: pipeline.id }}
          initial={{ signal: "drift_share", feature: pipeline.features[0]?.name ?? null, metric: "rocAuc", operator: ">=", warning: null, critical: null, channels: [], retrain: false, enabled: true, ...RULE_DEFAULTS }}
          features={pipeline.features.map((f) => f.name)}
          channels={listChannels()}
          blankMeans={null}
        />
      </Card>
    </>
  );
}

import { notFound } from "next/navigation";
import { CalibrationPanel, LiftPanel } from "@/components/report/calibration-lift-panels";
import { ComparisonTable } from "@/components/report/comparison-table";
import { ConfusionMatrix } from "@/components/report/confusion-matrix";
import { PrPanel, RocPanel } from "@/components/report/curve-panels";
import { HeadlineMetrics } from "@/components/report/headline-metrics";
import { ImportancePanel } from "@/components/report/importance-panel";
import { ReportHeader } from "@/components/report/report-header";
import { RulesTable } from "@/components/report/rules-table";
import { TrainingDetails } from "@/components/report/training-details";
import { UnseenCategories } from "@/components/report/unseen-categories";
import { PromotePanel } from "@/components/models/promote-panel";
import { Card } from "@/components/ui/card";
import { can, PERMISSIONS, requirePageRole } from "@/lib/auth/guard";
import { getModelVersion } from "@/lib/queries/models";

export const dynamic = "force-dynamic";

/** The validation report: what an analyst reads before promoting a model version. */
export default async function ModelVersionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageRole(...PERMISSIONS.read);
  const id = Number((await params).id);
  const found = Number.isSafeInteger(id) ? getModelVersion(id) : undefined;
  if (!found) notFound();
  const { version, pipelineName, decisionThreshold, aliases } = found;
  const { report, model } = version;
  return (
    <>
      <ReportHeader
        pipelineName={pipelineName}
        decisionThreshold={decisionThreshold}
        version={version.version}
        aliases={aliases}
        createdAt={version.createdAt}
        engine={version.engine}
        target={model.target}
        report={report}
      />
      <Card title="Validation gates and promotion" className="mb-6">
        <PromotePanel
          versionId={version.id}
          gates={version.gateResults ?? []}
          isChampion={aliases.includes("champion")}
          canPromote={can(user.role, "promote")}
          canOverride={can(user.role, "promote-past-failing-gate")}
        />
      </Card>
      <HeadlineMetrics report={report} decisionThreshold={decisionThreshold} />
      <Card title="Compared with the baseline and the champion" className="mb-6">
        <ComparisonTable report={report} />
      </Card>
      <div className="mb-6 grid grid-cols-1 gap-6 xl:grid-cols-2">
        <RocPanel report={report} />
        <PrPanel report={report} />
        <CalibrationPanel report={report} />
        <LiftPanel report={report} />
      </div>
      <Card title="Confusion matrix" className="mb-6">
        <ConfusionMatrix rows={report.thresholds} decisionThreshold={decisionThreshold} />
      </Card>
      <ImportancePanel report={report} dictionary={version.featureDictionary} />
      <Card title="The tree as rules" className="mb-6">
        <RulesTable rules={report.rules} target={model.target} />
      </Card>
      <UnseenCategories unseen={report.unseen} />
      <Card title="Training settings">
        <TrainingDetails report={report} training={model.training} />
      </Card>
    </>
  );
}

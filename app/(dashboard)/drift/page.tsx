import Link from "next/link";
import { DistributionPanel } from "@/components/drift/distribution-panel";
import { DriftFilters } from "@/components/drift/drift-filters";
import { DriftSharePanel } from "@/components/drift/drift-share-panel";
import { FeatureDriftTable } from "@/components/drift/feature-drift-table";
import { PerformancePanel } from "@/components/drift/performance-panel";
import { PsiHeatmap } from "@/components/drift/psi-heatmap";
import { PsiHistoryPanel } from "@/components/drift/psi-history-panel";
import { batchLabel, psiSeries } from "@/components/drift/severity";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PERMISSIONS, requirePageRole } from "@/lib/auth/guard";
import { PREDICTION_FEATURE } from "@/lib/pipeline/monitor-step";
import { getBatchDrift, getDriftCells, listDriftPipelines, listMonitoredBatches } from "@/lib/queries/drift";
import { getPerformanceHistory } from "@/lib/queries/performance";
import { driftViewSchema, periodStart } from "@/lib/validation/drift";

export const dynamic = "force-dynamic";
export const metadata = { title: "Drift" };

/**
 * More columns than anyone can read: two years of daily batches made the page 13 MB of links. The charts
 * keep every batch of the period; the batch list reaches the older ones.
 */
const HEATMAP_BATCHES = 60;

const DESCRIPTION = "How each new batch differs from the data the champion model was trained on.";

export default async function DriftPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole(...PERMISSIONS.read);
  const params = await searchParams;
  const view = driftViewSchema.parse(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const pipelines = listDriftPipelines();
  const pipeline = pipelines.find((p) => p.id === view.pipeline) ?? pipelines[0];
  const monitored = pipeline ? listMonitoredBatches(pipeline.id, periodStart(view.period)) : [];
  if (!pipeline || monitored.length === 0) {
    return (
      <>
        <PageHeader title="Drift" description={DESCRIPTION} />
        <EmptyState title={pipeline ? "No batches in this period" : "No drift results yet"} action={pipeline && <Link className="text-sky-700 underline" href={`/drift?pipeline=${pipeline.id}`}>Show all batches</Link>}>
          Drift is measured when a batch arrives for a pipeline with a champion model: PSI per feature over time,
          distribution overlays, and the score distribution. {pipeline ? "None of this pipeline's monitored batches falls in the chosen period." : "Nothing has been monitored yet."}
        </EmptyState>
      </>
    );
  }
  const latestBatch = monitored[monitored.length - 1];
  const batch = monitored.find((b) => b.id === view.batch) ?? latestBatch;
  const recent = monitored.slice(-HEATMAP_BATCHES);
  const heatmap = getDriftCells(pipeline.id, recent);
  const latest = getBatchDrift(pipeline.id, latestBatch.id)!;
  const selected = batch.id === latestBatch.id ? latest : getBatchDrift(pipeline.id, batch.id)!;
  // Without a choice, open the feature that moved most in the latest batch: the one worth looking at first.
  const worst = [...latest.features].sort((a, b) => (b.psi ?? -1) - (a.psi ?? -1))[0]?.name;
  const fallback = worst ?? PREDICTION_FEATURE;
  let feature = view.feature ?? fallback;
  let series = getDriftCells(pipeline.id, monitored, [feature, PREDICTION_FEATURE]).cells;
  // A feature asked for but never measured in the period (a model's old feature, a mistyped link): the default instead.
  if (feature !== fallback && series.get(feature)!.every((cell) => cell === null)) {
    feature = fallback;
    series = getDriftCells(pipeline.id, monitored, [feature, PREDICTION_FEATURE]).cells;
  }
  // Older batches may have measured a feature the heatmap's latest ones no longer have; it stays choosable.
  const features = heatmap.features.includes(feature) || feature === PREDICTION_FEATURE ? heatmap.features : [...heatmap.features, feature];
  const labels = monitored.map(batchLabel);
  const featureDrift = feature === PREDICTION_FEATURE ? selected.prediction : selected.features.find((f) => f.name === feature);
  const featureLabel = feature === PREDICTION_FEATURE ? "the score" : feature;
  return (
    <>
      <PageHeader title="Drift" description={`${pipeline.name} · ${monitored.length} monitored batches. ${DESCRIPTION}`} />
      <DriftFilters view={view} pipelines={pipelines} current={{ pipeline: pipeline.id, feature, batch: batch.id }}
        features={[...features, PREDICTION_FEATURE]} batches={monitored.map((b, i) => ({ id: b.id, label: labels[i] }))} />
      <div className="mb-6 grid grid-cols-1 gap-4 xl:grid-cols-3">
        <Card title="PSI by feature and batch" className="xl:col-span-2">
          <PsiHeatmap batches={recent} {...heatmap} hidden={monitored.length - recent.length} pipelineId={pipeline.id} period={view.period} selected={{ feature, batch: batch.id }} />
        </Card>
        <Card title="Dataset drift share"><DriftSharePanel labels={labels} shares={monitored.map((b) => b.driftShare)} /></Card>
      </div>
      <div className="mb-6 grid grid-cols-1 gap-4 xl:grid-cols-2">
        <Card title={`PSI of ${featureLabel} over time`}>
          <PsiHistoryPanel labels={labels} {...psiSeries(series.get(feature)!)} label={`PSI of ${featureLabel} per batch`} testId="feature-psi-chart" />
        </Card>
        <Card title={`Distribution of ${featureLabel}: reference vs batch ${batchLabel(batch)}`}>
          {featureDrift ? <DistributionPanel drift={featureDrift} label={`Distribution of ${featureLabel}`} testId="distribution-chart" />
            : <p className="text-sm text-slate-600">This feature was not measured in batch {batchLabel(batch)}.</p>}
        </Card>
      </div>
      <div className="mb-6 grid grid-cols-1 gap-4 xl:grid-cols-2">
        <Card title="Score distribution: PSI over time">
          <PsiHistoryPanel labels={labels} {...psiSeries(series.get(PREDICTION_FEATURE)!)} label="Prediction PSI per batch" testId="prediction-psi-chart" />
        </Card>
        <Card title={`Score distribution: reference vs batch ${batchLabel(latestBatch)}`}>
          {latest.prediction ? <DistributionPanel drift={latest.prediction} label="Score distribution" testId="prediction-distribution-chart" />
            : <p className="text-sm text-slate-600">The scores of this batch were not measured.</p>}
        </Card>
      </div>
      <Card id="performance" title="Performance over time: estimated and realised" className="mb-6">
        <PerformancePanel history={getPerformanceHistory(pipeline.id)} />
      </Card>
      <Card title={`Latest batch ${batchLabel(latestBatch)}: every statistic`}>
        <FeatureDriftTable features={latest.features} />
      </Card>
    </>
  );
}

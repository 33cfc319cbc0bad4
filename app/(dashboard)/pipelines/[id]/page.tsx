import Link from "next/link";
import { notFound } from "next/navigation";
import { RunNowButton } from "@/components/pipelines/run-now-button";
import { RunStatusBadge } from "@/components/pipelines/run-status-badge";
import { VersionTable } from "@/components/pipelines/version-table";
import { AliasHistory } from "@/components/models/alias-history";
import { DictionaryEditor } from "@/components/pipelines/dictionary-editor";
import { SettingsForm } from "@/components/pipelines/settings-form";
import { nextRunAfter } from "@/lib/pipeline/schedule";
import { listDatasets } from "@/lib/queries/datasets";
import { sourcesOfDataset } from "@/lib/queries/sources";
import { Card } from "@/components/ui/card";
import { can, PERMISSIONS, requirePageRole } from "@/lib/auth/guard";
import { listAliasHistory } from "@/lib/pipeline/registry";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/lib/format";
import { listModelVersions } from "@/lib/queries/models";
import { countPipelineRules } from "@/lib/queries/alerts";
import { getPipeline, listRuns } from "@/lib/queries/pipelines";

export const dynamic = "force-dynamic";

export default async function PipelinePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageRole(...PERMISSIONS.read);
  const id = Number((await params).id);
  const found = Number.isSafeInteger(id) ? getPipeline(id) : undefined;
  if (!found) notFound();
  const { pipeline, datasetName } = found;
  const runs = listRuns(pipeline.id);
  const alerts = countPipelineRules(pipeline.id);
  const split = pipeline.split.kind === "time" ? `by date (${pipeline.split.column}), ${pipeline.split.testSize} held out` : `stratified, ${pipeline.split.testSize} held out, seed ${pipeline.split.seed}`;
  const settings: [string, string][] = [
    ["Dataset", `${datasetName} (latest batch)`],
    ["Target", `${pipeline.targetColumn} = "${pipeline.positiveValue}"`],
    ["Customer id", pipeline.idColumn ?? "none"],
    ["Engine", `${pipeline.engine} ${JSON.stringify(pipeline.hyperparameters)}`],
    ["Split", split],
    ["Decision threshold", String(pipeline.decisionThreshold)],
    ["Label lag", `${pipeline.labelLagDays} days`],
  ];
  return (
    <>
      <PageHeader title={pipeline.name} actions={can(user.role, "train") ? <RunNowButton pipelineId={pipeline.id} /> : undefined} />
      <div className="mb-6 grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card title="Settings">
          <dl className="grid grid-cols-[9rem_1fr] gap-y-1 text-sm">
            {settings.map(([k, v]) => (
              <div key={k} className="contents"><dt className="text-slate-500">{k}</dt><dd className="break-all">{v}</dd></div>
            ))}
          </dl>
        </Card>
        <Card title="Schedule and deployment">
          <dl className="grid grid-cols-[9rem_1fr] gap-y-1 text-sm">
            <dt className="text-slate-500">Schedule</dt>
            <dd>{pipeline.schedule ? `${pipeline.schedule} (UTC) · next ${formatDateTime(nextRunAfter(pipeline.schedule, new Date()))}` : "on demand only"}</dd>
            <dt className="text-slate-500">Deployment</dt>
            <dd>{pipeline.deployPolicy === "auto" ? "promote automatically when every gate passes" : "wait for a person to promote"}</dd>
            <dt className="text-slate-500">Gates</dt>
            <dd>{pipeline.gates.map((g) => (g.kind === "floor" ? `${g.metric} ≥ ${g.min}` : `${g.metric} at most ${g.maxDrop} below the champion`)).join("; ") || "none"}</dd>
            <dt className="text-slate-500">Risk bands</dt>
            <dd>high ≥ {pipeline.riskBands.high}, medium ≥ {pipeline.riskBands.medium}</dd>
            <dt className="text-slate-500">Alerts</dt>
            <dd>{alerts.rules} rules, {alerts.firing} firing · <Link className="text-sky-700 hover:underline" href="/alerts">Alerts</Link></dd>
          </dl>
        </Card>
      </div>
      <Card title={`Data dictionary (${pipeline.features.length} features)`} className="mb-6">
        <DictionaryEditor pipelineId={pipeline.id} features={pipeline.features} editable={can(user.role, "train")} />
      </Card>
      {can(user.role, "manage-schedules") && (
        <Card title="Settings" className="mb-6">
          <SettingsForm
            pipelineId={pipeline.id}
            datasets={listDatasets().map((d) => ({ id: d.id, name: d.name }))}
            sources={sourcesOfDataset(pipeline.datasetId)}
            initial={{
              schedule: pipeline.schedule ?? "",
              deployPolicy: pipeline.deployPolicy,
              aucFloor: pipeline.gates.find((g) => g.kind === "floor")?.min ?? 0.75,
              maxDrop: pipeline.gates.find((g) => g.kind === "vs_champion")?.maxDrop ?? 0.01,
              high: pipeline.riskBands.high,
              medium: pipeline.riskBands.medium,
              scoringDatasetId: pipeline.scoringDatasetId,
              labelLagDays: pipeline.labelLagDays,
              sourceId: pipeline.sourceId,
            }}
          />
        </Card>
      )}
      <Card title="Model versions" className="mb-6">
        <VersionTable versions={listModelVersions(pipeline.id)} />
      </Card>
      <Card title="Champion and challenger history" className="mb-6">
        <AliasHistory
          pipelineId={pipeline.id}
          canRollback={can(user.role, "promote")}
          moves={listAliasHistory(pipeline.id).map(({ history, version, previousVersion }) => ({
            id: history.id,
            alias: history.alias,
            modelVersionId: history.modelVersionId,
            version,
            previousVersion,
            actor: history.actor,
            reason: history.reason,
            at: history.at.toISOString(),
          }))}
        />
      </Card>
      <Card title="Runs">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
            <tr><th className="py-2 pr-4">Run</th><th className="py-2 pr-4">Status</th><th className="py-2 pr-4">Started by</th><th className="py-2 pr-4">Started</th><th className="py-2 pr-4">Version</th><th className="py-2">Error</th></tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id} className="border-b border-slate-100 last:border-0">
                <td className="py-2 pr-4"><Link className="text-sky-700 hover:underline" href={`/pipelines/${pipeline.id}/runs/${run.id}`}>#{run.id}</Link></td>
                <td className="py-2 pr-4"><RunStatusBadge status={run.status} /></td>
                <td className="py-2 pr-4">{run.trigger}</td>
                <td className="py-2 pr-4 tabular-nums">{formatDateTime(run.startedAt)}</td>
                <td className="py-2 pr-4">{run.version ? `v${run.version}` : "—"}</td>
                <td className="py-2 text-rose-700">{run.error}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}

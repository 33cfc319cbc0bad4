import { Badge } from "@/components/ui/badge";
import { Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime, formatInt, formatPercent } from "@/lib/format";
import type { ModelJson } from "@/lib/model/types";
import type { ValidationReport } from "@/lib/training/types";
import { formatDuration } from "./format";

interface Props {
  pipelineName: string;
  decisionThreshold: number;
  version: number;
  aliases: ("champion" | "challenger")[];
  createdAt: Date;
  engine: string;
  target: ModelJson["target"];
  report: ValidationReport;
}

export function ReportHeader({ pipelineName, decisionThreshold, version, aliases, createdAt, engine, target, report }: Props) {
  const { rows } = report;
  const positives = (count: number, of: number) =>
    `${formatInt(count)} ${target.name} = ${target.positive}${of > 0 ? ` (${formatPercent(count / of)})` : ""}`;
  return (
    <>
      <PageHeader
        title={`${pipelineName} · v${version}`}
        description={`Created ${formatDateTime(createdAt)} · engine ${engine} · predicts ${target.name} = ${target.positive}`}
        actions={
          aliases.length > 0 && (
            <div className="flex gap-2" data-testid="alias-badges">
              {aliases.map((alias) => (
                <Badge key={alias} tone={alias === "champion" ? "good" : "info"}>
                  {alias}
                </Badge>
              ))}
            </div>
          )
        }
      />
      <div className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-4" data-testid="report-rows">
        <Stat label="Training rows" value={formatInt(rows.train)} hint={positives(rows.trainPositives, rows.train)} />
        <Stat label="Test rows" value={formatInt(rows.test)} hint={positives(rows.testPositives, rows.test)} />
        <Stat label="Decision threshold" value={decisionThreshold} hint="the pipeline's current setting" />
        <Stat label="Training time" value={formatDuration(report.trainMs)} />
      </div>
    </>
  );
}

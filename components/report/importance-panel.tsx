import { ImportanceChart } from "@/components/charts/chart-bar-importance";
import { Card } from "@/components/ui/card";
import type { ScalarMetric } from "@/lib/metrics";
import { formatInt, formatPercent } from "@/lib/format";
import type { FeatureDefinition } from "@/lib/pipeline/types";
import type { ValidationReport } from "@/lib/training/types";
import { FeatureDictionary } from "./feature-dictionary";
import { formatExact, METRIC_LABELS } from "./format";
import { TableView } from "./table-view";

/** Importance chart with the data dictionary beside it, in the same feature order. */
export function ImportancePanel({ report, dictionary }: { report: ValidationReport; dictionary: FeatureDefinition[] }) {
  const { importance, permutation } = report;
  const metric = METRIC_LABELS[permutation.metric as ScalarMetric] ?? permutation.metric;
  const permutationLabel = `Permutation: drop in ${metric}`;
  return (
    <div data-testid="importance-panel" className="mb-6">
      <Card title="Feature importance">
        <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
          <div>
            <ImportanceChart rows={importance} permutationLabel={permutationLabel} />
            <p className="text-xs text-slate-500" data-testid="permutation-note">
              Impurity share: the feature&apos;s part of the tree&apos;s total impurity decrease on the training rows.{" "}
              {permutation.reason === null
                ? `Permutation: mean drop in ${metric} when the feature is shuffled, ${permutation.repeats} repeats on ${formatInt(permutation.rows)} test rows (± std).`
                : `Permutation importance was not computed: ${permutation.reason}`}
            </p>
            <TableView
              label="Feature importance"
              columns={["Feature", "Impurity share", permutationLabel, "Std"]}
              rows={importance.map((f) => [
                f.feature,
                formatPercent(f.impurity, 2),
                f.permutation === null ? "—" : formatExact(f.permutation),
                f.permutationStd === null ? "—" : formatExact(f.permutationStd),
              ])}
            />
          </div>
          <FeatureDictionary features={importance.map((f) => f.feature)} dictionary={dictionary} />
        </div>
      </Card>
    </div>
  );
}

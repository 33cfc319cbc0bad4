import { Field, inputClass } from "./field";

/** The gates and deployment policy, shared by the new-pipeline form and the pipeline's settings. */
export function GateFields({ errors, value }: { errors: Record<string, string[] | undefined>; value: (name: "aucFloor" | "maxDrop" | "deployPolicy") => string }) {
  return (
    <>
      <Field label="ROC AUC floor" errors={errors.aucFloor}>
        <input name="aucFloor" inputMode="decimal" className={inputClass} defaultValue={value("aucFloor")} />
      </Field>
      <Field label="Allowed drop vs champion" errors={errors.maxDrop}>
        <input name="maxDrop" inputMode="decimal" className={inputClass} defaultValue={value("maxDrop")} />
      </Field>
      <Field label="Deployment" errors={errors.deployPolicy}>
        <select name="deployPolicy" className={inputClass} defaultValue={value("deployPolicy")}>
          <option value="auto">Promote automatically when every gate passes</option>
          <option value="manual">Wait for a person to promote</option>
        </select>
      </Field>
    </>
  );
}

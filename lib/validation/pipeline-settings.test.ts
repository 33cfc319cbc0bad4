import { describe, expect, it } from "vitest";
import { dictionarySchema, pipelineSettingsSchema } from "./pipeline-settings";

const base = { pipelineId: "1", schedule: "", deployPolicy: "auto", aucFloor: "0.75", maxDrop: "0.01", high: "0.6", medium: "0.3" };

describe("the label lag setting", () => {
  it("reads whole days and leaves the lag alone when the field is absent or blank", () => {
    expect(pipelineSettingsSchema.parse({ ...base, labelLagDays: "45" }).labelLagDays).toBe(45);
    expect(pipelineSettingsSchema.parse(base).labelLagDays).toBeUndefined();
    expect(pipelineSettingsSchema.parse({ ...base, labelLagDays: " " }).labelLagDays).toBeUndefined();
  });

  it("refuses negative or fractional days", () => {
    for (const labelLagDays of ["-1", "1.5", "soon"]) {
      const result = pipelineSettingsSchema.safeParse({ ...base, labelLagDays });
      expect(result.success).toBe(false);
      expect(result.error!.issues[0].path).toEqual(["labelLagDays"]);
    }
  });
});

describe("per-feature PSI thresholds in the dictionary", () => {
  const entry = { name: "MonthlyCharges", description: "", transformation: "", owner: "" };

  it("reads blank as the default and numbers as the feature's own", () => {
    expect(dictionarySchema.parse([{ ...entry, psiWarning: "", psiCritical: "" }])[0]).toMatchObject({ psiWarning: undefined, psiCritical: undefined });
    expect(dictionarySchema.parse([{ ...entry, psiWarning: "0.2", psiCritical: "0.5" }])[0]).toMatchObject({ psiWarning: 0.2, psiCritical: 0.5 });
  });

  it("refuses a warning at or above the critical threshold, and a non-number", () => {
    expect(dictionarySchema.safeParse([{ ...entry, psiWarning: "0.5", psiCritical: "0.2" }]).error!.issues[0].message).toMatch(/below the critical/);
    expect(dictionarySchema.safeParse([{ ...entry, psiWarning: "high" }]).success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { pipelineSettingsSchema } from "./pipeline-settings";

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

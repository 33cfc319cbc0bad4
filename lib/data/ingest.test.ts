import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { tempDir } from "@/lib/test/temp-files";
import { ingestCsv, type IngestOptions } from "./ingest";
import { DEMO_DATA } from "./demo-data";

const tmp = tempDir();
afterAll(tmp.cleanup);

async function expectError(path: string, options: IngestOptions, expected: Record<string, unknown>) {
  const error = await ingestCsv(path, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error), `expected an AppError, got ${String(error)}`).toBe(true);
  if (isAppError(error)) expect({ code: error.code, ...error.location }).toMatchObject(expected);
  return error as Error;
}

const column = (result: Awaited<ReturnType<typeof ingestCsv>>, name: string) =>
  result.profile.columns.find((c) => c.name === name)!;

describe("ingesting the shared datasets", () => {
  it("reads Telco: 7,043 rows, 21 columns, TotalCharges numeric with 11 blanks, customerID as id", async () => {
    const result = await ingestCsv(DEMO_DATA.telco, { target: "Churn", positive: "Yes" });
    expect(result.profile.rows).toBe(7043);
    expect(result.columns).toHaveLength(21);
    expect(column(result, "TotalCharges")).toMatchObject({ type: "numeric", missing: 11, count: 7032 });
    expect(column(result, "customerID").type).toBe("id");
    expect(result.profile.idColumn).toBe("customerID");
    expect(result.profile.target).toEqual({ column: "Churn", positive: "Yes", negative: "No", positives: 1869, negatives: 5174 });
    expect(column(result, "Contract")).toMatchObject({ type: "categorical", distinct: 3 });
    expect(column(result, "tenure").numeric).toMatchObject({ min: 0, max: 72 });
  });

  it("reads bank churn: RowNumber and CustomerId are ids, Exited positive 1 has 2,037 rows", async () => {
    const result = await ingestCsv(join(process.cwd(), "..", "shared", "data", "bank-churn.csv"), {
      target: "Exited",
      positive: "1",
    });
    expect(result.profile.rows).toBe(10000);
    expect(column(result, "RowNumber").type).toBe("id");
    expect(column(result, "CustomerId").type).toBe("id");
    expect(column(result, "EstimatedSalary").type).toBe("numeric");
    expect(result.profile.idColumn).toBe("CustomerId");
    expect(result.profile.target).toMatchObject({ positives: 2037, negatives: 7963 });
    expect(result.warnings.some((w) => w.includes('"Surname"'))).toBe(true);
  });
});

describe("CSV structure", () => {
  it("strips a UTF-8 BOM and CRLF line endings", async () => {
    const path = tmp.file("bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("customerID,Churn\r\nA1,Yes\r\nA2,No\r\n")]));
    const rows: (string | null)[][] = [];
    const result = await ingestCsv(path, { onRow: (_, cells) => rows.push(cells) });
    expect(result.columns.map((c) => c.name)).toEqual(["customerID", "Churn"]);
    expect(rows).toEqual([["A1", "Yes"], ["A2", "No"]]);
  });

  it("treats a single space as missing, never 0, and ignores a trailing blank line", async () => {
    const path = tmp.file("small.csv", "customerID,tenure,TotalCharges,Churn\nA1,0, ,No\nA2,1,29.85,Yes\nA3,34,1889.5,No\n\n");
    const result = await ingestCsv(path, { target: "Churn" });
    expect(result.profile.rows).toBe(3);
    const total = column(result, "TotalCharges");
    expect(total.missing).toBe(1);
    expect(total.numeric!.mean).toBeCloseTo(959.675, 10);
    expect(total.numeric!.min).toBe(29.85);
    expect(column(result, "tenure").type).toBe("numeric");
  });

  it("keeps the last row when the final newline is missing", async () => {
    const path = tmp.file("no-eol.csv", "id,Churn\nA1,Yes\nA2,No");
    expect((await ingestCsv(path)).profile.rows).toBe(2);
  });

  it("parses quoted fields holding delimiters, quotes and newlines", async () => {
    const path = tmp.file("quoted.csv", 'id,note,Churn\nA1,"late, twice",Yes\nA2,"line one\nline two ""quoted""",No\n');
    const rows: (string | null)[][] = [];
    await ingestCsv(path, { onRow: (_, cells) => rows.push(cells) });
    expect(rows).toEqual([["A1", "late, twice", "Yes"], ["A2", 'line one\nline two "quoted"', "No"]]);
  });

  it("detects a semicolon delimiter with quoted text fields", async () => {
    const path = tmp.file("semi.csv", 'customerID;plan;MonthlyCharges;Churn\nA1;"Fiber; premium";70.5;Yes\nA2;"DSL";20;No\nA3;"None";;No\n');
    const result = await ingestCsv(path, { target: "Churn" });
    expect(result.delimiter).toBe(";");
    expect(result.columns.map((c) => c.name)).toEqual(["customerID", "plan", "MonthlyCharges", "Churn"]);
    expect(column(result, "plan").top.map((t) => t.value)).toContain("Fiber; premium");
    expect(column(result, "MonthlyCharges")).toMatchObject({ type: "numeric", missing: 1 });
  });

  it("reads tab-separated files and a 200-column file", async () => {
    const tab = tmp.file("tab.tsv", "id\tx\tChurn\nA\t1\tYes\nB\t2\tNo\n");
    expect((await ingestCsv(tab)).delimiter).toBe("\t");
    const header = Array.from({ length: 199 }, (_, i) => `f${i}`).concat("Churn");
    const rows = Array.from({ length: 5 }, (_, r) => header.map((_, i) => (i === 199 ? (r % 2 ? "Yes" : "No") : String(r * i))).join(","));
    const wide = await ingestCsv(tmp.file("wide.csv", [header.join(","), ...rows].join("\n")), { target: "Churn" });
    expect(wide.columns).toHaveLength(200);
    expect(wide.profile.rows).toBe(5);
  });
});

describe("bad input gets a clear error naming what is wrong", () => {
  it("refuses a duplicated column name, naming it", async () => {
    const error = await expectError(tmp.file("dup.csv", "id,tenure,tenure,Churn\nA,1,2,Yes\n"), {}, { code: "duplicate_column", column: "tenure" });
    expect(error.message).toContain('"tenure"');
  });

  it("refuses an empty file, a header without rows, one column and binary garbage", async () => {
    await expectError(tmp.file("empty.csv", ""), {}, { code: "empty_file" });
    await expectError(tmp.file("blank.csv", "\n\n"), {}, { code: "empty_file" });
    await expectError(tmp.file("header.csv", "id,Churn\n"), {}, { code: "no_rows" });
    await expectError(tmp.file("one.csv", "id\nA\nB\n"), {}, { code: "one_column", column: "id" });
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    await expectError(tmp.file("garbage.bin", garbage), {}, { code: "binary_file" });
  });

  it("refuses UTF-16 and invalid UTF-8", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("id,Churn\nA,Yes\n", "utf16le")]);
    await expectError(tmp.file("utf16.csv", utf16), {}, { code: "unsupported_encoding" });
    const latin1 = Buffer.from("id,city,Churn\nA,Montr\xe9al,Yes\nB,Paris,No\n", "latin1");
    await expectError(tmp.file("latin1.csv", latin1), {}, { code: "invalid_encoding" });
  });

  it("names the row of a ragged record and of an unclosed quote", async () => {
    await expectError(tmp.file("ragged.csv", "id,x,Churn\nA,1,Yes\nB,2\nC,3,No\n"), {}, { code: "ragged_row", row: 2 });
    await expectError(tmp.file("quote.csv", 'id,x,Churn\nA,1,Yes\nB,"2,No\n'), {}, { code: "malformed_csv" });
  });

  it("reports numbers with thousands separators or decimal commas with row, column and value", async () => {
    const path = tmp.file("thousands.csv", 'id,TotalCharges,Churn\nA,29.85,No\nB,"1,889.50",Yes\nC,108.15,No\n');
    const error = await expectError(path, {}, { code: "unparseable_number", row: 2, column: "TotalCharges", value: "1,889.50" });
    expect(error.message).toContain("row 2");
    const comma = tmp.file("comma.csv", "id;MonthlyCharges;Churn\nA;29,85;No\nB;56,95;Yes\n");
    await expectError(comma, {}, { code: "unparseable_number", row: 1, column: "MonthlyCharges", value: "29,85" });
  });

  it("lets the user override a type, and checks the override against the values", async () => {
    const path = tmp.file("override.csv", 'id,code,Churn\nA,"1,889.50",No\nB,"2,000.00",Yes\n');
    const result = await ingestCsv(path, { types: { code: "categorical" } });
    expect(column(result, "code")).toMatchObject({ type: "categorical", inferredType: "numeric" });
    const text = tmp.file("text.csv", "id,plan,Churn\nA,basic,No\nB,pro,Yes\n");
    await expectError(text, { types: { plan: "numeric" } }, { code: "unparseable_number", row: 1, column: "plan", value: "basic" });
  });

  it("names a target column that does not exist, and a target with one class", async () => {
    const path = tmp.file("target.csv", "id,x,Churn\nA,1,No\nB,2,No\n");
    await expectError(path, { target: "Exited" }, { code: "unknown_column", column: "Exited" });
    await expectError(path, { target: "Churn", positive: "Yes" }, { code: "target_one_class", column: "Churn" });
  });

  it("names the row and value of a target that is neither positive nor negative", async () => {
    const path = tmp.file("bad-target.csv", "id,x,Churn\nA,1,Yes\nB,2,No\nC,3,Maybe\n");
    await expectError(path, { target: "Churn", positive: "Yes" }, { code: "invalid_target", row: 3, column: "Churn", value: "Maybe" });
    const blank = tmp.file("blank-target.csv", "id,x,Churn\nA,1,Yes\nB,2, \n");
    await expectError(blank, { target: "Churn" }, { code: "missing_target", row: 2 });
  });

  it("refuses a chosen id column with duplicates, naming the row", async () => {
    const path = tmp.file("dup-id.csv", "customerID,x,Churn\nA,1,Yes\nB,2,No\nA,3,No\n");
    await expectError(path, { id: "customerID" }, { code: "duplicate_id", row: 3, value: "A" });
  });
});

describe("target normalisation", () => {
  it.each([
    ["Yes", "No", "Yes"],
    ["1", "0", "1"],
    ["true", "false", "true"],
    ["TRUE", "FALSE", "TRUE"],
    ["TRUE", "FALSE", "true"],
  ])("maps %s/%s with positive %s to the same counts", async (yes, no, positive) => {
    const path = tmp.file(`t-${yes}-${positive}.csv`, `id,x,Churn\nA,1,${yes}\nB,2,${no}\nC,3,${no}\n`);
    const result = await ingestCsv(path, { target: "Churn", positive });
    expect(result.profile.target).toMatchObject({ positives: 1, negatives: 2 });
  });

  it("accepts a custom positive label with exactly one other label", async () => {
    const path = tmp.file("custom.csv", "id,x,status\nA,1,churned\nB,2,active\nC,3,active\n");
    const result = await ingestCsv(path, { target: "status", positive: "churned" });
    expect(result.profile.target).toMatchObject({ positive: "churned", negative: "active", positives: 1, negatives: 2 });
  });
});

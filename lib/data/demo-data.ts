/** The datasets shipped with the project (see NOTICE for their origin and licence). */
import { join } from "node:path";

const DIR = join(process.cwd(), "db", "seed");

export const DEMO_DATA = {
  telco: join(DIR, "telco-churn.csv"),
} as const;

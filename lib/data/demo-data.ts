/** The datasets shipped with the project (see NOTICE for their origin and licence). */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// Beside this module rather than under the working directory: the CLI runs from any directory.
const DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "db", "seed");

export const DEMO_DATA = {
  telco: join(DIR, "telco-churn.csv"),
} as const;

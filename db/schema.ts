/**
 * The whole product's data model. Times are epoch milliseconds in UTC (`integer` with mode "timestamp_ms").
 * JSON columns hold plain data whose shape is owned by `lib/` (profiles, reports, models); their TypeScript
 * types are attached with `$type` so reads come back typed.
 */
import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import type { BatchProfile, ColumnSpec } from "@/lib/data/types";
import type { ModelJson } from "@/lib/model/types";
import type { FeatureDefinition, Gate, GateResult, RunProgress } from "@/lib/pipeline/types";
import type { ReferenceProfile } from "@/lib/training/reference-profile";
import type { SplitSettings } from "@/lib/training/split";
import type { ValidationReport } from "@/lib/training/types";
import type { SourceConfig } from "@/lib/sources/types";
// Relative, not "@/": drizzle-kit loads this file without the tsconfig path aliases.
import { ROLES, type Role } from "../lib/auth/roles";

export { ROLES, type Role };

export const BATCH_SOURCES = ["upload", "cli", "seed", "sqlite", "postgres"] as const;
export const RUN_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export const RUN_TRIGGERS = ["manual", "cli", "schedule", "alert", "ingest"] as const;
export const STEP_NAMES = [
  "extract",
  "validate_data",
  "train",
  "validate_model",
  "register",
  "deploy",
  "score",
  "monitor",
] as const;
export const STEP_STATUSES = ["pending", "running", "succeeded", "failed", "skipped"] as const;
export const ALIASES = ["champion", "challenger"] as const;
export const ALERT_STATES = ["ok", "firing", "resolved"] as const;
export const SEVERITIES = ["ok", "warning", "critical"] as const;
export const SOURCE_KINDS = ["sqlite", "postgres"] as const;

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

/** A named collection of batches with the same meaning, e.g. "Telco customers". */
export const datasets = sqliteTable("datasets", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  description: text("description").notNull().default(""),
  createdAt: createdAt(),
});
export type Dataset = typeof datasets.$inferSelect;

/** One snapshot of rows taken at `asOf` from a source; immutable once stored. */
export const batches = sqliteTable(
  "batches",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    datasetId: integer("dataset_id")
      .notNull()
      .references(() => datasets.id),
    asOf: integer("as_of", { mode: "timestamp_ms" }).notNull(),
    source: text("source", { enum: BATCH_SOURCES }).notNull(),
    /** File name or query label the rows came from. */
    sourceDetail: text("source_detail").notNull().default(""),
    /** Size of the source file in bytes, when there was one. */
    sourceBytes: integer("source_bytes"),
    rowCount: integer("row_count").notNull(),
    columns: text("columns", { mode: "json" }).$type<ColumnSpec[]>().notNull(),
    targetColumn: text("target_column"),
    positiveValue: text("positive_value"),
    idColumn: text("id_column"),
    profile: text("profile", { mode: "json" }).$type<BatchProfile>().notNull(),
    warnings: text("warnings", { mode: "json" }).$type<string[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("batches_dataset_as_of").on(t.datasetId, t.asOf)],
);
export type Batch = typeof batches.$inferSelect;

/**
 * The stored rows of a batch. `cells` is a JSON array aligned with `batches.columns`, holding each
 * cell's original text, or null where the cell was blank, so nothing in the source is lost.
 */
export const batchRows = sqliteTable(
  "batch_rows",
  {
    batchId: integer("batch_id")
      .notNull()
      .references(() => batches.id, { onDelete: "cascade" }),
    /** 1-based data row number in the source (the header is not counted). */
    rowNumber: integer("row_number").notNull(),
    entityId: text("entity_id"),
    cells: text("cells").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.batchId, t.rowNumber] }),
    index("batch_rows_entity").on(t.batchId, t.entityId),
  ],
);

/** A saved configuration: source, target, features, model settings, gates, policy, schedule. */
export const pipelines = sqliteTable("pipelines", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  datasetId: integer("dataset_id")
    .notNull()
    .references(() => datasets.id),
  targetColumn: text("target_column").notNull(),
  positiveValue: text("positive_value").notNull(),
  /** Null when the data has no customer id; scores then use row numbers. */
  idColumn: text("id_column"),
  eventTimeColumn: text("event_time_column"),
  /** Features with their data dictionary entries. */
  features: text("features", { mode: "json" }).$type<FeatureDefinition[]>().notNull(),
  engine: text("engine").notNull().default("cart"),
  hyperparameters: text("hyperparameters", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  split: text("split", { mode: "json" }).$type<SplitSettings>().notNull(),
  gates: text("gates", { mode: "json" }).$type<Gate[]>().notNull(),
  /** "auto": promote when every gate passes; "manual": wait for a person. */
  deployPolicy: text("deploy_policy", { enum: ["auto", "manual"] }).notNull().default("manual"),
  decisionThreshold: real("decision_threshold").notNull().default(0.5),
  riskBands: text("risk_bands", { mode: "json" }).$type<{ high: number; medium: number }>().notNull(),
  /** Cron expression evaluated in UTC; null means run only on demand. */
  schedule: text("schedule"),
  /** The dataset whose latest batch is scored; null = the training dataset. */
  scoringDatasetId: integer("scoring_dataset_id").references(() => datasets.id),
  /** Days after scoring before a later batch's labels count as the outcome of those scores. */
  labelLagDays: integer("label_lag_days").notNull().default(30),
  /** A warehouse source the extract step reads a fresh batch from; null = the dataset's latest batch. */
  sourceId: integer("source_id").references(() => sources.id),
  createdAt: createdAt(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
});
export type Pipeline = typeof pipelines.$inferSelect;

/**
 * A database Driftline reads batches from: a SQLite file or a PostgreSQL connection, with a saved query
 * that returns the pipeline's columns. Only non-secret settings are plain; the password is sealed with
 * lib/crypto/secret-box and never sent back to a browser.
 */
export const sources = sqliteTable("sources", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  kind: text("kind", { enum: SOURCE_KINDS }).notNull(),
  /** sqlite: { path }; postgres: { host, port, database, user, ssl }. */
  config: text("config", { mode: "json" }).$type<SourceConfig>().notNull(),
  /** The sealed password ("v1:…"), or null when the connection needs none. */
  sealedSecret: text("sealed_secret"),
  /** The saved SELECT, written by an admin; it always runs read-only, wrapped with a row limit. */
  query: text("query").notNull(),
  /** Most rows one extraction copies into the app. */
  rowLimit: integer("row_limit").notNull().default(200_000),
  /** Per-statement limit in milliseconds. */
  statementTimeoutMs: integer("statement_timeout_ms").notNull().default(60_000),
  /** Cron expression (UTC) for scheduled extraction; null = on demand only. */
  schedule: text("schedule"),
  /** The dataset each extraction adds a batch to. */
  datasetId: integer("dataset_id")
    .notNull()
    .references(() => datasets.id),
  targetColumn: text("target_column"),
  positiveValue: text("positive_value"),
  idColumn: text("id_column"),
  /** Above this many rows a run profiles and scores inside the warehouse; null = never by itself. */
  pushdownThreshold: integer("pushdown_threshold"),
  /** Table (optionally schema.table) push-down scoring writes to; validated and quoted, never pasted. */
  scoreTable: text("score_table"),
  /** The last scheduled slot taken, so a slot is extracted once however often the tick runs. */
  lastSlotAt: integer("last_slot_at", { mode: "timestamp_ms" }),
  lastExtractedAt: integer("last_extracted_at", { mode: "timestamp_ms" }),
  lastError: text("last_error"),
  createdAt: createdAt(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
});
export type Source = typeof sources.$inferSelect;
export type NewSource = typeof sources.$inferInsert;
export type NewPipeline = typeof pipelines.$inferInsert;

export const runs = sqliteTable(
  "runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pipelineId: integer("pipeline_id")
      .notNull()
      .references(() => pipelines.id),
    trigger: text("trigger", { enum: RUN_TRIGGERS }).notNull(),
    status: text("status", { enum: RUN_STATUSES }).notNull(),
    batchId: integer("batch_id").references(() => batches.id),
    /** Idempotency key of a scheduled slot, e.g. "pipeline:3:2026-12-03T00:00Z". */
    slotKey: text("slot_key").unique(),
    /** Progress of the current step for the UI: { step, percent, message }. */
    progress: text("progress", { mode: "json" }).$type<RunProgress>(),
    /** Set by "Cancel"; the run stops at its next step boundary. */
    cancelRequested: integer("cancel_requested", { mode: "boolean" }).notNull().default(false),
    /** The model version this run registered, once it has. */
    modelVersionId: integer("model_version_id"),
    /** The process executing the run, so a later start can tell a run whose process died from a live one. */
    pid: integer("pid"),
    error: text("error"),
    startedAt: integer("started_at", { mode: "timestamp_ms" }),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("runs_pipeline_created").on(t.pipelineId, t.createdAt)],
);

export type Run = typeof runs.$inferSelect;

export const runSteps = sqliteTable(
  "run_steps",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    runId: integer("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    name: text("name", { enum: STEP_NAMES }).notNull(),
    status: text("status", { enum: STEP_STATUSES }).notNull(),
    counts: text("counts", { mode: "json" }).$type<Record<string, number>>(),
    messages: text("messages", { mode: "json" }).$type<string[]>().notNull(),
    error: text("error"),
    startedAt: integer("started_at", { mode: "timestamp_ms" }),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("run_steps_run_name").on(t.runId, t.name)],
);

/** Held while a run of the pipeline is active, so two runs never overlap (the primary key is the lock). */
export const pipelineLocks = sqliteTable("pipeline_locks", {
  pipelineId: integer("pipeline_id")
    .primaryKey()
    .references(() => pipelines.id),
  runId: integer("run_id")
    .notNull()
    .references(() => runs.id),
  acquiredAt: integer("acquired_at", { mode: "timestamp_ms" }).notNull(),
});

/** Immutable, numbered per pipeline. */
export const modelVersions = sqliteTable(
  "model_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pipelineId: integer("pipeline_id")
      .notNull()
      .references(() => pipelines.id),
    version: integer("version").notNull(),
    runId: integer("run_id").references(() => runs.id),
    batchId: integer("batch_id").references(() => batches.id),
    engine: text("engine").notNull(),
    /** The serialised model: feature spec, encoding and tree. */
    model: text("model", { mode: "json" }).$type<ModelJson>().notNull(),
    /** The data dictionary as it was when this version was trained. */
    featureDictionary: text("feature_dictionary", { mode: "json" }).$type<FeatureDefinition[]>().notNull(),
    referenceProfile: text("reference_profile", { mode: "json" }).$type<ReferenceProfile>(),
    report: text("report", { mode: "json" }).$type<ValidationReport>().notNull(),
    gateResults: text("gate_results", { mode: "json" }).$type<GateResult[]>(),
    gatesPassed: integer("gates_passed", { mode: "boolean" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("model_versions_pipeline_version").on(t.pipelineId, t.version)],
);
export type ModelVersion = typeof modelVersions.$inferSelect;

export const aliases = sqliteTable(
  "aliases",
  {
    pipelineId: integer("pipeline_id")
      .notNull()
      .references(() => pipelines.id),
    alias: text("alias", { enum: ALIASES }).notNull(),
    modelVersionId: integer("model_version_id")
      .notNull()
      .references(() => modelVersions.id),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.pipelineId, t.alias] })],
);

/** Append-only: every alias move with who, when, why and the version it replaced. */
export const aliasHistory = sqliteTable(
  "alias_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pipelineId: integer("pipeline_id")
      .notNull()
      .references(() => pipelines.id),
    alias: text("alias", { enum: ALIASES }).notNull(),
    modelVersionId: integer("model_version_id")
      .notNull()
      .references(() => modelVersions.id),
    previousModelVersionId: integer("previous_model_version_id").references(() => modelVersions.id),
    actor: text("actor").notNull(),
    reason: text("reason").notNull().default(""),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("alias_history_pipeline_at").on(t.pipelineId, t.alias, t.at)],
);

/** One row per customer per scoring run. */
export const scores = sqliteTable(
  "scores",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pipelineId: integer("pipeline_id")
      .notNull()
      .references(() => pipelines.id),
    runId: integer("run_id").references(() => runs.id),
    modelVersionId: integer("model_version_id")
      .notNull()
      .references(() => modelVersions.id),
    batchId: integer("batch_id")
      .notNull()
      .references(() => batches.id),
    entityId: text("entity_id").notNull(),
    /** P(positive class), in [0, 1]. */
    probability: real("probability").notNull(),
    /** The customer's probability in the pipeline's previous scoring run, for "change since last time". */
    previousProbability: real("previous_probability"),
    band: text("band", { enum: ["high", "medium", "low"] }).notNull(),
    reasons: text("reasons", { mode: "json" }).$type<string[]>().notNull(),
    scoredAt: integer("scored_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("scores_pipeline_entity").on(t.pipelineId, t.entityId, t.scoredAt),
    index("scores_run_probability").on(t.runId, t.probability),
    index("scores_run_band").on(t.runId, t.band, t.probability),
    index("scores_run_entity").on(t.runId, t.entityId),
    // Ids in order within a run's band (an index ends with the rowid): the first and last id of a run's
    // block are index probes instead of a scan of the run, which took 100 ms and more at 1M scores.
    index("scores_run_band_id").on(t.runId, t.band),
  ],
);

/** Drift of one feature (or the whole dataset when `feature` is null) of a batch against a model's reference. */
export const driftResults = sqliteTable(
  "drift_results",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pipelineId: integer("pipeline_id")
      .notNull()
      .references(() => pipelines.id),
    modelVersionId: integer("model_version_id")
      .notNull()
      .references(() => modelVersions.id),
    batchId: integer("batch_id")
      .notNull()
      .references(() => batches.id),
    runId: integer("run_id").references(() => runs.id),
    feature: text("feature"),
    psi: real("psi"),
    severity: text("severity", { enum: SEVERITIES }),
    /** Every statistic with null + reason where undefined. */
    metrics: text("metrics", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    computedAt: integer("computed_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    // Covers the drift heatmap (every feature's PSI and severity in a few batches), so it never reads the metrics JSON.
    index("drift_results_history").on(t.pipelineId, t.batchId, t.runId, t.feature, t.psi, t.severity),
    // Alert rules read one feature's rows after the last one they judged (the rowid orders them).
    index("drift_results_pipeline_feature").on(t.pipelineId, t.feature),
  ],
);

/**
 * Performance of one scoring run's scores: estimated from the probabilities when the run is monitored,
 * realised once a later batch (`labelBatchId`) carries the outcomes. `metrics` is a PerformanceEstimate
 * or an Evaluation. The unique key keeps realised rows single; SQLite lets NULLs repeat in it, so the
 * writer also checks for an estimated row before inserting one.
 */
export const performanceResults = sqliteTable(
  "performance_results",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pipelineId: integer("pipeline_id")
      .notNull()
      .references(() => pipelines.id),
    modelVersionId: integer("model_version_id")
      .notNull()
      .references(() => modelVersions.id),
    scoringRunId: integer("scoring_run_id")
      .notNull()
      .references(() => runs.id),
    labelBatchId: integer("label_batch_id").references(() => batches.id),
    kind: text("kind", { enum: ["estimated", "realised"] }).notNull(),
    n: integer("n").notNull(),
    metrics: text("metrics", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    computedAt: integer("computed_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("performance_results_key").on(t.scoringRunId, t.kind, t.labelBatchId),
    index("performance_results_pipeline").on(t.pipelineId, t.scoringRunId),
  ],
);

/** Keys for the scores API. Only a SHA-256 hash is kept; the key itself is shown once, at creation. */
export const apiKeys = sqliteTable("api_keys", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  /** The first characters of the key, so people can tell keys apart without the secret. */
  prefix: text("prefix").notNull(),
  hash: text("hash").notNull().unique(),
  createdBy: text("created_by").notNull(),
  createdAt: createdAt(),
  lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
  revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
});

/**
 * What a rule can watch. Drift signals read drift_results (per feature, the prediction, or the batch's drift
 * share); metric signals read performance_results (estimated or realised); run_failed reads finished runs;
 * data_quality counts a run's data-quality findings. lib/alerts/signals.ts turns each into observations.
 */
export const ALERT_SIGNALS = [
  "feature_psi",
  "missing_rate",
  "drift_share",
  "prediction_psi",
  "realised_metric",
  "estimated_metric",
  "run_failed",
  "data_quality",
] as const;
export const ALERT_METRICS = ["rocAuc", "precision", "recall", "brier"] as const;
export const ALERT_OPERATORS = [">", ">=", "<", "<="] as const;
export const CHANNEL_KINDS = ["webhook", "slack", "email"] as const;
export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;

/**
 * One watched signal of a pipeline with its thresholds and its current state (ok → firing → resolved).
 * Editing a rule bumps `revision`, which starts a new series of evaluations (the latest observation is
 * judged again under the new thresholds).
 */
export const alertRules = sqliteTable(
  "alert_rules",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pipelineId: integer("pipeline_id")
      .notNull()
      .references(() => pipelines.id),
    signal: text("signal", { enum: ALERT_SIGNALS }).notNull(),
    /** The feature of feature_psi and missing_rate rules. */
    feature: text("feature"),
    /** The metric of realised_metric and estimated_metric rules. */
    metric: text("metric", { enum: ALERT_METRICS }),
    operator: text("operator", { enum: ALERT_OPERATORS }).notNull(),
    /** Null: no warning level. For feature_psi, null thresholds mean the data dictionary's (0.1 / 0.25 by default). */
    warning: real("warning"),
    critical: real("critical"),
    /** Fire when M of the last N evaluations breach. */
    fireM: integer("fire_m").notNull().default(1),
    fireN: integer("fire_n").notNull().default(1),
    /** Seconds between two retraining runs this rule may start (new rules get RULE_DEFAULTS' day). */
    cooldownSeconds: integer("cooldown_seconds").notNull().default(0),
    /** Seconds before a still-firing, unacknowledged alert is notified again. */
    renotifySeconds: integer("renotify_seconds").notNull().default(86_400),
    /** notification_channels ids to notify. */
    channels: text("channels", { mode: "json" }).$type<number[]>().notNull(),
    /** Start a retraining run when the rule turns critical (at most once per cooldown). */
    retrain: integer("retrain", { mode: "boolean" }).notNull().default(false),
    state: text("state", { enum: ALERT_STATES }).notNull().default("ok"),
    severity: text("severity", { enum: SEVERITIES }).notNull().default("ok"),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    revision: integer("revision").notNull().default(1),
    /** The evaluation that opened the current (or last) alert. */
    openEventId: integer("open_event_id"),
    lastNotifiedAt: integer("last_notified_at", { mode: "timestamp_ms" }),
    lastRetrainAt: integer("last_retrain_at", { mode: "timestamp_ms" }),
    mutedUntil: integer("muted_until", { mode: "timestamp_ms" }),
    acknowledgedBy: text("acknowledged_by"),
    acknowledgedNote: text("acknowledged_note"),
    acknowledgedAt: integer("acknowledged_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("alert_rules_pipeline").on(t.pipelineId)],
);
export type AlertRule = typeof alertRules.$inferSelect;
export type NewAlertRule = typeof alertRules.$inferInsert;

/**
 * One evaluation of a rule on one observation. The unique key (rule, revision, observation) makes every
 * observation count once per rule however often monitoring or the tick evaluates.
 */
export const alertEvents = sqliteTable(
  "alert_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ruleId: integer("rule_id")
      .notNull()
      .references(() => alertRules.id),
    revision: integer("revision").notNull().default(1),
    /** e.g. "drift:812", "perf:40", "run:17": the source row, so it is evaluated once. */
    observation: text("observation").notNull().default(""),
    /** The source row's id, to find observations newer than the last one evaluated. */
    observationId: integer("observation_id").notNull().default(0),
    batchId: integer("batch_id").references(() => batches.id),
    runId: integer("run_id").references(() => runs.id),
    value: real("value"),
    severity: text("severity", { enum: SEVERITIES }).notNull(),
    /** The state after this evaluation, and whether it was a transition that notifies. */
    state: text("state", { enum: ALERT_STATES }).notNull(),
    transition: integer("transition", { mode: "boolean" }).notNull(),
    /** "firing", "escalated", "resolved", "reminder", or null when nothing was sent. */
    notification: text("notification"),
    message: text("message").notNull(),
    /** The retraining run this evaluation started, if any. */
    retrainRunId: integer("retrain_run_id").references(() => runs.id),
    acknowledgedBy: text("acknowledged_by"),
    acknowledgedNote: text("acknowledged_note"),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("alert_events_rule_at").on(t.ruleId, t.at),
    // The latest evaluations of a rule's current series, newest first (the rowid orders them).
    index("alert_events_rule_revision").on(t.ruleId, t.revision),
    uniqueIndex("alert_events_observation").on(t.ruleId, t.revision, t.observation),
  ],
);
export type AlertEvent = typeof alertEvents.$inferSelect;

/** Where notifications go. Secrets (signing secret, Slack URL, SMTP password) are sealed with lib/crypto/secret-box. */
export const notificationChannels = sqliteTable("notification_channels", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  kind: text("kind", { enum: CHANNEL_KINDS }).notNull(),
  /** Non-secret settings: webhook url; SMTP host, port, secure, user, from, to. */
  config: text("config", { mode: "json" }).$type<Record<string, string | number | boolean>>().notNull(),
  /** The sealed secret, never sent to the browser. */
  sealedSecret: text("sealed_secret"),
  createdBy: text("created_by").notNull(),
  createdAt: createdAt(),
});
export type NotificationChannel = typeof notificationChannels.$inferSelect;

/**
 * Notifications waiting to be delivered, and their outcome. A row is written in the same transaction as
 * the evaluation that caused it, so nothing is lost if the process stops; `leaseUntil` lets one drain own
 * a row while it sends, and a lease left by a dead process simply expires.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    channelId: integer("channel_id")
      .notNull()
      .references(() => notificationChannels.id, { onDelete: "cascade" }),
    alertEventId: integer("alert_event_id").references(() => alertEvents.id),
    /** The message: title, text, severity, link, and the alert's facts. */
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    leaseUntil: integer("lease_until", { mode: "timestamp_ms" }),
    deliveredAt: integer("delivered_at", { mode: "timestamp_ms" }),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_due").on(t.status, t.nextAttemptAt)],
);
export type OutboxEntry = typeof outbox.$inferSelect;

/** Every delivery attempt with its outcome, for the channel's log. */
export const deliveryAttempts = sqliteTable(
  "delivery_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    outboxId: integer("outbox_id")
      .notNull()
      .references(() => outbox.id, { onDelete: "cascade" }),
    channelId: integer("channel_id")
      .notNull()
      .references(() => notificationChannels.id, { onDelete: "cascade" }),
    ok: integer("ok", { mode: "boolean" }).notNull(),
    /** HTTP status, or the SMTP reply code; null when no answer came. */
    statusCode: integer("status_code"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("delivery_attempts_channel_at").on(t.channelId, t.at)],
);

/** One row per tick slot (the UTC minute): the primary key makes concurrent ticks of a slot run once. */
export const tickSlots = sqliteTable("tick_slots", {
  slot: text("slot").primaryKey(),
  startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
  finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
  /** What the tick did, as returned to its caller. */
  summary: text("summary", { mode: "json" }).$type<Record<string, unknown>>(),
});

/*
 * Authentication tables, as better-auth 1.7 generates them for its drizzle adapter (email and password,
 * a `role` on the user, database-backed rate limiting). Column names follow better-auth's, so its docs
 * apply; ids are better-auth's random strings.
 */
const authCreatedAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .default(sql`(cast(unixepoch('subsecond') * 1000 as integer))`)
    .notNull();

export const users = sqliteTable("user", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: integer("email_verified", { mode: "boolean" }).default(false).notNull(),
  image: text("image"),
  /** Defaults to the role that can change nothing. */
  role: text("role", { enum: ROLES }).default("pm").notNull(),
  createdAt: authCreatedAt(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .default(sql`(cast(unixepoch('subsecond') * 1000 as integer))`)
    .$onUpdate(() => new Date())
    .notNull(),
});
export type User = typeof users.$inferSelect;

export const sessions = sqliteTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    /** The session token the cookie carries (signed); removing the row ends the session. */
    token: text("token").notNull().unique(),
    createdAt: authCreatedAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .$onUpdate(() => new Date())
      .notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [index("session_userId_idx").on(t.userId)],
);

/** How a user signs in; for email and password, provider "credential" with the password hash (scrypt). */
export const accounts = sqliteTable(
  "account",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: integer("access_token_expires_at", { mode: "timestamp_ms" }),
    refreshTokenExpiresAt: integer("refresh_token_expires_at", { mode: "timestamp_ms" }),
    scope: text("scope"),
    password: text("password"),
    createdAt: authCreatedAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .$onUpdate(() => new Date())
      .notNull(),
  },
  (t) => [index("account_userId_idx").on(t.userId)],
);

export const verifications = sqliteTable(
  "verification",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: authCreatedAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .default(sql`(cast(unixepoch('subsecond') * 1000 as integer))`)
      .$onUpdate(() => new Date())
      .notNull(),
  },
  (t) => [index("verification_identifier_idx").on(t.identifier)],
);

/** better-auth's rate-limit counters: one row per client address and path; `lastRequest` in epoch ms. */
export const rateLimits = sqliteTable("rate_limit", {
  id: text("id").primaryKey(),
  key: text("key").notNull().unique(),
  count: integer("count").notNull(),
  lastRequest: integer("last_request").notNull(),
});

/** Secrets this instance generated for itself, such as the cookie-signing secret when none is configured. */
export const instanceSecrets = sqliteTable("instance_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: createdAt(),
});

/** The one-time link that lets the first person create the admin. Only a SHA-256 hash of the token is kept. */
export const setupTokens = sqliteTable("setup_tokens", {
  hash: text("hash").primaryKey(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  createdAt: createdAt(),
});

/**
 * Append-only record of every change people make. The actor is copied (id and email) rather than
 * referenced, so the history outlives a removed user.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorId: text("actor_id"),
    actorEmail: text("actor_email").notNull(),
    /** e.g. "pipeline.created"; the list is AUDIT_ACTIONS in lib/audit/audit.ts. */
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("audit_log_at").on(t.at),
    index("audit_log_actor_at").on(t.actorEmail, t.at),
    index("audit_log_action_at").on(t.action, t.at),
  ],
);
export type AuditEntry = typeof auditLog.$inferSelect;

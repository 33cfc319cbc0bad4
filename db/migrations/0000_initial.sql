CREATE TABLE `alert_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rule_id` integer NOT NULL,
	`batch_id` integer,
	`run_id` integer,
	`value` real,
	`severity` text NOT NULL,
	`state` text NOT NULL,
	`transition` integer NOT NULL,
	`message` text NOT NULL,
	`acknowledged_by` text,
	`acknowledged_note` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`rule_id`) REFERENCES `alert_rules`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `alert_events_rule_at` ON `alert_events` (`rule_id`,`at`);--> statement-breakpoint
CREATE TABLE `alert_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pipeline_id` integer NOT NULL,
	`signal` text NOT NULL,
	`feature` text,
	`operator` text NOT NULL,
	`warning` real,
	`critical` real,
	`fire_m` integer DEFAULT 1 NOT NULL,
	`fire_n` integer DEFAULT 1 NOT NULL,
	`cooldown_seconds` integer DEFAULT 0 NOT NULL,
	`renotify_seconds` integer DEFAULT 86400 NOT NULL,
	`channels` text NOT NULL,
	`state` text DEFAULT 'ok' NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`muted_until` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`pipeline_id`) REFERENCES `pipelines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `alias_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pipeline_id` integer NOT NULL,
	`alias` text NOT NULL,
	`model_version_id` integer NOT NULL,
	`previous_model_version_id` integer,
	`actor` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`pipeline_id`) REFERENCES `pipelines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`model_version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`previous_model_version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `alias_history_pipeline_at` ON `alias_history` (`pipeline_id`,`alias`,`at`);--> statement-breakpoint
CREATE TABLE `aliases` (
	`pipeline_id` integer NOT NULL,
	`alias` text NOT NULL,
	`model_version_id` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`pipeline_id`, `alias`),
	FOREIGN KEY (`pipeline_id`) REFERENCES `pipelines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`model_version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `api_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`hash` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_hash_unique` ON `api_keys` (`hash`);--> statement-breakpoint
CREATE TABLE `batch_rows` (
	`batch_id` integer NOT NULL,
	`row_number` integer NOT NULL,
	`entity_id` text,
	`cells` text NOT NULL,
	PRIMARY KEY(`batch_id`, `row_number`),
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `batch_rows_entity` ON `batch_rows` (`batch_id`,`entity_id`);--> statement-breakpoint
CREATE TABLE `batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dataset_id` integer NOT NULL,
	`as_of` integer NOT NULL,
	`source` text NOT NULL,
	`source_detail` text DEFAULT '' NOT NULL,
	`source_bytes` integer,
	`row_count` integer NOT NULL,
	`columns` text NOT NULL,
	`target_column` text,
	`positive_value` text,
	`id_column` text,
	`profile` text NOT NULL,
	`warnings` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `batches_dataset_as_of` ON `batches` (`dataset_id`,`as_of`);--> statement-breakpoint
CREATE TABLE `datasets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `datasets_name_unique` ON `datasets` (`name`);--> statement-breakpoint
CREATE TABLE `drift_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pipeline_id` integer NOT NULL,
	`model_version_id` integer NOT NULL,
	`batch_id` integer NOT NULL,
	`run_id` integer,
	`feature` text,
	`psi` real,
	`severity` text,
	`metrics` text NOT NULL,
	`computed_at` integer NOT NULL,
	FOREIGN KEY (`pipeline_id`) REFERENCES `pipelines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`model_version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `drift_results_pipeline_batch` ON `drift_results` (`pipeline_id`,`batch_id`);--> statement-breakpoint
CREATE TABLE `model_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pipeline_id` integer NOT NULL,
	`version` integer NOT NULL,
	`run_id` integer,
	`batch_id` integer,
	`engine` text NOT NULL,
	`model` text NOT NULL,
	`feature_dictionary` text NOT NULL,
	`reference_profile` text,
	`report` text NOT NULL,
	`gate_results` text,
	`gates_passed` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`pipeline_id`) REFERENCES `pipelines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `model_versions_pipeline_version` ON `model_versions` (`pipeline_id`,`version`);--> statement-breakpoint
CREATE TABLE `pipeline_locks` (
	`pipeline_id` integer PRIMARY KEY NOT NULL,
	`run_id` integer NOT NULL,
	`acquired_at` integer NOT NULL,
	FOREIGN KEY (`pipeline_id`) REFERENCES `pipelines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `pipelines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`dataset_id` integer NOT NULL,
	`target_column` text NOT NULL,
	`positive_value` text NOT NULL,
	`id_column` text,
	`event_time_column` text,
	`features` text NOT NULL,
	`engine` text DEFAULT 'cart' NOT NULL,
	`hyperparameters` text NOT NULL,
	`split` text NOT NULL,
	`gates` text NOT NULL,
	`deploy_policy` text DEFAULT 'manual' NOT NULL,
	`decision_threshold` real DEFAULT 0.5 NOT NULL,
	`risk_bands` text NOT NULL,
	`schedule` text,
	`scoring_dataset_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scoring_dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pipelines_name_unique` ON `pipelines` (`name`);--> statement-breakpoint
CREATE TABLE `run_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`name` text NOT NULL,
	`status` text NOT NULL,
	`counts` text,
	`messages` text NOT NULL,
	`error` text,
	`started_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `run_steps_run_name` ON `run_steps` (`run_id`,`name`);--> statement-breakpoint
CREATE TABLE `runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pipeline_id` integer NOT NULL,
	`trigger` text NOT NULL,
	`status` text NOT NULL,
	`batch_id` integer,
	`slot_key` text,
	`progress` text,
	`cancel_requested` integer DEFAULT false NOT NULL,
	`model_version_id` integer,
	`error` text,
	`started_at` integer,
	`finished_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`pipeline_id`) REFERENCES `pipelines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `runs_slot_key_unique` ON `runs` (`slot_key`);--> statement-breakpoint
CREATE INDEX `runs_pipeline_created` ON `runs` (`pipeline_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `scores` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pipeline_id` integer NOT NULL,
	`run_id` integer,
	`model_version_id` integer NOT NULL,
	`batch_id` integer NOT NULL,
	`entity_id` text NOT NULL,
	`probability` real NOT NULL,
	`previous_probability` real,
	`band` text NOT NULL,
	`reasons` text NOT NULL,
	`scored_at` integer NOT NULL,
	FOREIGN KEY (`pipeline_id`) REFERENCES `pipelines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`model_version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `scores_pipeline_entity` ON `scores` (`pipeline_id`,`entity_id`,`scored_at`);--> statement-breakpoint
CREATE INDEX `scores_run_probability` ON `scores` (`run_id`,`probability`);--> statement-breakpoint
CREATE INDEX `scores_run_band` ON `scores` (`run_id`,`band`,`probability`);--> statement-breakpoint
CREATE INDEX `scores_run_entity` ON `scores` (`run_id`,`entity_id`);
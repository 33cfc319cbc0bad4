CREATE TABLE `performance_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pipeline_id` integer NOT NULL,
	`model_version_id` integer NOT NULL,
	`scoring_run_id` integer NOT NULL,
	`label_batch_id` integer,
	`kind` text NOT NULL,
	`n` integer NOT NULL,
	`metrics` text NOT NULL,
	`computed_at` integer NOT NULL,
	FOREIGN KEY (`pipeline_id`) REFERENCES `pipelines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`model_version_id`) REFERENCES `model_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scoring_run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`label_batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `performance_results_key` ON `performance_results` (`scoring_run_id`,`kind`,`label_batch_id`);--> statement-breakpoint
CREATE INDEX `performance_results_pipeline` ON `performance_results` (`pipeline_id`,`scoring_run_id`);--> statement-breakpoint
ALTER TABLE `pipelines` ADD `label_lag_days` integer DEFAULT 30 NOT NULL;
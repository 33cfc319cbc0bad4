CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`config` text NOT NULL,
	`sealed_secret` text,
	`query` text NOT NULL,
	`row_limit` integer DEFAULT 200000 NOT NULL,
	`statement_timeout_ms` integer DEFAULT 60000 NOT NULL,
	`schedule` text,
	`dataset_id` integer NOT NULL,
	`target_column` text,
	`positive_value` text,
	`id_column` text,
	`pushdown_threshold` integer,
	`score_table` text,
	`last_slot_at` integer,
	`last_extracted_at` integer,
	`last_error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_name_unique` ON `sources` (`name`);--> statement-breakpoint
ALTER TABLE `pipelines` ADD `source_id` integer REFERENCES sources(id);
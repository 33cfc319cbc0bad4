CREATE TABLE `delivery_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outbox_id` integer NOT NULL,
	`channel_id` integer NOT NULL,
	`ok` integer NOT NULL,
	`status_code` integer,
	`error` text,
	`duration_ms` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`channel_id`) REFERENCES `notification_channels`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `delivery_attempts_channel_at` ON `delivery_attempts` (`channel_id`,`at`);--> statement-breakpoint
CREATE TABLE `notification_channels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`config` text NOT NULL,
	`sealed_secret` text,
	`created_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_channels_name_unique` ON `notification_channels` (`name`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel_id` integer NOT NULL,
	`alert_event_id` integer,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_until` integer,
	`delivered_at` integer,
	`last_error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`channel_id`) REFERENCES `notification_channels`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`alert_event_id`) REFERENCES `alert_events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `tick_slots` (
	`slot` text PRIMARY KEY NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`summary` text
);
--> statement-breakpoint
ALTER TABLE `alert_events` ADD `revision` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `alert_events` ADD `observation` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `alert_events` ADD `observation_id` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `alert_events` ADD `notification` text;--> statement-breakpoint
ALTER TABLE `alert_events` ADD `retrain_run_id` integer REFERENCES runs(id);--> statement-breakpoint
CREATE INDEX `alert_events_rule_revision` ON `alert_events` (`rule_id`,`revision`);--> statement-breakpoint
CREATE UNIQUE INDEX `alert_events_observation` ON `alert_events` (`rule_id`,`revision`,`observation`);--> statement-breakpoint
ALTER TABLE `alert_rules` ADD `metric` text;--> statement-breakpoint
ALTER TABLE `alert_rules` ADD `retrain` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `alert_rules` ADD `severity` text DEFAULT 'ok' NOT NULL;--> statement-breakpoint
ALTER TABLE `alert_rules` ADD `revision` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `alert_rules` ADD `open_event_id` integer;--> statement-breakpoint
ALTER TABLE `alert_rules` ADD `last_notified_at` integer;--> statement-breakpoint
ALTER TABLE `alert_rules` ADD `last_retrain_at` integer;--> statement-breakpoint
ALTER TABLE `alert_rules` ADD `acknowledged_by` text;--> statement-breakpoint
ALTER TABLE `alert_rules` ADD `acknowledged_note` text;--> statement-breakpoint
ALTER TABLE `alert_rules` ADD `acknowledged_at` integer;--> statement-breakpoint
ALTER TABLE `alert_rules` ADD `updated_at` integer;--> statement-breakpoint
CREATE INDEX `alert_rules_pipeline` ON `alert_rules` (`pipeline_id`);--> statement-breakpoint
CREATE INDEX `drift_results_pipeline_feature` ON `drift_results` (`pipeline_id`,`feature`);
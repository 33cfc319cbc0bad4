DROP INDEX `drift_results_pipeline_batch`;--> statement-breakpoint
CREATE INDEX `drift_results_history` ON `drift_results` (`pipeline_id`,`batch_id`,`run_id`,`feature`,`psi`,`severity`);
CREATE TABLE `artifacts` (
	`key` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`path` text NOT NULL,
	`bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`created_at` integer NOT NULL,
	`meta` text
);
--> statement-breakpoint
CREATE TABLE `cells` (
	`identity` text PRIMARY KEY NOT NULL,
	`config` text NOT NULL,
	`dataset` text NOT NULL,
	`model` text NOT NULL,
	`attack` text NOT NULL,
	`rate` real NOT NULL,
	`defense` text NOT NULL,
	`seed` integer NOT NULL,
	`setting` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`provenance` text,
	`error` text,
	`stack` text,
	`runner` text,
	`heartbeat_at` integer,
	`started_at` integer,
	`finished_at` integer,
	`wall_ms` integer
);
--> statement-breakpoint
CREATE INDEX `cells_status` ON `cells` (`status`);--> statement-breakpoint
CREATE INDEX `cells_board` ON `cells` (`dataset`,`model`,`attack`,`rate`,`defense`);--> statement-breakpoint
CREATE INDEX `cells_setting` ON `cells` (`setting`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`experiment_id` integer,
	`identity` text,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`payload` text,
	FOREIGN KEY (`experiment_id`) REFERENCES `experiments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `events_experiment` ON `events` (`experiment_id`);--> statement-breakpoint
CREATE TABLE `experiment_cells` (
	`experiment_id` integer NOT NULL,
	`identity` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`experiment_id`, `identity`),
	FOREIGN KEY (`experiment_id`) REFERENCES `experiments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`identity`) REFERENCES `cells`(`identity`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `experiment_cells_identity` ON `experiment_cells` (`identity`);--> statement-breakpoint
CREATE TABLE `experiments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`spec_text` text NOT NULL,
	`spec_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `experiments_name` ON `experiments` (`name`);--> statement-breakpoint
CREATE TABLE `metrics` (
	`identity` text NOT NULL,
	`name` text NOT NULL,
	`value` real,
	`spec_version` text NOT NULL,
	PRIMARY KEY(`identity`, `name`),
	FOREIGN KEY (`identity`) REFERENCES `cells`(`identity`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `metrics_name` ON `metrics` (`name`);--> statement-breakpoint
CREATE TABLE `repro_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`experiment_id` integer NOT NULL,
	`metric` text NOT NULL,
	`selector` text NOT NULL,
	`published` real NOT NULL,
	`tolerance` text NOT NULL,
	`measured` real,
	`ci_low` real,
	`ci_high` real,
	`passed` integer NOT NULL,
	`source` text NOT NULL,
	`checked_at` integer NOT NULL,
	FOREIGN KEY (`experiment_id`) REFERENCES `experiments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `repro_checks_experiment` ON `repro_checks` (`experiment_id`);
CREATE TABLE `setting_metrics` (
	`setting` text NOT NULL,
	`name` text NOT NULL,
	`dataset` text NOT NULL,
	`model` text NOT NULL,
	`attack` text NOT NULL,
	`rate` real NOT NULL,
	`defense` text NOT NULL,
	`comparison` text NOT NULL,
	`n` integer NOT NULL,
	`sum` real NOT NULL,
	`sum_squares` real NOT NULL,
	PRIMARY KEY(`setting`, `name`)
);

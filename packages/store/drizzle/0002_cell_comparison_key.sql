ALTER TABLE `cells` ADD `comparison` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `cells_comparison` ON `cells` (`comparison`,`seed`);
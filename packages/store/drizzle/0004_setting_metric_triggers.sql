-- Keeps setting_metrics (count, sum and sum of squares per setting and metric over finished
-- cells) in step with metrics and cell statuses, so the leaderboard reads one row per setting.
-- recordResults sets a cell finished, then replaces its metrics; a rerun makes it planned again.
CREATE TRIGGER `metrics_into_setting_metrics` AFTER INSERT ON `metrics`
WHEN NEW.`value` IS NOT NULL AND (SELECT `status` FROM `cells` WHERE `identity` = NEW.`identity`) = 'finished'
BEGIN
  INSERT INTO `setting_metrics` (`setting`, `name`, `dataset`, `model`, `attack`, `rate`, `defense`, `comparison`, `n`, `sum`, `sum_squares`)
  SELECT `setting`, NEW.`name`, `dataset`, `model`, `attack`, `rate`, `defense`, `comparison`, 1, NEW.`value`, NEW.`value` * NEW.`value`
  FROM `cells` WHERE `identity` = NEW.`identity`
  ON CONFLICT (`setting`, `name`) DO UPDATE SET `n` = `n` + 1, `sum` = `sum` + excluded.`sum`, `sum_squares` = `sum_squares` + excluded.`sum_squares`;
END;
--> statement-breakpoint
CREATE TRIGGER `metrics_out_of_setting_metrics` AFTER DELETE ON `metrics`
WHEN OLD.`value` IS NOT NULL AND (SELECT `status` FROM `cells` WHERE `identity` = OLD.`identity`) = 'finished'
BEGIN
  UPDATE `setting_metrics` SET `n` = `n` - 1, `sum` = `sum` - OLD.`value`, `sum_squares` = `sum_squares` - OLD.`value` * OLD.`value`
  WHERE `setting` = (SELECT `setting` FROM `cells` WHERE `identity` = OLD.`identity`) AND `name` = OLD.`name`;
END;
--> statement-breakpoint
CREATE TRIGGER `metrics_changed_in_setting_metrics` AFTER UPDATE OF `value` ON `metrics`
WHEN (SELECT `status` FROM `cells` WHERE `identity` = NEW.`identity`) = 'finished'
BEGIN
  UPDATE `setting_metrics` SET
    `n` = `n` - (OLD.`value` IS NOT NULL) + (NEW.`value` IS NOT NULL),
    `sum` = `sum` - coalesce(OLD.`value`, 0) + coalesce(NEW.`value`, 0),
    `sum_squares` = `sum_squares` - coalesce(OLD.`value` * OLD.`value`, 0) + coalesce(NEW.`value` * NEW.`value`, 0)
  WHERE `setting` = (SELECT `setting` FROM `cells` WHERE `identity` = NEW.`identity`) AND `name` = NEW.`name`;
END;
--> statement-breakpoint
CREATE TRIGGER `cell_finished_into_setting_metrics` AFTER UPDATE OF `status` ON `cells`
WHEN NEW.`status` = 'finished' AND OLD.`status` <> 'finished'
BEGIN
  INSERT INTO `setting_metrics` (`setting`, `name`, `dataset`, `model`, `attack`, `rate`, `defense`, `comparison`, `n`, `sum`, `sum_squares`)
  SELECT NEW.`setting`, `name`, NEW.`dataset`, NEW.`model`, NEW.`attack`, NEW.`rate`, NEW.`defense`, NEW.`comparison`, 1, `value`, `value` * `value`
  FROM `metrics` WHERE `identity` = NEW.`identity` AND `value` IS NOT NULL
  ON CONFLICT (`setting`, `name`) DO UPDATE SET `n` = `n` + 1, `sum` = `sum` + excluded.`sum`, `sum_squares` = `sum_squares` + excluded.`sum_squares`;
END;
--> statement-breakpoint
CREATE TRIGGER `cell_unfinished_out_of_setting_metrics` AFTER UPDATE OF `status` ON `cells`
WHEN OLD.`status` = 'finished' AND NEW.`status` <> 'finished'
BEGIN
  UPDATE `setting_metrics` SET
    `n` = `n` - 1,
    `sum` = `sum` - (SELECT `value` FROM `metrics` WHERE `identity` = OLD.`identity` AND `name` = `setting_metrics`.`name`),
    `sum_squares` = `sum_squares` - (SELECT `value` * `value` FROM `metrics` WHERE `identity` = OLD.`identity` AND `name` = `setting_metrics`.`name`)
  WHERE `setting` = OLD.`setting`
    AND `name` IN (SELECT `name` FROM `metrics` WHERE `identity` = OLD.`identity` AND `value` IS NOT NULL);
END;
--> statement-breakpoint
-- A later experiment may relabel a cell (registerCells); its setting's summary follows.
CREATE TRIGGER `cell_labels_into_setting_metrics` AFTER UPDATE OF `dataset`, `model`, `attack`, `defense`, `comparison` ON `cells`
WHEN NEW.`dataset` IS NOT OLD.`dataset` OR NEW.`model` IS NOT OLD.`model` OR NEW.`attack` IS NOT OLD.`attack`
  OR NEW.`defense` IS NOT OLD.`defense` OR NEW.`comparison` IS NOT OLD.`comparison`
BEGIN
  UPDATE `setting_metrics` SET `dataset` = NEW.`dataset`, `model` = NEW.`model`, `attack` = NEW.`attack`, `defense` = NEW.`defense`, `comparison` = NEW.`comparison`
  WHERE `setting` = NEW.`setting`;
END;
--> statement-breakpoint
INSERT INTO `setting_metrics` (`setting`, `name`, `dataset`, `model`, `attack`, `rate`, `defense`, `comparison`, `n`, `sum`, `sum_squares`)
SELECT c.`setting`, m.`name`, min(c.`dataset`), min(c.`model`), min(c.`attack`), min(c.`rate`), min(c.`defense`), min(c.`comparison`), count(*), sum(m.`value`), sum(m.`value` * m.`value`)
FROM `metrics` m JOIN `cells` c ON c.`identity` = m.`identity`
WHERE c.`status` = 'finished' AND m.`value` IS NOT NULL
GROUP BY c.`setting`, m.`name`;

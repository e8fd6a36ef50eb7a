-- 0004 rebuilt `exercise` (polar_exercise_id became optional), and DROP TABLE took its triggers with it.
-- These are the three triggers of 0002, unchanged: every write to `exercise` bumps athlete_data_version.
CREATE TRIGGER `exercise_data_version_insert` AFTER INSERT ON `exercise` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT NEW.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `exercise_data_version_delete` AFTER DELETE ON `exercise` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT OLD.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `exercise_data_version_update` AFTER UPDATE ON `exercise` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT NEW.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT OLD.`athlete_id`, 1 WHERE OLD.`athlete_id` <> NEW.`athlete_id` AND EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
END;

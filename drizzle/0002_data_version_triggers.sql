-- Bumps athlete_data_version on every insert, update and delete of a table the daily series reads, inside
-- the writing statement's transaction: the memoised series (lib/dal/daily.ts, lib/dal/roster.ts) is keyed by
-- the version, so no writer, present or future, can leave a stale series behind.
-- The EXISTS guard: deleting a user cascades into these tables after the user row is gone; re-creating the
-- version row then would break the foreign key (and leave a row behind for a deleted athlete).
-- A table added to the series must get the same three triggers.
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
--> statement-breakpoint
CREATE TRIGGER `sleep_data_version_insert` AFTER INSERT ON `sleep` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT NEW.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `sleep_data_version_delete` AFTER DELETE ON `sleep` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT OLD.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `sleep_data_version_update` AFTER UPDATE ON `sleep` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT NEW.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT OLD.`athlete_id`, 1 WHERE OLD.`athlete_id` <> NEW.`athlete_id` AND EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `nightly_recharge_data_version_insert` AFTER INSERT ON `nightly_recharge` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT NEW.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `nightly_recharge_data_version_delete` AFTER DELETE ON `nightly_recharge` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT OLD.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `nightly_recharge_data_version_update` AFTER UPDATE ON `nightly_recharge` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT NEW.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT OLD.`athlete_id`, 1 WHERE OLD.`athlete_id` <> NEW.`athlete_id` AND EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `cardio_load_data_version_insert` AFTER INSERT ON `cardio_load` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT NEW.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `cardio_load_data_version_delete` AFTER DELETE ON `cardio_load` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT OLD.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `cardio_load_data_version_update` AFTER UPDATE ON `cardio_load` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT NEW.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT OLD.`athlete_id`, 1 WHERE OLD.`athlete_id` <> NEW.`athlete_id` AND EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `athlete_physiology_override_data_version_insert` AFTER INSERT ON `athlete_physiology_override` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT NEW.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `athlete_physiology_override_data_version_delete` AFTER DELETE ON `athlete_physiology_override` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT OLD.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `athlete_physiology_override_data_version_update` AFTER UPDATE ON `athlete_physiology_override` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT NEW.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT OLD.`athlete_id`, 1 WHERE OLD.`athlete_id` <> NEW.`athlete_id` AND EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
END;

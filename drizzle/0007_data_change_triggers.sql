-- The data-version triggers of 0002, recreated so the same trigger also records WHICH athlete-local day
-- changed (athlete_data_change), with the version it just bumped to: lib/dal/series/state.ts resumes the
-- persisted series state from the earliest day changed since the version it was computed at. One trigger
-- body writes both, in order, so the recorded version is always the new one (SQLite does not promise an
-- order between two triggers on the same event). The EXISTS guard as in 0002: a user's cascading delete
-- must not re-create rows for them. A table added to the series must get the same three triggers.
DROP TRIGGER `exercise_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER `exercise_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER `exercise_data_version_update`;
--> statement-breakpoint
CREATE TRIGGER `exercise_data_version_insert` AFTER INSERT ON `exercise` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT NEW.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `athlete_data_change` (`athlete_id`, `local_date`, `version`)
    SELECT NEW.`athlete_id`, NEW.`local_date`, v.`version` FROM `athlete_data_version` v
    WHERE v.`athlete_id` = NEW.`athlete_id` AND EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`, `local_date`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `exercise_data_version_delete` AFTER DELETE ON `exercise` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT OLD.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `athlete_data_change` (`athlete_id`, `local_date`, `version`)
    SELECT OLD.`athlete_id`, OLD.`local_date`, v.`version` FROM `athlete_data_version` v
    WHERE v.`athlete_id` = OLD.`athlete_id` AND EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`, `local_date`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `exercise_data_version_update` AFTER UPDATE ON `exercise` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT NEW.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `athlete_data_change` (`athlete_id`, `local_date`, `version`)
    SELECT NEW.`athlete_id`, NEW.`local_date`, v.`version` FROM `athlete_data_version` v
    WHERE v.`athlete_id` = NEW.`athlete_id` AND EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`, `local_date`) DO UPDATE SET `version` = excluded.`version`;
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT OLD.`athlete_id`, 1 WHERE OLD.`athlete_id` <> NEW.`athlete_id` AND EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `athlete_data_change` (`athlete_id`, `local_date`, `version`)
    SELECT OLD.`athlete_id`, OLD.`local_date`, v.`version` FROM `athlete_data_version` v
    WHERE v.`athlete_id` = OLD.`athlete_id` AND (OLD.`athlete_id` <> NEW.`athlete_id` OR OLD.`local_date` <> NEW.`local_date`)
      AND EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`, `local_date`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
DROP TRIGGER `sleep_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER `sleep_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER `sleep_data_version_update`;
--> statement-breakpoint
CREATE TRIGGER `sleep_data_version_insert` AFTER INSERT ON `sleep` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT NEW.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `athlete_data_change` (`athlete_id`, `local_date`, `version`)
    SELECT NEW.`athlete_id`, NEW.`local_date`, v.`version` FROM `athlete_data_version` v
    WHERE v.`athlete_id` = NEW.`athlete_id` AND EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`, `local_date`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `sleep_data_version_delete` AFTER DELETE ON `sleep` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT OLD.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `athlete_data_change` (`athlete_id`, `local_date`, `version`)
    SELECT OLD.`athlete_id`, OLD.`local_date`, v.`version` FROM `athlete_data_version` v
    WHERE v.`athlete_id` = OLD.`athlete_id` AND EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`, `local_date`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `sleep_data_version_update` AFTER UPDATE ON `sleep` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT NEW.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `athlete_data_change` (`athlete_id`, `local_date`, `version`)
    SELECT NEW.`athlete_id`, NEW.`local_date`, v.`version` FROM `athlete_data_version` v
    WHERE v.`athlete_id` = NEW.`athlete_id` AND EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`, `local_date`) DO UPDATE SET `version` = excluded.`version`;
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT OLD.`athlete_id`, 1 WHERE OLD.`athlete_id` <> NEW.`athlete_id` AND EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `athlete_data_change` (`athlete_id`, `local_date`, `version`)
    SELECT OLD.`athlete_id`, OLD.`local_date`, v.`version` FROM `athlete_data_version` v
    WHERE v.`athlete_id` = OLD.`athlete_id` AND (OLD.`athlete_id` <> NEW.`athlete_id` OR OLD.`local_date` <> NEW.`local_date`)
      AND EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`, `local_date`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
DROP TRIGGER `nightly_recharge_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER `nightly_recharge_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER `nightly_recharge_data_version_update`;
--> statement-breakpoint
CREATE TRIGGER `nightly_recharge_data_version_insert` AFTER INSERT ON `nightly_recharge` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT NEW.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `athlete_data_change` (`athlete_id`, `local_date`, `version`)
    SELECT NEW.`athlete_id`, NEW.`local_date`, v.`version` FROM `athlete_data_version` v
    WHERE v.`athlete_id` = NEW.`athlete_id` AND EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`, `local_date`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `nightly_recharge_data_version_delete` AFTER DELETE ON `nightly_recharge` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT OLD.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `athlete_data_change` (`athlete_id`, `local_date`, `version`)
    SELECT OLD.`athlete_id`, OLD.`local_date`, v.`version` FROM `athlete_data_version` v
    WHERE v.`athlete_id` = OLD.`athlete_id` AND EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`, `local_date`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `nightly_recharge_data_version_update` AFTER UPDATE ON `nightly_recharge` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT NEW.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `athlete_data_change` (`athlete_id`, `local_date`, `version`)
    SELECT NEW.`athlete_id`, NEW.`local_date`, v.`version` FROM `athlete_data_version` v
    WHERE v.`athlete_id` = NEW.`athlete_id` AND EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`, `local_date`) DO UPDATE SET `version` = excluded.`version`;
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT OLD.`athlete_id`, 1 WHERE OLD.`athlete_id` <> NEW.`athlete_id` AND EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `athlete_data_change` (`athlete_id`, `local_date`, `version`)
    SELECT OLD.`athlete_id`, OLD.`local_date`, v.`version` FROM `athlete_data_version` v
    WHERE v.`athlete_id` = OLD.`athlete_id` AND (OLD.`athlete_id` <> NEW.`athlete_id` OR OLD.`local_date` <> NEW.`local_date`)
      AND EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`, `local_date`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
DROP TRIGGER `cardio_load_data_version_insert`;
--> statement-breakpoint
DROP TRIGGER `cardio_load_data_version_delete`;
--> statement-breakpoint
DROP TRIGGER `cardio_load_data_version_update`;
--> statement-breakpoint
CREATE TRIGGER `cardio_load_data_version_insert` AFTER INSERT ON `cardio_load` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT NEW.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `athlete_data_change` (`athlete_id`, `local_date`, `version`)
    SELECT NEW.`athlete_id`, NEW.`local_date`, v.`version` FROM `athlete_data_version` v
    WHERE v.`athlete_id` = NEW.`athlete_id` AND EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`, `local_date`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cardio_load_data_version_delete` AFTER DELETE ON `cardio_load` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT OLD.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `athlete_data_change` (`athlete_id`, `local_date`, `version`)
    SELECT OLD.`athlete_id`, OLD.`local_date`, v.`version` FROM `athlete_data_version` v
    WHERE v.`athlete_id` = OLD.`athlete_id` AND EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`, `local_date`) DO UPDATE SET `version` = excluded.`version`;
END;
--> statement-breakpoint
CREATE TRIGGER `cardio_load_data_version_update` AFTER UPDATE ON `cardio_load` BEGIN
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT NEW.`athlete_id`, 1 WHERE EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `athlete_data_change` (`athlete_id`, `local_date`, `version`)
    SELECT NEW.`athlete_id`, NEW.`local_date`, v.`version` FROM `athlete_data_version` v
    WHERE v.`athlete_id` = NEW.`athlete_id` AND EXISTS (SELECT 1 FROM `user` WHERE `id` = NEW.`athlete_id`)
    ON CONFLICT (`athlete_id`, `local_date`) DO UPDATE SET `version` = excluded.`version`;
  INSERT INTO `athlete_data_version` (`athlete_id`, `version`)
    SELECT OLD.`athlete_id`, 1 WHERE OLD.`athlete_id` <> NEW.`athlete_id` AND EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `athlete_data_change` (`athlete_id`, `local_date`, `version`)
    SELECT OLD.`athlete_id`, OLD.`local_date`, v.`version` FROM `athlete_data_version` v
    WHERE v.`athlete_id` = OLD.`athlete_id` AND (OLD.`athlete_id` <> NEW.`athlete_id` OR OLD.`local_date` <> NEW.`local_date`)
      AND EXISTS (SELECT 1 FROM `user` WHERE `id` = OLD.`athlete_id`)
    ON CONFLICT (`athlete_id`, `local_date`) DO UPDATE SET `version` = excluded.`version`;
END;

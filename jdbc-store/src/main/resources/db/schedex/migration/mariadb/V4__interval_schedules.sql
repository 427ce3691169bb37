-- Interval schedules (kind 'interval'): every n days, weeks or months from a date. Three columns
-- for the interval; the rule on each counted day, week or month is kept in the columns its own kind
-- uses (times; days and time_of_day; day_of_month, or ordinal and day_of_week, and time_of_day), and
-- a month's last day is a month interval with neither day_of_month nor ordinal. The kind CHECK is
-- replaced by one that knows the new kind and keeps the interval columns empty for the others.
ALTER TABLE ${prefix}schedules ADD COLUMN interval_count SMALLINT CHECK (interval_count BETWEEN 1 AND 999);
ALTER TABLE ${prefix}schedules ADD COLUMN interval_unit VARCHAR(6) CHECK (interval_unit IN ('days', 'weeks', 'months'));
ALTER TABLE ${prefix}schedules ADD COLUMN interval_from VARCHAR(10) CHECK (interval_from REGEXP '^[0-9]{4}-[0-9]{2}-[0-9]{2}$');
ALTER TABLE ${prefix}schedules DROP CONSTRAINT ${prefix}schedules_kind;
ALTER TABLE ${prefix}schedules ADD CONSTRAINT ${prefix}schedules_kind CHECK (
       (kind <> 'interval' AND interval_count IS NULL AND interval_unit IS NULL AND interval_from IS NULL AND (
               (kind = 'daily'            AND times IS NOT NULL AND days IS NULL AND day_of_month IS NULL AND ordinal IS NULL AND day_of_week IS NULL AND time_of_day IS NULL AND cron IS NULL)
            OR (kind = 'weekly'           AND times IS NULL AND days IS NOT NULL AND day_of_month IS NULL AND ordinal IS NULL AND day_of_week IS NULL AND time_of_day IS NOT NULL AND cron IS NULL)
            OR (kind = 'monthly'          AND times IS NULL AND days IS NULL AND day_of_month IS NOT NULL AND ordinal IS NULL AND day_of_week IS NULL AND time_of_day IS NOT NULL AND cron IS NULL)
            OR (kind = 'monthly-last-day' AND times IS NULL AND days IS NULL AND day_of_month IS NULL AND ordinal IS NULL AND day_of_week IS NULL AND time_of_day IS NOT NULL AND cron IS NULL)
            OR (kind = 'monthly-weekday'  AND times IS NULL AND days IS NULL AND day_of_month IS NULL AND ordinal IS NOT NULL AND day_of_week IS NOT NULL AND time_of_day IS NOT NULL AND cron IS NULL)
            OR (kind = 'cron'             AND times IS NULL AND days IS NULL AND day_of_month IS NULL AND ordinal IS NULL AND day_of_week IS NULL AND time_of_day IS NULL AND cron IS NOT NULL)))
    OR (kind = 'interval' AND interval_count IS NOT NULL AND interval_unit IS NOT NULL AND interval_from IS NOT NULL AND cron IS NULL AND (
               (interval_unit = 'days'   AND times IS NOT NULL AND days IS NULL AND day_of_month IS NULL AND ordinal IS NULL AND day_of_week IS NULL AND time_of_day IS NULL)
            OR (interval_unit = 'weeks'  AND times IS NULL AND days IS NOT NULL AND day_of_month IS NULL AND ordinal IS NULL AND day_of_week IS NULL AND time_of_day IS NOT NULL)
            OR (interval_unit = 'months' AND times IS NULL AND days IS NULL AND time_of_day IS NOT NULL
                AND ((ordinal IS NULL AND day_of_week IS NULL) OR (day_of_month IS NULL AND ordinal IS NOT NULL AND day_of_week IS NOT NULL))))));

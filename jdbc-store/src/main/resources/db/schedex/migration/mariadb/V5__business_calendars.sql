-- Business calendars. A schedule on the business days of a calendar keeps its rule's kind and
-- columns, and names the calendar (business_calendar) and what an occurrence on another day does
-- (non_business_day); the kind 'business-day' counts the business days of a month in its calendar
-- (business_day, -1 for the last) and runs at time_of_day. The kind CHECK is replaced by one that
-- knows the new kind and keeps business_day empty for the others; a second CHECK pairs the calendar
-- with its non-business-day rule on every kind but 'business-day', which has a calendar and no such rule.
ALTER TABLE ${prefix}schedules ADD COLUMN business_calendar VARCHAR(50) CHECK (business_calendar REGEXP '^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$');
ALTER TABLE ${prefix}schedules ADD COLUMN non_business_day VARCHAR(8) CHECK (non_business_day IN ('skip', 'next', 'previous'));
ALTER TABLE ${prefix}schedules ADD COLUMN business_day SMALLINT CHECK (business_day = -1 OR business_day BETWEEN 1 AND 31);
ALTER TABLE ${prefix}schedules DROP CONSTRAINT ${prefix}schedules_kind;
ALTER TABLE ${prefix}schedules ADD CONSTRAINT ${prefix}schedules_kind CHECK (
       (kind <> 'interval' AND interval_count IS NULL AND interval_unit IS NULL AND interval_from IS NULL AND business_day IS NULL AND (
               (kind = 'daily'            AND times IS NOT NULL AND days IS NULL AND day_of_month IS NULL AND ordinal IS NULL AND day_of_week IS NULL AND time_of_day IS NULL AND cron IS NULL)
            OR (kind = 'weekly'           AND times IS NULL AND days IS NOT NULL AND day_of_month IS NULL AND ordinal IS NULL AND day_of_week IS NULL AND time_of_day IS NOT NULL AND cron IS NULL)
            OR (kind = 'monthly'          AND times IS NULL AND days IS NULL AND day_of_month IS NOT NULL AND ordinal IS NULL AND day_of_week IS NULL AND time_of_day IS NOT NULL AND cron IS NULL)
            OR (kind = 'monthly-last-day' AND times IS NULL AND days IS NULL AND day_of_month IS NULL AND ordinal IS NULL AND day_of_week IS NULL AND time_of_day IS NOT NULL AND cron IS NULL)
            OR (kind = 'monthly-weekday'  AND times IS NULL AND days IS NULL AND day_of_month IS NULL AND ordinal IS NOT NULL AND day_of_week IS NOT NULL AND time_of_day IS NOT NULL AND cron IS NULL)
            OR (kind = 'cron'             AND times IS NULL AND days IS NULL AND day_of_month IS NULL AND ordinal IS NULL AND day_of_week IS NULL AND time_of_day IS NULL AND cron IS NOT NULL)))
    OR (kind = 'interval' AND interval_count IS NOT NULL AND interval_unit IS NOT NULL AND interval_from IS NOT NULL AND cron IS NULL AND business_day IS NULL AND (
               (interval_unit = 'days'   AND times IS NOT NULL AND days IS NULL AND day_of_month IS NULL AND ordinal IS NULL AND day_of_week IS NULL AND time_of_day IS NULL)
            OR (interval_unit = 'weeks'  AND times IS NULL AND days IS NOT NULL AND day_of_month IS NULL AND ordinal IS NULL AND day_of_week IS NULL AND time_of_day IS NOT NULL)
            OR (interval_unit = 'months' AND times IS NULL AND days IS NULL AND time_of_day IS NOT NULL
                AND ((ordinal IS NULL AND day_of_week IS NULL) OR (day_of_month IS NULL AND ordinal IS NOT NULL AND day_of_week IS NOT NULL)))))
    OR (kind = 'business-day' AND business_day IS NOT NULL AND time_of_day IS NOT NULL AND times IS NULL AND days IS NULL AND day_of_month IS NULL AND ordinal IS NULL AND day_of_week IS NULL AND cron IS NULL
        AND interval_count IS NULL AND interval_unit IS NULL AND interval_from IS NULL));
ALTER TABLE ${prefix}schedules ADD CONSTRAINT ${prefix}schedules_calendar CHECK (
       (kind = 'business-day' AND business_calendar IS NOT NULL AND non_business_day IS NULL)
    OR (kind <> 'business-day' AND ((business_calendar IS NULL AND non_business_day IS NULL) OR (business_calendar IS NOT NULL AND non_business_day IS NOT NULL))));

/**
 * Timing: the kinds of {@link dev.schedex.schedule.Schedule} (a sealed set of records), cron
 * expressions, {@link dev.schedex.schedule.Bounds}, the request form {@link
 * dev.schedex.schedule.ScheduleInput}, and {@link dev.schedex.schedule.NextRunCalculator}, which
 * states the daylight-saving rules once for every kind (docs/schedules.md has worked examples), and
 * what a schedule on business days does ({@link dev.schedex.schedule.NonBusinessDay}); the calendars
 * themselves are in {@link dev.schedex.calendar}.
 *
 * <p>The rules of {@link dev.schedex} hold: no nulls in or out, immutable values, instants in UTC
 * to the second. Every computation is bounded: a schedule that can never run answers empty at once.
 */
package dev.schedex.schedule;

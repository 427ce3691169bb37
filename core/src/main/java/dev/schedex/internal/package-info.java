/**
 * The engine behind {@link dev.schedex.ExportScheduleService}: request validation, and the tick in
 * its steps ({@link dev.schedex.internal.Tick}: claim, {@link dev.schedex.internal.MisfirePlanner
 * plan}, start, {@link dev.schedex.internal.RunExport export}, {@link
 * dev.schedex.internal.InFlightBatch record as they finish}, with {@link
 * dev.schedex.internal.ScheduleTransitions} deciding retries and pauses).
 *
 * <p><b>Internal.</b> These classes are public only so that the service can use them across
 * packages. They are not part of schedex's API: they may change or go in any release, and hosts,
 * plugins and stores must not use them. The rules of {@link dev.schedex} (no nulls, immutable
 * values) hold here too.
 */
package dev.schedex.internal;

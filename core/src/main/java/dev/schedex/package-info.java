/**
 * The host's API: {@link dev.schedex.ExportScheduleService}, the one entry point, and the values it
 * takes and returns (schedules, runs, requests, queries, policies, reports) and the exceptions it
 * throws, one per outcome ({@link dev.schedex.SchedexException}).
 *
 * <h2>Rules for every type in this package and below</h2>
 * <ul>
 *   <li><b>No nulls.</b> No method takes or returns {@code null}; passing one throws a
 *       {@link java.lang.NullPointerException}. What may be absent is an {@link java.util.Optional}.
 *       The one exception is raw request input, which is named where it applies: the maps of
 *       {@link dev.schedex.NewExportSchedule} and {@link dev.schedex.ScheduleUpdate} may carry
 *       {@code null} values, as a JSON body gives them, and validation names them.</li>
 *   <li><b>Values are immutable</b> records or final classes, safe to share between threads; the
 *       service is thread-safe.</li>
 *   <li><b>Instants are UTC</b> and kept to the millisecond (occurrences to the second); wall times
 *       live only inside a schedule with its zone.</li>
 * </ul>
 *
 * <p>Where the rest lives: {@link dev.schedex.schedule} (timing), {@link dev.schedex.calendar}
 * (business calendars), {@link dev.schedex.spi} (for
 * format and destination authors), {@link dev.schedex.spi.store} (for store authors),
 * {@link dev.schedex.store} and {@link dev.schedex.destination} (the built-in store and destination),
 * and {@code dev.schedex.internal} (the engine; not for hosts).
 */
package dev.schedex;

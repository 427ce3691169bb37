/**
 * Micrometer metrics for a schedex service: {@link dev.schedex.micrometer.SchedexMetrics} is an
 * {@link dev.schedex.ExportListener} that counts runs, ticks and claims and times renders, deliveries
 * and lag, and binds the service's {@link dev.schedex.ServiceCounters}. No tag carries an owner,
 * schedule or document id: tags are the format, the destination's name and the status, all bounded
 * by what the host registered.
 *
 * <p>No nulls across the API (absent is {@link java.util.Optional}).
 */
package dev.schedex.micrometer;

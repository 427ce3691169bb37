/**
 * The REST endpoints under {@code /api/scheduled-exports} ({@code schedex.web.enabled=true}):
 * {@link dev.schedex.spring.web.ScheduledExportsController}, and the
 * {@link dev.schedex.spring.web.ScheduleOwnerResolver} an application may replace. See
 * {@code docs/spring-boot.md} for the reference. No nulls across the API (absent is
 * {@link java.util.Optional}).
 */
package dev.schedex.spring.web;

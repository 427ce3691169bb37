/**
 * The Spring Boot starter: {@link dev.schedex.spring.SchedexAutoConfiguration} builds the service on
 * the application's {@code DataSource}; {@link dev.schedex.spring.SchedexTicker} ticks it on Spring's
 * scheduler and stops it gracefully; {@link dev.schedex.spring.SchedexHealthIndicator} reports it to
 * the actuator. See {@code docs/spring-boot.md}. No nulls across the API (absent is
 * {@link java.util.Optional}).
 */
package dev.schedex.spring;

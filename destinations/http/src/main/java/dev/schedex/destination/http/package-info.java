/**
 * Destinations that deliver exports over HTTP to people and their systems: {@link
 * dev.schedex.destination.http.WebhookDestination} (a POST to a URL the owner gives, signed, with an
 * idempotency key) and {@link dev.schedex.destination.http.SlackDestination} (a file in a Slack
 * channel the host allows). Both run on the JDK's {@link java.net.http.HttpClient} and refuse any
 * address on the host's own network unless the host allowed it.
 *
 * <p>The rules of {@link dev.schedex} hold: no nulls across the API (absent is {@link
 * java.util.Optional}), values immutable, destinations thread-safe.
 */
package dev.schedex.destination.http;

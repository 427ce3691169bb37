/**
 * The plumbing of the HTTP destinations: the address policy that keeps exports off the host's own
 * network, bounded exchanges over the JDK's {@link java.net.http.HttpClient}, status classification
 * and a small JSON kit. Not API: it may change in any release. The rules of {@link dev.schedex} hold:
 * no nulls across the API (absent is {@link java.util.Optional}).
 */
package dev.schedex.destination.http.internal;

/**
 * The email destination's parts: the owner's parameters, the recipient policy, the message and the
 * reading of SMTP failures. Not API: may change in any release. No nulls across these types
 * (absent is {@code Optional}).
 */
package dev.schedex.destination.email.internal;

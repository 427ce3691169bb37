/**
 * The email {@link dev.schedex.spi.ExportDestination}: {@link
 * dev.schedex.destination.email.EmailDestination} sends exports over SMTP to recipients within a
 * policy the host sets, and {@link dev.schedex.destination.LinkMaker} lets it send a link
 * instead of an export too large to attach. No nulls across the API (absent is {@code Optional});
 * the rules of {@link dev.schedex} hold.
 */
package dev.schedex.destination.email;

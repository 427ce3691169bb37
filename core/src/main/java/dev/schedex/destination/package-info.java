/**
 * The built-in file-system {@link dev.schedex.spi.ExportDestination}, and the kit every storage
 * destination is built on, so that its parameters mean the same everywhere: {@link
 * dev.schedex.destination.StorageParameters} (what an owner may give), {@link
 * dev.schedex.destination.PathTemplate} (file names that never leave the configured root) and {@link
 * dev.schedex.destination.Retention} (keep-last-N). The rules of {@link dev.schedex} hold.
 */
package dev.schedex.destination;

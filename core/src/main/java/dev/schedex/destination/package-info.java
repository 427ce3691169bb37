/**
 * The built-in file-system {@link dev.schedex.spi.ExportDestination}: exports below a root
 * directory the host configures, never outside it. The rules of {@link dev.schedex} hold.
 */
package dev.schedex.destination;

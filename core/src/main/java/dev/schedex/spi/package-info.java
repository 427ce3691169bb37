/**
 * For plugin authors: what a host implements ({@link dev.schedex.spi.DocumentSource}) and what a
 * format ({@link dev.schedex.spi.ExportFormat}) or a destination ({@link
 * dev.schedex.spi.ExportDestination}) implements, with the values they are handed ({@link
 * dev.schedex.spi.ExportDocument}, {@link dev.schedex.spi.ExportContext}, {@link
 * dev.schedex.spi.Delivery}). Store authors look in {@link dev.schedex.spi.store}.
 *
 * <p>The rules of {@link dev.schedex} hold: no nulls in or out (absent is {@link java.util.Optional}),
 * immutable values. Implementations must be thread-safe: the service calls them from whichever
 * thread runs an export. Everything a plugin receives from a schedule (settings, parameters, the
 * document) comes from end users: validate it, and reach nothing the host did not allow.
 */
package dev.schedex.spi;

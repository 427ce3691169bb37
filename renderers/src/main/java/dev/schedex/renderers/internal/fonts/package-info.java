/**
 * Web fonts as Java reads them: {@link dev.schedex.renderers.internal.fonts.WebFonts}, the door,
 * turns the WOFF and WOFF2 fonts that a drawing embeds into the sfnt (TrueType or OpenType) bytes
 * that {@link java.awt.Font} reads, checking every length and offset of a font that comes from an
 * untrusted drawing. Each format has a class of its own: {@code Woff}, {@code Woff2} (with
 * {@code Woff2Glyphs}) and {@code Sfnt}.
 *
 * <p><b>Internal.</b> The public classes here are public only so that the formats and the other
 * wings of {@code dev.schedex.renderers.internal} can use them across packages. They are not part of
 * schedex's API: they may change or go in any release, and hosts and plugins must not use them.
 * The rules of {@link dev.schedex} hold here too: no method takes or returns {@code null} (where a
 * library's interface that a class implements wants one, the method is marked {@code @Nullable}),
 * and values are immutable.
 *
 * <p>The lowest wing: it uses no other ({@code LayoutTest} checks).
 */
package dev.schedex.renderers.internal.fonts;

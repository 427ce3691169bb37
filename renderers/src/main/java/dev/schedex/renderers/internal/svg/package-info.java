/**
 * The drawing as text. {@link dev.schedex.renderers.internal.svg.SafeSvg} is the door: a drawing,
 * sanitised, and the route it takes to each format (for Batik, portable, serialised). Behind it,
 * {@link dev.schedex.renderers.internal.svg.SvgSanitiser} parses an untrusted SVG and keeps only
 * what cannot load, run or blow up (with {@code CssSanitiser}, {@code CssTokens}, {@code EmbeddedSvg}
 * and {@link dev.schedex.renderers.internal.svg.UrlPolicy}), and {@code DrawingNormaliser} rewrites
 * what is kept into the form a browser would draw, for Batik or for a portable file, with an ordered
 * list of one-rule classes ({@code DrawingRule}) over {@code CssNormaliser}. The drawing's own
 * address, {@link dev.schedex.renderers.internal.svg.SvgSanitiser#BASE_URI}, lives here.
 *
 * <p><b>Internal.</b> The public classes here are public only so that the formats and the other
 * wings of {@code dev.schedex.renderers.internal} can use them across packages. They are not part of
 * schedex's API: they may change or go in any release, and hosts and plugins must not use them.
 * The rules of {@link dev.schedex} hold here too: no method takes or returns {@code null} (where a
 * library's interface that a class implements wants one, the method is marked {@code @Nullable}),
 * and values are immutable.
 *
 * <p>The lowest wing but fonts: it uses {@code fonts} only, never {@code batik} or {@code notes}
 * ({@code LayoutTest} checks).
 */
package dev.schedex.renderers.internal.svg;

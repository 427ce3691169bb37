/**
 * The PNG file: {@link dev.schedex.renderers.internal.png.PngEncoder} writes a painted image as a
 * PNG with the deflate level and row filter chosen by measurement (see docs/benchmarks.md).
 *
 * <p><b>Internal.</b> The public classes here are public only so that the formats can use them
 * across packages. They are not part of schedex's API: they may change or go in any release, and
 * hosts and plugins must not use them. The rules of {@link dev.schedex} hold here too: no method
 * takes or returns {@code null}, and values are immutable.
 *
 * <p>It uses no other wing ({@code LayoutTest} checks).
 */
package dev.schedex.renderers.internal.png;

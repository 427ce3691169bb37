/**
 * The drawing in Batik: {@link dev.schedex.renderers.internal.batik.Drawing}, the door, builds a
 * sanitised drawing into Batik's graphics tree and paints it; {@code BatikSetup},
 * {@code SafeUserAgent}, {@code VectorGradients}, {@code EmbeddedFontFamily} and
 * {@code StoppableShape} are the parts of Batik it sets up or replaces; {@code LabelBridge} draws
 * the HTML labels of {@code <foreignObject>}s with openhtmltopdf's CSS engine ({@code Labels},
 * {@code LabelLayout} and the other {@code Label} classes). Every render runs on a
 * thread of its own within its limits ({@link dev.schedex.renderers.internal.batik.TimedRender}),
 * and work with no interruption point of its own checks that thread's halt
 * ({@link dev.schedex.renderers.internal.batik.HaltCheck}).
 *
 * <p><b>Internal.</b> The public classes here are public only so that the formats and the other
 * wings of {@code dev.schedex.renderers.internal} can use them across packages. They are not part of
 * schedex's API: they may change or go in any release, and hosts and plugins must not use them.
 * The rules of {@link dev.schedex} hold here too: no method takes or returns {@code null} (where a
 * library's interface that a class implements wants one, the method is marked {@code @Nullable}),
 * and values are immutable.
 *
 * <p>It uses {@code svg} and {@code fonts}, never {@code notes} ({@code LayoutTest} checks).
 */
package dev.schedex.renderers.internal.batik;

/**
 * A document's notes, Markdown written by end users: {@link dev.schedex.renderers.internal.notes.Notes}
 * parses them within bounds (its reading stops when the render is halted, through
 * {@code StoppableText}); {@link dev.schedex.renderers.internal.notes.SafeMarkdown} makes them
 * inert for a Markdown file; {@link dev.schedex.renderers.internal.notes.NotesTypesetter} sets them
 * as PDF paragraphs, and {@link dev.schedex.renderers.internal.notes.StablePdfWriter} writes a PDF
 * that is the same bytes for the same input.
 *
 * <p><b>Internal.</b> The public classes here are public only so that the formats and the other
 * wings of {@code dev.schedex.renderers.internal} can use them across packages. They are not part of
 * schedex's API: they may change or go in any release, and hosts and plugins must not use them.
 * The rules of {@link dev.schedex} hold here too: no method takes or returns {@code null} (where a
 * library's interface that a class implements wants one, the method is marked {@code @Nullable}),
 * and values are immutable.
 *
 * <p>It uses {@code svg} for {@code UrlPolicy} and {@code batik} for {@code HaltCheck}, never the
 * formats ({@code LayoutTest} checks).
 */
package dev.schedex.renderers.internal.notes;

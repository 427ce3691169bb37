package dev.schedex.renderers.internal.notes;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.schedex.spi.ExportException;
import java.util.List;
import java.util.function.Supplier;

/**
 * How every format reads a document's notes: CommonMark with GitHub's tables, strikethrough, task
 * lists and autolinks, so that the HTML page and the PDF show the same structure.
 */
public final class Notes {

    private Notes() {}

    /**
     * The most columns a table in the notes may have: flexmark runs out of stack from about 500 (see
     * {@link #parse}), and no page shows more legibly.
     */
    public static final int MAX_TABLE_COLUMNS = 200;

    /** The longest notes accepted, in characters. */
    public static final int MAX_CHARS = 2_000_000;

    /**
     * @param markdown a document's notes
     * @return the notes, if within {@link #MAX_CHARS}
     * @throws ExportException if they are longer
     */
    public static String bounded(String markdown) {
        if (markdown.length() > MAX_CHARS) {
            throw new ExportException(
                    "the notes are too long: " + markdown.length() + " characters, at most " + MAX_CHARS);
        }
        return markdown;
    }

    /**
     * Reads or renders notes where flexmark recurses once per level of nesting: a stack overflow
     * unwinds to here, on the thread that called, which lives on.
     *
     * @param format what the notes become, for the message ("HTML")
     * @param work   the reading or rendering
     * @param <T>    what it makes
     * @return what it made
     * @throws ExportException if the notes nest too deeply for the stack
     */
    public static <T> T read(String format, Supplier<T> work) {
        try {
            return work.get();
        } catch (StackOverflowError e) {
            throw new ExportException(
                    "the notes are too deeply nested to render as " + format + " (the render ran out of stack)");
        }
    }

    /**
     * @param parser   a parser made with {@link #options()} and what the caller adds
     * @param markdown notes, checked against {@link #MAX_CHARS}
     * @return the notes' syntax tree, read from text that stops the reading when the render thread is
     *         halted ({@link StoppableText})
     */
    public static Document parse(Parser parser, String markdown) {
        checkTableWidths(bounded(markdown));
        return parser.parse(BasedSequence.of(new StoppableText(markdown)));
    }

    /**
     * flexmark matches a table's delimiter row ({@code |---|:-:|}) with a regular expression that
     * recurses once per column, and overflows the stack of a render thread from about 500 columns:
     * a wider table fails here, before parsing, with the limit. Every line made of pipes, dashes,
     * colons and spaces counts, wherever it is (in a quote, in code): a false alarm needs such a line
     * of over {@link #MAX_TABLE_COLUMNS} columns.
     */
    private static void checkTableWidths(String markdown) {
        for (String line : (Iterable<String>) markdown.lines()::iterator) {
            String row = line.replaceFirst("^[\\s>]+", "");
            if (row.indexOf('|') < 0 || row.indexOf('-') < 0 || !row.chars().allMatch(c -> "|-: \t".indexOf(c) >= 0)) {
                continue;
            }
            long columns = List.of(row.split("\\|")).stream()
                    .filter(cell -> cell.indexOf('-') >= 0)
                    .count();
            if (columns > MAX_TABLE_COLUMNS) {
                throw new ExportException("the table is too wide: a table in the notes has " + columns
                        + " columns, at most " + MAX_TABLE_COLUMNS);
            }
        }
    }

    /** @return flexmark options with the notes' extensions; the caller may add its own */
    public static MutableDataSet options() {
        MutableDataSet options = new MutableDataSet();
        options.set(
                Parser.EXTENSIONS,
                List.of(
                        TablesExtension.create(),
                        StrikethroughExtension.create(),
                        TaskListExtension.create(),
                        AutolinkExtension.create()));
        return options;
    }
}

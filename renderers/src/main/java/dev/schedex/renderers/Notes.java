package dev.schedex.renderers;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.schedex.spi.ExportException;

import java.util.List;

/**
 * How every format reads a document's notes: CommonMark with GitHub's tables, strikethrough, task
 * lists and autolinks, so that the HTML page and the PDF show the same structure.
 */
final class Notes {

    private Notes() {
    }

    /** The longest notes accepted, in characters. */
    static final int MAX_CHARS = 2_000_000;

    /**
     * @param markdown a document's notes
     * @return the notes, if within {@link #MAX_CHARS}
     * @throws ExportException if they are longer
     */
    static String bounded(String markdown) {
        if (markdown.length() > MAX_CHARS) {
            throw new ExportException("the notes are too long: " + markdown.length() + " characters, at most " + MAX_CHARS);
        }
        return markdown;
    }

    /** @return flexmark options with the notes' extensions; the caller may add its own */
    static MutableDataSet options() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                TaskListExtension.create(), AutolinkExtension.create()));
        return options;
    }
}

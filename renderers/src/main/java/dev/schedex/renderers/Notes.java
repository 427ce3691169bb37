package dev.schedex.renderers;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;

import java.util.List;

/**
 * How every format reads a document's notes: CommonMark with GitHub's tables, strikethrough, task
 * lists and autolinks, so that the HTML page and the PDF show the same structure.
 */
final class Notes {

    private Notes() {
    }

    /** @return flexmark options with the notes' extensions; the caller may add its own */
    static MutableDataSet options() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                TaskListExtension.create(), AutolinkExtension.create()));
        return options;
    }
}

package dev.schedex.renderers.internal.notes;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.CodeBlock;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.schedex.renderers.internal.svg.UrlPolicy;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Makes Markdown safe to open in a viewer that renders it as HTML, keeping what it says: every
 * {@code <} outside code (and outside an autolink to a safe URL) is written {@code &lt;}, so raw HTML
 * shows as the text it is, whatever the viewer's parser makes of it; link destinations that
 * {@link UrlPolicy} refuses, and image sources that are neither safe nor {@code data:image/}, become
 * {@code #}, in inline links, reference definitions and autolinks alike. The notes are read by
 * flexmark as every format reads them ({@link Notes}), and the text is changed only at those places.
 */
public final class SafeMarkdown {

    private static final Parser PARSER = Parser.builder(Notes.options()).build();

    private SafeMarkdown() {}

    /**
     * @param markdown notes, within {@link Notes#MAX_CHARS}
     * @return the notes with raw HTML escaped and unsafe destinations made inert
     */
    public static String neutralise(String markdown) {
        // offsets where text must stay as written (code, safe autolinks, kept destinations): start -> end
        TreeMap<Integer, Integer> kept = new TreeMap<>();
        // destinations to replace: start -> end
        TreeMap<Integer, Integer> refused = new TreeMap<>();
        for (Node node : Notes.parse(PARSER, markdown).getDescendants()) {
            if (node instanceof Code
                    || node instanceof CodeBlock
                    || node instanceof FencedCodeBlock
                    || node instanceof IndentedCodeBlock
                    || node instanceof MailLink) {
                keep(kept, node.getChars());
            } else if (node instanceof AutoLink) {
                if (UrlPolicy.isSafe(((AutoLink) node).getText().toString())) {
                    keep(kept, node.getChars());
                }
            } else if (node instanceof Link || node instanceof Image || node instanceof Reference) {
                LinkNodeBase link = (LinkNodeBase) node;
                BasedSequence url = link.getUrl();
                keep(kept, link.getUrlOpeningMarker()); // the '<' of "(<url>)"
                if (isSafe(url.toString(), !(node instanceof Link))) {
                    keep(kept, url);
                } else if (url.isNotNull() && !url.isEmpty()) {
                    refused.put(url.getStartOffset(), url.getEndOffset());
                }
            }
        }
        StringBuilder out = new StringBuilder(markdown.length() + 16);
        int backslashes = 0;
        for (int i = 0; i < markdown.length(); i++) {
            Integer end = refused.get(i);
            if (end != null) {
                out.append('#');
                i = end - 1;
                backslashes = 0;
                continue;
            }
            char c = markdown.charAt(i);
            if (c == '<' && backslashes % 2 == 0 && !inside(kept, i)) {
                out.append("&lt;");
            } else {
                out.append(c);
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }
        return out.toString();
    }

    /** Links as {@link UrlPolicy} allows; images also from {@code data:image/} URLs (the file stands alone). */
    private static boolean isSafe(String url, boolean image) {
        return UrlPolicy.isSafe(url)
                || image && url.strip().toLowerCase(Locale.ROOT).startsWith("data:image/");
    }

    private static void keep(TreeMap<Integer, Integer> kept, BasedSequence chars) {
        if (chars.isNotNull()) {
            kept.merge(chars.getStartOffset(), chars.getEndOffset(), Math::max);
        }
    }

    private static boolean inside(TreeMap<Integer, Integer> ranges, int offset) {
        var range = ranges.floorEntry(offset);
        return range != null && offset < range.getValue();
    }
}

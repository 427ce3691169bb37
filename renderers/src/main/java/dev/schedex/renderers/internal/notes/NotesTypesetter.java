package dev.schedex.renderers.internal.notes;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.draw.LineSeparator;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.CodeBlock;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextContainer;
import dev.schedex.renderers.internal.svg.UrlPolicy;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Typesets a document's notes (Markdown, read as by {@link Notes}) as OpenPDF elements: headings,
 * paragraphs with bold, italic, strikethrough and code, links, bullet, numbered and task lists, code
 * blocks, quotes, rules and tables. Images in the notes are never fetched; their alternative text is
 * shown instead. Links keep only the URLs that {@link UrlPolicy} allows and that mean something in a
 * file of their own (absolute http, https and mailto).
 *
 * <p>Text is set in the PDF standard fonts (Helvetica, Courier), which every reader has; a character
 * they lack (Greek, Cyrillic, most symbols) is set in Liberation Sans, which OpenPDF ships and which
 * is embedded, so no text is lost. One instance per document: it keeps the fonts it has made.
 */
public final class NotesTypesetter {

    private static final Parser PARSER = Parser.builder(Notes.options()).build();
    private static final float BODY = 10.5f;
    private static final float[] HEADING_SIZES = {20, 16, 13.5f, 12, 11, 10.5f};
    private static final Color QUIET = new Color(0x57606a);
    private static final Color LINK = new Color(0x0969da);
    private static final Color CODE_BACKGROUND = new Color(0xf3f4f6);
    private static final Color RULE = new Color(0xd0d7de);

    /** Style bits of a run of text. */
    private static final int BOLD = 1;

    private static final int ITALIC = 2;
    private static final int MONO = 4;
    private static final int STRIKE = 8;

    private final Map<String, FontSelector> selectors = new HashMap<>();

    /**
     * @param markdown the notes
     * @return the notes as elements to add to a PDF document, in order
     */
    public List<Element> typeset(String markdown) {
        return Notes.read("PDF", () -> {
            List<Element> elements = new ArrayList<>();
            for (Node block = Notes.parse(PARSER, markdown).getFirstChild(); block != null; block = block.getNext()) {
                elements.addAll(block(block, 0, Color.BLACK));
            }
            return elements;
        });
    }

    private List<Element> block(Node node, float indent, Color colour) {
        if (node instanceof Heading) {
            Heading heading = (Heading) node;
            float size = HEADING_SIZES[Math.min(heading.getLevel(), 6) - 1];
            Paragraph paragraph = paragraph(node, BOLD, size, colour, indent);
            paragraph.setSpacingBefore(size * 0.8f);
            paragraph.setSpacingAfter(size * 0.3f);
            return List.of(paragraph);
        }
        if (node instanceof com.vladsch.flexmark.ast.Paragraph) {
            Paragraph paragraph = paragraph(node, 0, BODY, colour, indent);
            paragraph.setSpacingAfter(BODY * 0.6f);
            return List.of(paragraph);
        }
        if (node instanceof ListBlock) {
            return list((ListBlock) node, indent, colour);
        }
        if (node instanceof CodeBlock || node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
            return List.of(codeBlock(((Block) node).getContentChars().toString(), indent));
        }
        if (node instanceof BlockQuote) {
            List<Element> quoted = new ArrayList<>();
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                quoted.addAll(block(child, indent + 18, QUIET));
            }
            return quoted;
        }
        if (node instanceof ThematicBreak) {
            Paragraph rule = new Paragraph(new Chunk(new LineSeparator(0.8f, 100, RULE, Element.ALIGN_CENTER, -2)));
            rule.setSpacingAfter(BODY * 0.6f);
            return List.of(rule);
        }
        if (node instanceof TableBlock) {
            return List.of(table((TableBlock) node, indent));
        }
        // raw HTML and anything else: its text, as text (nothing in the notes is ever interpreted)
        String text = node.getChars().toString().strip();
        if (text.isEmpty()) {
            return List.of();
        }
        Paragraph paragraph = new Paragraph(BODY * 1.35f);
        paragraph.add(phrase(text, 0, BODY, colour));
        paragraph.setIndentationLeft(indent);
        paragraph.setSpacingAfter(BODY * 0.6f);
        return List.of(paragraph);
    }

    private Paragraph paragraph(Node node, int style, float size, Color colour, float indent) {
        Paragraph paragraph = new Paragraph(size * 1.35f);
        inline(node, style, size, colour, null, paragraph);
        paragraph.setIndentationLeft(indent);
        return paragraph;
    }

    private List<Element> list(ListBlock list, float indent, Color colour) {
        List<Element> elements = new ArrayList<>();
        int number = list instanceof OrderedList ? ((OrderedList) list).getStartNumber() : 1;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            String marker = item instanceof TaskListItem
                    ? (((TaskListItem) item).isItemDoneMarker() ? "[x]" : "[ ]")
                    : list instanceof BulletList ? "\u2022" : number + ".";
            number++;
            boolean first = true;
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof ListBlock) {
                    elements.addAll(list((ListBlock) child, indent + 18, colour));
                    continue;
                }
                for (Element element : block(child, indent + 18, colour)) {
                    if (first && element instanceof Paragraph) {
                        Paragraph paragraph = (Paragraph) element;
                        paragraph.setFirstLineIndent(-14);
                        paragraph.add(0, phrase(marker + " ", item instanceof TaskListItem ? MONO : 0, BODY, colour));
                        paragraph.setSpacingAfter(BODY * 0.25f);
                        first = false;
                    }
                    elements.add(element);
                }
            }
        }
        if (!elements.isEmpty() && elements.get(elements.size() - 1) instanceof Paragraph) {
            ((Paragraph) elements.get(elements.size() - 1)).setSpacingAfter(BODY * 0.6f);
        }
        return elements;
    }

    private PdfPTable codeBlock(String code, float indent) {
        PdfPCell cell = new PdfPCell(phrase(code.stripTrailing(), MONO, BODY * 0.85f, Color.BLACK));
        cell.setBackgroundColor(CODE_BACKGROUND);
        cell.setBorder(PdfPCell.NO_BORDER);
        cell.setPadding(6);
        cell.setLeading(0, 1.3f);
        PdfPTable table = new PdfPTable(1);
        table.addCell(cell);
        return framed(table, indent);
    }

    private PdfPTable table(TableBlock block, float indent) {
        List<List<TableCell>> rows = new ArrayList<>();
        collectRows(block, rows);
        int columns = rows.stream().mapToInt(List::size).max().orElse(1);
        PdfPTable table = new PdfPTable(columns);
        for (List<TableCell> row : rows) {
            for (int i = 0; i < columns; i++) {
                TableCell source = i < row.size() ? row.get(i) : null;
                boolean header = source != null && source.isHeader();
                Paragraph content = new Paragraph(BODY * 1.3f);
                if (source != null) {
                    inline(source, header ? BOLD : 0, BODY * 0.95f, Color.BLACK, null, content);
                }
                PdfPCell cell = new PdfPCell(content);
                cell.setPadding(4);
                cell.setBorderColor(RULE);
                cell.setUseAscender(true);
                cell.setHorizontalAlignment(source == null ? Element.ALIGN_LEFT : alignment(source.getAlignment()));
                if (header) {
                    cell.setBackgroundColor(CODE_BACKGROUND);
                }
                table.addCell(cell);
            }
        }
        table.setHeaderRows(
                rows.isEmpty() || rows.get(0).isEmpty() || !rows.get(0).get(0).isHeader() ? 0 : 1);
        return framed(table, indent);
    }

    private static void collectRows(Node node, List<List<TableCell>> rows) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof TableSeparator) {
                continue;
            }
            if (child instanceof TableRow) {
                List<TableCell> cells = new ArrayList<>();
                for (Node cell = child.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        cells.add((TableCell) cell);
                    }
                }
                rows.add(cells);
            } else {
                collectRows(child, rows);
            }
        }
    }

    private static int alignment(TableCell.Alignment alignment) {
        if (alignment == TableCell.Alignment.CENTER) {
            return Element.ALIGN_CENTER;
        }
        return alignment == TableCell.Alignment.RIGHT ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT;
    }

    private static PdfPTable framed(PdfPTable table, float indent) {
        table.setWidthPercentage(100);
        table.setSpacingBefore(2);
        table.setSpacingAfter(BODY * 0.8f);
        if (indent > 0) {
            table.setHorizontalAlignment(Element.ALIGN_RIGHT);
        }
        return table;
    }

    /**
     * Adds a node's inline content to a paragraph, with the style it has there.
     *
     * @param link the URL of the link this text is in, if any and allowed
     */
    private void inline(Node node, int style, float size, Color colour, @Nullable String link, Paragraph into) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof StrongEmphasis) {
                inline(child, style | BOLD, size, colour, link, into);
            } else if (child instanceof Emphasis) {
                inline(child, style | ITALIC, size, colour, link, into);
            } else if (child instanceof Strikethrough) {
                inline(child, style | STRIKE, size, colour, link, into);
            } else if (child instanceof Code) {
                into.add(linked(phrase(((Code) child).getText().toString(), style | MONO, size * 0.92f, colour), link));
            } else if (child instanceof Image || child instanceof ImageRef) {
                String alt = child.getChildChars().toString().strip();
                into.add(phrase("[image" + (alt.isEmpty() ? "" : ": " + alt) + "]", style | ITALIC, size, QUIET));
            } else if (child instanceof LinkNodeBase) {
                String url = child instanceof MailLink
                        ? "mailto:" + ((MailLink) child).getText()
                        : ((LinkNodeBase) child).getUrl().toString();
                String target = isLinkable(url) ? url : null;
                Color linkColour = target == null ? colour : LINK;
                if (child.hasChildren()) {
                    inline(child, style, size, linkColour, target, into);
                } else {
                    into.add(linked(phrase(url.replaceFirst("^mailto:", ""), style, size, linkColour), target));
                }
            } else if (child instanceof SoftLineBreak) {
                into.add(phrase(" ", style, size, colour));
            } else if (child instanceof HardLineBreak) {
                into.add(Chunk.NEWLINE);
            } else if (child instanceof TextContainer && !child.hasChildren() || !child.hasChildren()) {
                into.add(linked(phrase(child.getChars().unescape(), style, size, colour), link));
            } else {
                inline(child, style, size, colour, link, into);
            }
        }
    }

    private static boolean isLinkable(String url) {
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:"))
                && UrlPolicy.isSafe(url);
    }

    private static Phrase linked(Phrase phrase, @Nullable String url) {
        if (url != null) {
            for (Element chunk : phrase.getChunks()) {
                ((Chunk) chunk).setAnchor(url);
                ((Chunk) chunk).setUnderline(0.5f, -1.5f);
            }
        }
        return phrase;
    }

    /** Text in one style: the standard font where it has the glyphs, Liberation Sans where not. */
    private Phrase phrase(String text, int style, float size, Color colour) {
        FontSelector selector = selectors.computeIfAbsent(style + "/" + size + "/" + colour.getRGB(), key -> {
            FontSelector made = new FontSelector();
            int awtStyle = ((style & BOLD) != 0 ? Font.BOLD : 0) | ((style & ITALIC) != 0 ? Font.ITALIC : 0);
            made.addFont(new Font((style & MONO) != 0 ? Font.COURIER : Font.HELVETICA, size, awtStyle, colour));
            made.addFont(new Font(Fallback.FONT, size, awtStyle, colour));
            return made;
        });
        Phrase phrase = selector.process(text);
        if ((style & STRIKE) != 0) {
            for (Element chunk : phrase.getChunks()) {
                ((Chunk) chunk).setUnderline(0.6f, size * 0.3f);
            }
        }
        return phrase;
    }

    /**
     * @return a line of plain text (a title, not Markdown) in the notes' fonts
     */
    public Paragraph line(String text, boolean bold, float size, Color colour) {
        Paragraph line = new Paragraph(size * 1.3f);
        line.add(phrase(text, bold ? BOLD : 0, size, colour));
        return line;
    }

    /**
     * Liberation Sans, from OpenPDF's jar: read once, shared by every document (OpenPDF allows that).
     * Its embedded subset is tagged {@code SSSSSS+} in every file instead of with six random letters:
     * the tag only has to tell subsets of one font in one file apart, and each file has one.
     */
    private static final class Fallback {
        static final BaseFont FONT;

        static {
            try {
                FONT = BaseFont.createFont(
                        "font-fallback/LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            } catch (IOException e) {
                throw new UncheckedIOException("OpenPDF's jar lacks its Liberation Sans font", e);
            }
            FONT.setSecureRandom(new SecureRandom() {
                private static final long serialVersionUID = 1L;

                @Override
                public double nextDouble() {
                    return 18.5 / 26; // OpenPDF makes each letter as 'A' + 26 * nextDouble(): 'S'
                }
            });
        }
    }
}

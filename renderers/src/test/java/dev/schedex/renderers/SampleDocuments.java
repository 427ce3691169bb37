package dev.schedex.renderers;

import dev.schedex.spi.ExportDocument;
import java.time.Instant;

/**
 * Documents like the ones users export: a flowchart of any number of labelled shapes joined by
 * arrows, and notes with every kind of block. Used by the format tests and the benchmarks.
 */
public final class SampleDocuments {

    /** Notes with headings, emphasis, links, lists, a task list, a table, a quote and code. */
    public static final String NOTES = String.join(
            "\n",
            "# Release checklist",
            "",
            "The **nightly export** runs at _02:00 Berlin time_; see [the runbook](https://example.com/runbook)",
            "or write to <ops@example.com>. ~~Old process~~ is retired. Inline `code` too.",
            "",
            "## Steps",
            "",
            "1. Freeze the branch",
            "2. Build and sign",
            "   - on the CI runner",
            "   - with the release key",
            "3. Publish",
            "",
            "## Status",
            "",
            "- [x] Draft the notes",
            "- [ ] Sign off",
            "",
            "| Stage | Owner | Hours |",
            "|:------|:-----:|------:|",
            "| Build | Dana  |   1.5 |",
            "| Test  | Kim   |     3 |",
            "",
            "> Quotes are set apart.",
            "",
            "```java",
            "service.tick(Instant.now());",
            "```",
            "",
            "---",
            "",
            "Grüße, Ωμέγα and Привет.");

    private SampleDocuments() {}

    /**
     * @param nodes how many shapes (every fifth a decision diamond), in rows of five
     * @return the flowchart as SVG text, with arrows from each shape to the next
     */
    public static String flowchart(int nodes) {
        int columns = 5;
        int rows = (nodes + columns - 1) / columns;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(columns * 180 + 20)
                .append("\" height=\"")
                .append(rows * 110 + 20)
                .append("\" ")
                .append("font-family=\"sans-serif\" font-size=\"14\">")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" ")
                .append("markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#444\"/></marker>")
                .append("</defs>")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        for (int i = 0; i < nodes; i++) {
            int x = 20 + (i % columns) * 180;
            int y = 20 + (i / columns) * 110;
            if (i % 5 == 4) {
                svg.append("<path d=\"M")
                        .append(x + 65)
                        .append(',')
                        .append(y)
                        .append(" l65,35 l-65,35 l-65,-35 z\" ")
                        .append("fill=\"#fff4d6\" stroke=\"#b58900\" stroke-width=\"1.5\"/>");
            } else {
                svg.append("<rect x=\"")
                        .append(x)
                        .append("\" y=\"")
                        .append(y)
                        .append("\" width=\"130\" height=\"70\" ")
                        .append("rx=\"10\" fill=\"#dbe9ff\" stroke=\"#2f6fd6\" stroke-width=\"1.5\"/>");
            }
            svg.append("<text x=\"")
                    .append(x + 65)
                    .append("\" y=\"")
                    .append(y + 40)
                    .append("\" text-anchor=\"middle\">")
                    .append(i % 5 == 4 ? "OK? " : "Step ")
                    .append(i + 1)
                    .append("</text>");
            if (i + 1 < nodes) {
                boolean sameRow = (i + 1) % columns != 0;
                String line = sameRow
                        ? "M" + (x + 130) + "," + (y + 35) + " L" + (x + 180) + "," + (y + 35)
                        : "M" + (x + 65) + "," + (y + 70) + " C" + (x + 65) + "," + (y + 95) + " 85," + (y + 85)
                                + " 85," + (y + 110);
                svg.append("<path d=\"")
                        .append(line)
                        .append("\" fill=\"none\" stroke=\"#444\" stroke-width=\"1.5\" ")
                        .append("marker-end=\"url(#arrow)\"/>");
            }
        }
        return svg.append("</svg>").toString();
    }

    /**
     * @param nodes how many shapes in the drawing
     * @return a document with a flowchart of that many shapes, the {@link #NOTES} and some data
     */
    public static ExportDocument document(int nodes) {
        return ExportDocument.of(
                        "release-" + nodes,
                        "Release flow (" + nodes + " steps)",
                        "v7",
                        Instant.parse("2026-11-27T09:30:00Z"))
                .withDrawing(flowchart(nodes))
                .withNotes(NOTES)
                .withData("{\"steps\":" + nodes + "}");
    }
}

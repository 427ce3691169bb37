package dev.schedex.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import dev.schedex.ExportRun;
import dev.schedex.RunStatus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.swing.text.MutableAttributeSet;
import javax.swing.text.html.HTML;
import javax.swing.text.html.HTMLEditorKit;
import javax.swing.text.html.parser.ParserDelegator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the quickstart in a temporary folder and opens what it wrote, as a user would. */
class QuickstartTest {

    @TempDir
    Path base;

    @Test
    void everyFormatsFilesAreWrittenAndOpen() throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<ExportRun> runs = Quickstart.run(base, new PrintStream(printed, true, StandardCharsets.UTF_8));
        String report = printed.toString(StandardCharsets.UTF_8);

        assertTrue(runs.stream().allMatch(run -> run.status() == RunStatus.SUCCEEDED), report);
        // 13 nightly PNGs (the first night, 20 October 02:00 in Berlin, is the instant the schedules are
        // created: a first run is strictly after that), 4 Monday/Friday PDFs, 1 month end, 3 seventh days,
        // 2 Sundays, 1 first of the month, and 1 other Friday (30 October in Sydney) as a PDF
        assertEquals(25, runs.size(), report);
        assertTrue(Files.exists(base.resolve("schedex-db.mv.db")), "the H2 database is a file under the base folder");

        Map<String, List<Path>> byExtension = files(base.resolve("exports"));
        assertEquals(13, byExtension.get("png").size());
        assertEquals(5, byExtension.get("pdf").size());
        assertEquals(1, byExtension.get("html").size());
        assertEquals(3, byExtension.get("svg").size());
        assertEquals(2, byExtension.get("md").size());
        assertEquals(1, byExtension.get("json").size());

        BufferedImage png = ImageIO.read(byExtension.get("png").get(0).toFile());
        assertNotNull(png, "the PNG decodes");
        assertEquals(1200, png.getWidth(), "the schedule's width setting");

        Path mondayPdf = byExtension.get("pdf").stream()
                .filter(p -> p.toString().contains("Monday"))
                .findFirst()
                .orElseThrow();
        PdfReader pdf = new PdfReader(Files.readAllBytes(mondayPdf));
        assertEquals(612, Math.round(pdf.getPageSize(1).getWidth()), "US Letter");
        String text = new PdfTextExtractor(pdf).getTextFromPage(1)
                + new PdfTextExtractor(pdf).getTextFromPage(pdf.getNumberOfPages());
        assertTrue(text.contains("Release checklist") && text.contains("Rolling back"), text);

        List<String> tags = new ArrayList<>();
        StringBuilder headings = new StringBuilder();
        new ParserDelegator()
                .parse(
                        new StringReader(
                                Files.readString(byExtension.get("html").get(0))),
                        new HTMLEditorKit.ParserCallback() {
                            private boolean inHeading;

                            @Override
                            public void handleStartTag(HTML.Tag tag, MutableAttributeSet attributes, int position) {
                                tags.add(tag.toString());
                                inHeading = tag == HTML.Tag.H1 || tag == HTML.Tag.H2;
                            }

                            @Override
                            public void handleText(char[] data, int position) {
                                if (inHeading) {
                                    headings.append(data).append('|');
                                }
                            }
                        },
                        true);
        assertTrue(tags.containsAll(List.of("html", "h1", "table", "pre")), tags.toString());
        assertFalse(tags.contains("script"), "the page has no script");
        assertTrue(headings.toString().contains("Release flow|"), headings.toString());

        JsonNode json =
                new ObjectMapper().readTree(byExtension.get("json").get(0).toFile());
        assertEquals("team-notes", json.path("document").path("id").asText());
        assertEquals("kim", json.path("data").path("onCall").path("week45").asText());

        assertTrue(Files.readString(byExtension.get("svg").get(0)).contains("<svg"));
        assertTrue(Files.readString(byExtension.get("md").get(0)).startsWith("# Platform team weekly"));
        assertTrue(report.contains("Nightly flowchart PNG") && report.contains("SUCCEEDED"), report);
    }

    private static Map<String, List<Path>> files(Path exports) throws IOException {
        try (Stream<Path> walk = Files.walk(exports)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> !exports.relativize(f).startsWith(".schedex"))
                    .sorted()
                    .collect(Collectors.groupingBy(f -> {
                        String name = f.getFileName().toString();
                        return name.substring(name.lastIndexOf('.') + 1);
                    }));
        }
    }
}

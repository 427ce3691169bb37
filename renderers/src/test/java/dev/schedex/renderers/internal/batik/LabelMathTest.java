package dev.schedex.renderers.internal.batik;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.FormatSettings;
import dev.schedex.renderers.PngFormat;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDocument;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import net.sourceforge.jeuclid.font.FontFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The bounds {@link LabelMath} keeps on its own, whatever the sanitiser in front of it lets through,
 * and the fonts it gives JEuclid.
 */
class LabelMathTest {

    private static Element formula(Document document, String name) {
        return document.createElementNS(LabelMath.MATHML, name);
    }

    @Test
    void aFormulaOfAHundredThousandNestedRowsIsLeftOutWithoutRecursion() throws Exception {
        // built here, not parsed: the sanitiser refuses a drawing nested more than 200 deep before any formula is seen
        Document document =
                DocumentBuilderFactory.newNSInstance().newDocumentBuilder().newDocument();
        // from the inside out: the DOM checks an element added is not its parent's ancestor by walking up
        Element inner = formula(document, "mi");
        inner.setTextContent("x");
        for (int i = 0; i < 100_000; i++) {
            Element row = formula(document, "mrow");
            row.appendChild(inner);
            inner = row;
        }
        Element math = formula(document, "math");
        math.appendChild(inner);
        List<String> warnings = new ArrayList<>();
        try (Labels labels = new Labels(warnings::add)) {
            boolean within = assertTimeoutPreemptively(
                    Duration.ofSeconds(5), () -> labels.math().isWithinBounds(math));
            assertFalse(within, "a formula 100,000 deep is out of bounds");
        }
        assertTrue(warnings.toString().contains("a formula in a label was left out"), warnings.toString());
    }

    @Test
    void aRowTooLongAndAFormulaTooLargeAreLeftOutAndOneAtTheBoundsIsNot() throws Exception {
        Document document =
                DocumentBuilderFactory.newNSInstance().newDocumentBuilder().newDocument();
        try (Labels labels = new Labels(warning -> {})) {
            Element wide = formula(document, "math");
            for (int i = 0; i <= LabelMath.MAX_CHILDREN; i++) {
                wide.appendChild(formula(document, "mi"));
            }
            assertFalse(labels.math().isWithinBounds(wide), "a row longer than " + LabelMath.MAX_CHILDREN);

            Element large = formula(document, "math");
            for (int i = 0; i < LabelMath.MAX_ELEMENTS / 100; i++) {
                Element row = formula(document, "mrow");
                for (int j = 0; j < 100; j++) {
                    row.appendChild(formula(document, "mi"));
                }
                large.appendChild(row);
            }
            assertFalse(labels.math().isWithinBounds(large), "more than " + LabelMath.MAX_ELEMENTS + " elements");

            Element deep = formula(document, "math");
            Element parent = deep;
            for (int i = 0; i < LabelMath.MAX_DEPTH; i++) {
                Element row = formula(document, "mrow");
                parent.appendChild(row);
                parent = row;
            }
            assertTrue(labels.math().isWithinBounds(deep), "nested " + LabelMath.MAX_DEPTH + " deep");
        }
    }

    @Test
    void jeuclidsOwnFontFactoryWhichReadsTheClassPathIsNeverMade() throws Exception {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"60\"><foreignObject"
                + " width=\"200\" height=\"60\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><math"
                + " xmlns=\"http://www.w3.org/1998/Math/MathML\"><mfrac><mi>a</mi><mn>2</mn></mfrac><mo>+</mo>"
                + "<mglyph fontfamily=\"Some Font\" index=\"65\" alt=\"g\"/><mi mathvariant=\"fraktur\">F</mi>"
                + "<mi mathvariant=\"sans-serif\">s</mi><mi mathvariant=\"monospace\">m</mi></math></div>"
                + "</foreignObject></svg>";
        ExportContext context = new ExportContext(UUID.randomUUID(), "s", "t", Instant.EPOCH, ZoneOffset.UTC);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        new PngFormat()
                .render(
                        ExportDocument.of("d", "T", "v1", Instant.EPOCH).withDrawing(svg),
                        FormatSettings.empty(),
                        context,
                        png);
        assertEquals(List.of(), context.warnings(), "the formula is drawn");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                dark += (image.getRGB(x, y) & 0xff) < 128 ? 1 : 0;
            }
        }
        assertTrue(dark > 50, "the formula's ink: " + dark + " dark pixels");
        Field instance = FontFactory.class.getDeclaredField("instance");
        instance.setAccessible(true);
        assertNull(instance.get(null), "JEuclid's default font factory (it reads fonts from the class path)");
    }
}

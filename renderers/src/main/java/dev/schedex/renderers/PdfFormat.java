package dev.schedex.renderers;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import dev.schedex.FormatSettings;
import dev.schedex.renderers.internal.batik.Drawing;
import dev.schedex.renderers.internal.batik.TimedRender;
import dev.schedex.renderers.internal.notes.NotesTypesetter;
import dev.schedex.renderers.internal.notes.StablePdfWriter;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.batik.ext.awt.RenderingHintsKeyExt;

/**
 * {@code pdf}: the drawing as vector graphics (Batik's graphics tree painted onto OpenPDF's
 * {@code PdfGraphics2D}, text as outlines, nothing loaded from outside the drawing), then the notes
 * typeset ({@link NotesTypesetter}). The first page is headed by the document's title and the
 * occurrence it was exported for. The file's title, subject and creator are set; its creation date,
 * modification date and document id come from the occurrence and the document, never from the
 * clock, so that the same input gives the same bytes.
 *
 * <p>Settings:
 * <ul>
 *   <li>{@code pageSize}: {@code A4} (the default), {@code Letter}, {@code A3}, or {@code fit}: the first
 *       page is the drawing's own size plus the margins, and notes follow on A4 pages;</li>
 *   <li>{@code orientation}: {@code portrait} (the default) or {@code landscape};</li>
 *   <li>{@code margin}: 0 to 100 millimetres on every side, default 15;</li>
 *   <li>{@code includeNotes} (default true): false leaves the notes out.</li>
 * </ul>
 * A drawing larger than the page is scaled down to fit it; a smaller one keeps its size (one CSS
 * pixel is 0.75 pt, as in browsers' print).
 */
public final class PdfFormat extends BuiltInFormat {

    /** PDF points per CSS pixel (72 per inch against 96). */
    private static final float POINTS_PER_PIXEL = 0.75f;

    private static final float POINTS_PER_MM = 72 / 25.4f;
    private static final Map<String, Rectangle> PAGE_SIZES =
            Map.of("A4", PageSize.A4, "Letter", PageSize.LETTER, "A3", PageSize.A3);
    private static final DateTimeFormatter EXPORTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx", Locale.ROOT);

    private final RenderLimits limits;

    /** Creates the format with the default {@link RenderLimits}; it is found with {@link java.util.ServiceLoader}. */
    public PdfFormat() {
        this(RenderLimits.DEFAULT);
    }

    /**
     * Creates the format with another bound on each render's time; register it with the service's builder.
     *
     * @param limits the bounds of each render
     */
    public PdfFormat(RenderLimits limits) {
        super(
                "pdf",
                "application/pdf",
                "pdf",
                new SettingRules("pdf")
                        .choice("pageSize", "A4", "Letter", "A3", "fit")
                        .choice("orientation", "portrait", "landscape")
                        .number("margin", "0", "100", false)
                        .flag("includeNotes", true));
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public void render(ExportDocument document, FormatSettings formatSettings, ExportContext context, OutputStream out)
            throws IOException {
        Optional<String> notes = rules.flag(formatSettings, "includeNotes") ? document.notes() : Optional.empty();
        if (document.drawing().isEmpty() && notes.isEmpty()) {
            throw new ExportException("document '" + document.id() + "' has no drawing or notes to export as PDF"
                    + (document.notes().isPresent() ? " (the setting includeNotes leaves its notes out)" : ""));
        }
        out.write(TimedRender.run(
                "PDF",
                limits.timeLimit(),
                limits.maxOutputBytes(),
                () -> write(document, notes, formatSettings, context)));
    }

    private byte[] write(
            ExportDocument document, Optional<String> notes, FormatSettings formatSettings, ExportContext context) {
        float margin =
                formatSettings.getNumber("margin").map(BigDecimal::floatValue).orElse(15f) * POINTS_PER_MM;
        boolean fit = "fit".equals(rules.choice(formatSettings, "pageSize"));
        boolean landscape = "landscape".equals(rules.choice(formatSettings, "orientation"));
        // every pageSize choice but fit has a size: the rules and PAGE_SIZES name the same papers
        Rectangle paper =
                fit ? PageSize.A4 : Objects.requireNonNull(PAGE_SIZES.get(rules.choice(formatSettings, "pageSize")));
        Rectangle page = landscape ? paper.rotate() : paper;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document pdf = new Document(page, margin, margin, margin, margin);
        PdfWriter writer = StablePdfWriter.open(pdf, bytes);
        String title = document.title().isBlank() ? document.id() : document.title();
        String exported = "Exported for " + EXPORTED.format(context.occurrence().atZone(context.zone()));
        pdf.addTitle(title);
        pdf.addSubject(exported);
        pdf.addCreator("schedex");
        NotesTypesetter typesetter = new NotesTypesetter();
        try (Drawing drawing =
                document.drawing().map(svg -> Drawing.read(svg, context::warn)).orElse(null)) {
            if (fit && drawing != null) {
                pdf.setPageSize(new Rectangle(
                        (float) drawing.width() * POINTS_PER_PIXEL + 2 * margin,
                        (float) drawing.height() * POINTS_PER_PIXEL + 2 * margin));
            }
            pdf.open();
            fixDatesAndId(writer, document, context);
            if (!fit || drawing == null) {
                addHeading(pdf, typesetter, title, exported);
            }
            if (drawing != null) {
                pdf.add(image(writer, drawing, pdf.getPageSize(), margin));
            }
            if (notes.isPresent()) {
                if (fit && drawing != null) {
                    pdf.setPageSize(page);
                    pdf.newPage();
                    addHeading(pdf, typesetter, title, exported);
                }
                for (Element element : typesetter.typeset(notes.get())) {
                    pdf.add(element);
                }
            }
        } catch (DocumentException e) {
            throw new ExportException("the PDF cannot be made: " + e.getMessage(), e);
        }
        pdf.close();
        return bytes.toByteArray();
    }

    private static void addHeading(Document pdf, NotesTypesetter typesetter, String title, String exported)
            throws DocumentException {
        pdf.add(typesetter.line(title, true, 20, Color.BLACK));
        Paragraph line = typesetter.line(exported, false, 9, new Color(0x57606a));
        line.setSpacingAfter(12);
        pdf.add(line);
    }

    /** The drawing as a vector image, scaled down to the page's content box if it is larger. */
    private static Image image(PdfWriter writer, Drawing drawing, Rectangle page, float margin)
            throws DocumentException {
        float width = (float) drawing.width() * POINTS_PER_PIXEL;
        float height = (float) drawing.height() * POINTS_PER_PIXEL;
        PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
        Graphics2D graphics = template.createGraphicsShapes(width, height); // text as outlines: no font lookups
        // tells Batik it draws onto a vector device: it then neither looks for a raster to draw into
        // nor warns on standard error that it found none
        graphics.setRenderingHint(
                RenderingHintsKeyExt.KEY_TRANSCODING, RenderingHintsKeyExt.VALUE_TRANSCODING_PRINTING);
        try {
            graphics.scale(POINTS_PER_PIXEL, POINTS_PER_PIXEL);
            drawing.paintAsVectors(graphics);
        } finally {
            graphics.dispose();
        }
        Image image = Image.getInstance(template);
        // leave room for a line below it, so that a full-page drawing does not push an empty page
        float roomWidth = page.getWidth() - 2 * margin;
        float roomHeight = page.getHeight() - 2 * margin - 1;
        if (width > roomWidth || height > roomHeight) {
            image.scaleToFit(roomWidth, roomHeight);
        }
        image.setAlignment(Image.MIDDLE);
        return image;
    }

    /**
     * OpenPDF stamps each file with the wall clock and a random id; an export takes both from its
     * occurrence and document instead.
     */
    private static void fixDatesAndId(PdfWriter writer, ExportDocument document, ExportContext context) {
        PdfDate date = new PdfDate(GregorianCalendar.from(context.occurrence().atZone(context.zone())));
        writer.getInfo().put(PdfName.CREATIONDATE, date);
        writer.getInfo().put(PdfName.MODDATE, date);
        byte[] id = digest(
                context.scheduleId() + "\n" + context.occurrence() + "\n" + document.id() + "\n" + document.version());
        writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}

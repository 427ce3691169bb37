package dev.schedex.renderers.internal.notes;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.PdfDocument;
import com.lowagie.text.pdf.PdfWriter;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;

/**
 * OpenPDF's writer, writing the same bytes for the same document. OpenPDF keeps the colours,
 * patterns, shadings and graphics states a document shares in {@code HashMap}s keyed by object
 * identity and writes them in the maps' order, which changes from run to run; here they are kept in
 * the order they were first used.
 */
public final class StablePdfWriter extends PdfWriter {

    private StablePdfWriter(PdfDocument document, OutputStream out) {
        super(document, out);
        documentColors = new LinkedHashMap<>();
        documentPatterns = new LinkedHashMap<>();
        documentShadingPatterns = new LinkedHashMap<>();
        documentShadings = new LinkedHashMap<>();
        documentExtGState = new LinkedHashMap<>();
        documentProperties = new LinkedHashMap<>();
        documentOCG = new LinkedHashSet<>();
        documentSpotPatterns = new LinkedHashMap<>();
    }

    /**
     * Does what {@link PdfWriter#getInstance(Document, OutputStream)} does, with this writer.
     *
     * @param document the document to write
     * @param out      where its bytes go
     * @return the writer
     * @throws DocumentException if OpenPDF refuses the writer
     */
    public static PdfWriter open(Document document, OutputStream out) throws DocumentException {
        PdfDocument pdf = new PdfDocument();
        pdf.setTextRenderingOptions(document.getTextRenderingOptions());
        document.addDocListener(pdf);
        StablePdfWriter writer = new StablePdfWriter(pdf, out);
        pdf.addWriter(writer);
        return writer;
    }
}

package dev.schedex.testing;

import dev.schedex.FormatSettings;
import dev.schedex.Violation;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportException;
import dev.schedex.spi.ExportFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small format with id {@code txt} for tests: the document's title, the occurrence and the notes
 * as text. Settings: {@code upper} (boolean) and {@code repeat} (1 to 5); others are refused.
 */
public final class TextFormat implements ExportFormat {

    @Override
    public String id() {
        return "txt";
    }

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public String fileExtension() {
        return "txt";
    }

    @Override
    public List<Violation> validateSettings(FormatSettings settings) {
        List<Violation> violations = new ArrayList<>();
        settings.asMap().forEach((key, value) -> {
            switch (key) {
                case "upper":
                    if (!(value instanceof Boolean)) {
                        violations.add(new Violation(key, "invalid_type", "upper must be true or false"));
                    }
                    break;
                case "repeat":
                    if (!(value instanceof BigDecimal)) {
                        violations.add(new Violation(key, "invalid_type", "repeat must be a number"));
                    } else if (((BigDecimal) value).intValue() < 1 || ((BigDecimal) value).intValue() > 5) {
                        violations.add(new Violation(key, "out_of_range", "repeat must be 1 to 5"));
                    }
                    break;
                default:
                    violations.add(
                            new Violation(key, "unknown_setting", "the txt format has no setting '" + key + "'"));
            }
        });
        return violations;
    }

    @Override
    public void render(ExportDocument document, FormatSettings settings, ExportContext context, OutputStream out)
            throws IOException {
        String notes = document.notes()
                .orElseThrow(
                        () -> new ExportException("document '" + document.id() + "' has no notes to export as text"));
        String text = document.title() + " @ " + context.occurrence() + "\n" + notes + "\n";
        if (settings.getBoolean("upper").orElse(false)) {
            text = text.toUpperCase(Locale.ROOT);
        }
        int repeat = settings.getNumber("repeat").map(BigDecimal::intValue).orElse(1);
        out.write(text.repeat(repeat).getBytes(StandardCharsets.UTF_8));
    }
}

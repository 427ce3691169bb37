package dev.schedex.examples.outline;

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
import java.util.Set;

/**
 * {@code outline}: the headings of a document's notes as an indented plain-text outline, one line
 * per heading. A schedex format plugin: it is listed in
 * {@code META-INF/services/dev.schedex.spi.ExportFormat}, so the service finds it when this jar is on
 * the class path.
 *
 * <p>Settings: {@code maxLevel} (1 to 6, default 6) leaves out deeper headings; {@code bullet}
 * ({@code "-"}, the default, or {@code "*"}) starts each line.
 */
public final class OutlineFormat implements ExportFormat {

    private static final Set<String> BULLETS = Set.of("-", "*");

    @Override
    public String id() {
        return "outline";
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
        for (String key : settings.asMap().keySet()) {
            if (!key.equals("maxLevel") && !key.equals("bullet")) {
                violations.add(new Violation(
                        key,
                        "unknown_setting",
                        "the outline format has no setting '" + key + "'; it takes maxLevel, bullet"));
            }
        }
        settings.get("maxLevel").ifPresent(value -> {
            if (!(value instanceof BigDecimal)
                    || ((BigDecimal) value).stripTrailingZeros().scale() > 0
                    || ((BigDecimal) value).intValue() < 1
                    || ((BigDecimal) value).intValue() > 6) {
                violations.add(new Violation(
                        "maxLevel", "out_of_range", "maxLevel must be a whole number from 1 to 6, was " + value));
            }
        });
        settings.get("bullet").ifPresent(value -> {
            if (!BULLETS.contains(value)) {
                violations.add(new Violation("bullet", "invalid_value", "bullet must be - or *, was " + value));
            }
        });
        return violations;
    }

    @Override
    public void render(ExportDocument document, FormatSettings settings, ExportContext context, OutputStream out)
            throws IOException {
        String notes = document.notes()
                .orElseThrow(() -> new ExportException("document '" + document.id() + "' has no notes to outline"));
        int maxLevel = settings.getNumber("maxLevel").map(BigDecimal::intValue).orElse(6);
        String bullet = settings.getString("bullet").orElse("-");
        StringBuilder outline = new StringBuilder(document.title()).append('\n');
        boolean inCode = false;
        for (String line : notes.split("\\R")) {
            if (line.startsWith("```") || line.startsWith("~~~")) {
                inCode = !inCode; // a '#' in a code block is not a heading
            }
            int level = inCode ? 0 : headingLevel(line);
            if (level >= 1 && level <= maxLevel) {
                outline.append("  ".repeat(level - 1))
                        .append(bullet)
                        .append(' ')
                        .append(line.substring(level).strip())
                        .append('\n');
            }
        }
        out.write(outline.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @return 1 to 6 for an ATX heading ("## Title"), else 0 */
    private static int headingLevel(String line) {
        int level = 0;
        while (level < line.length() && line.charAt(level) == '#') {
            level++;
        }
        boolean heading = level >= 1 && level <= 6 && (line.length() == level || line.charAt(level) == ' ');
        return heading ? level : 0;
    }
}

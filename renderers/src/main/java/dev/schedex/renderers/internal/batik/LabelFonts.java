package dev.schedex.renderers.internal.batik;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.java2d.Java2DFont;
import com.openhtmltopdf.java2d.Java2DFontResolver;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.render.FSFont;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.font.TextAttribute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The fonts of one drawing's labels: those its {@code @font-face} rules embed, then the system's,
 * named as a browser names them: case does not matter, and the generic families and the common
 * names a system lacks are the fonts {@link BatikSetup#BROWSER_FAMILIES} gives (Liberation Sans
 * for Helvetica and sans-serif...), as in the rest of the drawing, and {@code math} a math font
 * the system has. Text is kerned, as browsers kern it. One per drawing, shared by its labels, so
 * that each embedded font is read once.
 */
final class LabelFonts extends Java2DFontResolver {

    /** The system's families by lower-case name. */
    private static final Map<String, String> SYSTEM = systemFamilies();
    /**
     * The fonts of CSS's {@code math} family, the one MathML is drawn in (a browser's default style
     * for {@code <math>}), as fontconfig prefers them, then the one Debian's fontconfig chooses
     * from fonts-dejavu-extra: the first the system has; else serif's.
     */
    private static final List<String> MATH = List.of(
            "XITS Math",
            "STIX Two Math",
            "Cambria Math",
            "Latin Modern Math",
            "Minion Math",
            "Lucida Math",
            "Asana Math",
            "DejaVu Math TeX Gyre");

    private final Map<Font, Font> kerned = new HashMap<>();

    /** @param context the CSS engine's context of the first label, whose user agent reads embedded fonts */
    LabelFonts(SharedContext context) {
        super(context, true);
        // the last resort of the engine, as of a browser, is its serif
        setFontMapping("Serif", new Font(browserFamily("serif"), Font.PLAIN, 1));
    }

    @Override
    public FSFont resolveFont(
            SharedContext context,
            String[] families,
            float size,
            IdentValue weight,
            IdentValue style,
            IdentValue variant) {
        String[] named = new String[families == null ? 0 : families.length];
        for (int i = 0; i < named.length; i++) {
            named[i] = browserFamily(families[i]);
        }
        Java2DFont font = (Java2DFont) super.resolveFont(context, named, size, weight, style, variant);
        List<Font> fonts = new ArrayList<>();
        for (Font awt : font.getAWTFonts()) {
            fonts.add(kerned(awt));
        }
        if (!fonts.isEmpty()) {
            // the last resort, as a browser's is any installed font that has the character: Java's logical
            // Dialog, which falls back through every one, in the first font's size and style (Chinese in
            // a Helvetica label came out a fraction of its size)
            Font first = fonts.get(0);
            fonts.add(kerned(new Font(Font.DIALOG, first.getStyle(), 1).deriveFont(first.getSize2D())));
        }
        return new Java2DFont(fonts, font.getSize2D());
    }

    /** @return the font with kerning on, made once per drawing */
    private Font kerned(Font font) {
        return kerned.computeIfAbsent(font, f -> f.deriveFont(Map.of(TextAttribute.KERNING, TextAttribute.KERNING_ON)));
    }

    /** @return the system family a browser draws a CSS family name with, or the name as it is */
    private static String browserFamily(String family) {
        String name = family.strip().replaceAll("^[\"']|[\"']$", "");
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("math")) {
            return MATH.stream()
                    .map(math -> SYSTEM.get(math.toLowerCase(Locale.ROOT)))
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElseGet(() -> browserFamily("serif"));
        }
        String browser = BatikSetup.BROWSER_FAMILIES.get(lower);
        String system = browser == null ? null : SYSTEM.get(browser.toLowerCase(Locale.ROOT));
        if (system != null) {
            return system;
        }
        return SYSTEM.getOrDefault(lower, name);
    }

    private static Map<String, String> systemFamilies() {
        Map<String, String> families = new HashMap<>();
        for (String family :
                GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT)) {
            families.putIfAbsent(family.toLowerCase(Locale.ROOT), family);
        }
        return Map.copyOf(families);
    }
}

package dev.schedex.renderers.internal.batik;

import com.openhtmltopdf.java2d.Java2DFont;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.InlineLayoutBox;
import com.openhtmltopdf.render.InlineText;
import com.openhtmltopdf.render.RenderingContext;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * {@code text-shadow}, which the CSS engine does not draw: light text with a dark outline
 * ({@code text-shadow: 0 0 2px #000}) would be light text alone, white on white. Each shadow is the
 * text again in the shadow's colour, moved by its offset; a blurred one is drawn around the offset
 * at half its blur radius, eight times at half strength, which looks like the halo a browser draws. Shadows are
 * painted before the label, so that its text comes on top; a background in the label covers them.
 * The shadow is read from the {@code style} attributes of the text's element and the elements
 * around it (the property is inherited), not from stylesheets.
 */
final class TextShadows {

    private static final Pattern DECLARATION = Pattern.compile("(?:^|;)\\s*text-shadow\\s*:\\s*([^;]+)");
    private static final Pattern LENGTH = Pattern.compile("(-?[0-9.]+)(px)?");
    private static final Pattern RGB = Pattern.compile("rgba?\\(\\s*([0-9.]+)[\\s,]+([0-9.]+)[\\s,]+([0-9.]+).*\\)");

    private TextShadows() {}

    /** A shadow: its offset and blur radius in px, and its colour. */
    record Shadow(double dx, double dy, double blur, Color colour) {}

    /**
     * @param root      the laid-out page
     * @param rendering the engine's context of the paint
     * @param graphics  where the page is painted, in the engine's units
     */
    static void paint(Box root, RenderingContext rendering, Graphics2D graphics) {
        Color before = graphics.getColor();
        for (InlineText text : texts(root)) {
            InlineLayoutBox box = text.getParent();
            List<Shadow> shadows = shadows(element(box));
            if (shadows.isEmpty() || text.getSubstring().isBlank()) {
                continue;
            }
            List<java.awt.Font> fonts = ((Java2DFont) box.getStyle().getFSFont(rendering)).getAWTFonts();
            float x = box.getAbsX() + text.getX();
            float y = box.getAbsY() + box.getBaseline();
            for (Shadow shadow : shadows) {
                double spread = shadow.blur() / 2 * LabelLayout.DOTS;
                // a blurred shadow is fainter than its colour: the eight copies at half strength come close
                Color colour = shadow.colour();
                graphics.setColor(
                        spread > 0 ? new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 128) : colour);
                int steps = spread > 0 ? 8 : 1;
                for (int i = 0; i < steps; i++) {
                    double angle = 2 * Math.PI * i / steps;
                    float dx = (float) (shadow.dx() * LabelLayout.DOTS + spread * Math.cos(angle));
                    float dy = (float) (shadow.dy() * LabelLayout.DOTS + spread * Math.sin(angle));
                    LabelText.draw(graphics, fonts, text.getSubstring(), x + dx, y + dy);
                }
            }
        }
        graphics.setColor(before);
    }

    private static List<InlineText> texts(Box box) {
        List<InlineText> texts = new ArrayList<>();
        if (box instanceof InlineLayoutBox inline) {
            for (Object child : inline.getInlineChildren()) {
                if (child instanceof InlineText text) {
                    texts.add(text);
                } else if (child instanceof Box inner) {
                    texts.addAll(texts(inner));
                }
            }
        }
        for (int i = 0; i < box.getChildCount(); i++) {
            texts.addAll(texts(box.getChild(i)));
        }
        return texts;
    }

    private static Optional<Element> element(Box box) {
        for (Box b = box; b != null; b = b.getParent()) {
            if (b.getElement() != null) {
                return Optional.of(b.getElement());
            }
        }
        return Optional.empty();
    }

    /** @return the shadows the element's text has, from its style or inherited; none for {@code none} */
    static List<Shadow> shadows(Optional<Element> element) {
        for (Node node = element.orElse(null); node instanceof Element e; node = node.getParentNode()) {
            Matcher declared = DECLARATION.matcher(e.getAttribute("style").toLowerCase(Locale.ROOT));
            if (declared.find()) {
                return parse(declared.group(1).replace("!important", "").strip());
            }
        }
        return List.of();
    }

    private static List<Shadow> parse(String value) {
        List<Shadow> shadows = new ArrayList<>();
        if (value.equals("none")) {
            return shadows;
        }
        for (String one : value.split(",(?![^(]*\\))")) {
            List<Double> lengths = new ArrayList<>();
            Color colour = Color.BLACK;
            Matcher rgb = RGB.matcher(one);
            String rest = one;
            if (rgb.find()) {
                colour = new Color(channel(rgb.group(1)), channel(rgb.group(2)), channel(rgb.group(3)));
                rest = one.substring(0, rgb.start()) + one.substring(rgb.end());
            }
            for (String token : rest.strip().split("\\s+")) {
                Matcher length = LENGTH.matcher(token);
                if (length.matches()) {
                    lengths.add(Double.parseDouble(length.group(1)));
                } else if (token.startsWith("#")) {
                    colour = hex(token).orElse(colour);
                } else if (token.equals("white")) {
                    colour = Color.WHITE;
                }
            }
            if (lengths.size() >= 2) {
                shadows.add(
                        new Shadow(lengths.get(0), lengths.get(1), lengths.size() > 2 ? lengths.get(2) : 0, colour));
            }
        }
        return shadows;
    }

    private static int channel(String number) {
        return (int) Math.max(0, Math.min(255, Math.round(Double.parseDouble(number))));
    }

    private static Optional<Color> hex(String token) {
        String digits = token.substring(1);
        if (digits.length() == 3) {
            digits = "" + digits.charAt(0) + digits.charAt(0) + digits.charAt(1) + digits.charAt(1) + digits.charAt(2)
                    + digits.charAt(2);
        }
        if (!digits.matches("[0-9a-f]{6}")) {
            return Optional.empty();
        }
        return Optional.of(new Color(Integer.parseInt(digits, 16)));
    }
}

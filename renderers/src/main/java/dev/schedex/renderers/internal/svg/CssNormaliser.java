package dev.schedex.renderers.internal.svg;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.batik.anim.dom.SVGDOMImplementation;
import org.apache.batik.anim.dom.SVGOMDocument;
import org.apache.batik.bridge.BridgeContext;
import org.apache.batik.bridge.UserAgentAdapter;
import org.apache.batik.css.engine.CSSEngine;
import org.apache.batik.css.engine.CSSStylableElement;
import org.apache.batik.css.parser.Parser;
import org.apache.batik.util.ParsedURL;
import org.jspecify.annotations.Nullable;
import org.w3c.css.sac.CSSParseException;
import org.w3c.css.sac.ErrorHandler;

/**
 * Rewrites a drawing's CSS into what Batik 1.19 reads, rule by rule, so that one rule it does not
 * know never costs the whole stylesheet (Batik drops a stylesheet at its first error).
 *
 * <ul>
 *   <li>an animated element takes the values its animation gives it at the start, as a browser
 *       shows it when the drawing opens (D2's slideshows show their first board, not all boards at
 *       once); then {@code @keyframes} and other at-rules that draw nothing in a still image are removed;
 *       {@code @supports} and {@code @media} for the screen are unwrapped; {@code @media print} and
 *       dark-scheme blocks are removed (an export shows the light, on-screen look);</li>
 *   <li>custom properties ({@code --x: ...}) are resolved into every {@code var(--x, fallback)} and
 *       then removed;</li>
 *   <li>a {@code font-family} list without a generic family ends in the browser's default, a serif;</li>
 *   <li>colours Batik does not read ({@code rgba()}, {@code hsl()}, {@code hsla()}, {@code rgb()}
 *       with fractions, {@code transparent}, {@code #rgba}, {@code #rrggbbaa}) become {@code rgb()}
 *       of whole numbers plus the matching opacity property ({@code fill-opacity} for {@code fill},
 *       and so on);</li>
 *   <li>what is left is checked with Batik's own CSS parser and engine: a rule whose selector it
 *       cannot read, or a declaration whose property it does not know or whose value it does not
 *       take ({@code display: inline-block}, {@code filter: drop-shadow(...)}, {@code color-scheme},
 *       animations), is dropped alone (in a {@code style} attribute, {@link FilterFunctions} has made
 *       filter functions a {@code url()} of a filter first).</li>
 * </ul>
 */
final class CssNormaliser {

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern CUSTOM_PROPERTY = Pattern.compile("(--[A-Za-z0-9_-]+)\\s*:\\s*([^;}]+)");
    private static final Pattern VAR =
            Pattern.compile("var\\(\\s*(--[A-Za-z0-9_-]+)\\s*(?:,\\s*([^()]*(?:\\([^()]*\\)[^()]*)*))?\\)");
    private static final Pattern FUNCTION_COLOUR =
            Pattern.compile("(rgba?|hsla?)\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC = Pattern.compile("(^|;\\s*)src:");
    private static final Pattern HEX_ALPHA = Pattern.compile("#([0-9a-fA-F]{4}|[0-9a-fA-F]{8})\\b");
    /** A colour {@link #forCss21} makes opaque: a colour function, or hex digits with an alpha. */
    private static final Pattern ALPHA_COLOUR =
            Pattern.compile("(?i)\\b(?:rgba?|hsla?)\\([^)]*\\)|#(?:[0-9a-f]{8}|[0-9a-f]{4})\\b");
    /** {@code light-dark(light, dark)} with colours without parentheses of their own, or rgb() ones. */
    private static final Pattern LIGHT_DARK =
            Pattern.compile("(?i)light-dark\\(\\s*((?:[^,()]|\\([^()]*\\))+?)\\s*,\\s*(?:[^,()]|\\([^()]*\\))+\\)");
    /** Colour properties and the opacity property that goes with each. */
    static final Map<String, String> OPACITY_OF = Map.of(
            "fill",
            "fill-opacity",
            "stroke",
            "stroke-opacity",
            "stop-color",
            "stop-opacity",
            "flood-color",
            "flood-opacity");

    private final CSSEngine engine;
    private final CSSStylableElement element;
    private final Parser parser = parser();
    /** The declarations each {@code @keyframes} gives at 0%, by name: what an animated element starts with. */
    private final Map<String, String> openingFrames = new HashMap<>();

    /** A normaliser for one drawing: it holds a CSS engine of Batik's to check values with. */
    CssNormaliser() {
        SVGDOMImplementation implementation = (SVGDOMImplementation) SVGDOMImplementation.getDOMImplementation();
        SVGOMDocument document =
                (SVGOMDocument) implementation.createDocument(SVGDOMImplementation.SVG_NAMESPACE_URI, "svg", null);
        document.setParsedURL(new ParsedURL(SvgSanitiser.BASE_URI)); // url() values resolve against it
        engine = implementation.createCSSEngine(document, new BridgeContext(new UserAgentAdapter()));
        engine.setCSSEngineUserAgent(null); // without one, the engine throws at a value it refuses
        element = (CSSStylableElement) document.getDocumentElement();
    }

    /**
     * @param css a stylesheet
     * @return the stylesheet in the form Batik reads
     */
    String stylesheet(String css) {
        String text = COMMENT.matcher(css).replaceAll("");
        Map<String, String> custom = new HashMap<>();
        Matcher m = CUSTOM_PROPERTY.matcher(text);
        while (m.find()) {
            custom.putIfAbsent(m.group(1), m.group(2).strip());
        }
        StringBuilder out = new StringBuilder();
        rules(text, custom, out);
        return out.toString();
    }

    /**
     * @param declarations the text of a {@code style} attribute
     * @return the declarations Batik reads
     */
    String declarations(String declarations) {
        return declarations(COMMENT.matcher(declarations).replaceAll(""), Map.of());
    }

    private void rules(String text, Map<String, String> custom, StringBuilder out) {
        int i = 0;
        while (i < text.length()) {
            int open = indexOutside(text, i, '{', ';');
            if (open < 0) {
                return;
            }
            String prelude = text.substring(i, open).strip();
            if (text.charAt(open) == ';') { // a statement at-rule (@charset, @namespace): nothing to draw
                i = open + 1;
                continue;
            }
            int close = matching(text, open);
            String block = text.substring(open + 1, close);
            i = close + 1;
            String lower = prelude.toLowerCase(Locale.ROOT);
            if (lower.startsWith("@media")) {
                if (!lower.contains("print") && !lower.matches("(?s).*prefers-color-scheme\\s*:\\s*dark.*")) {
                    rules(block, custom, out);
                }
            } else if (lower.startsWith("@supports")) {
                rules(block, custom, out);
            } else if (lower.startsWith("@keyframes") || lower.startsWith("@-webkit-keyframes")) {
                openingFrame(
                        prelude.substring(prelude.indexOf("keyframes") + "keyframes".length())
                                .strip(),
                        block);
            } else if (lower.startsWith("@font-face")) {
                String face = declarations(block, custom);
                // Batik throws at a face without a source it reads (local(), or none left by the sanitiser);
                // without the face, its text falls back to the next family, as a browser's does
                if (SRC.matcher(face).find()) {
                    out.append("@font-face {").append(face).append("}\n");
                }
            } else if (!lower.startsWith("@") && readable(prelude)) {
                String kept = declarations(block, custom);
                if (!kept.isBlank()) {
                    out.append(prelude).append(" {").append(kept).append("}\n");
                }
            }
        }
    }

    /** Keeps the declarations a {@code @keyframes} block gives at 0% (or {@code from}); later ones win. */
    private void openingFrame(String name, String block) {
        StringBuilder opening = new StringBuilder();
        int i = 0;
        while (i < block.length()) {
            int open = indexOutside(block, i, '{');
            if (open < 0) {
                break;
            }
            int close = matching(block, open);
            for (String offset : block.substring(i, open).split(",")) {
                String o = offset.strip().toLowerCase(Locale.ROOT);
                if (o.equals("from") || o.matches("0*(\\.0*)?%")) {
                    opening.append(block, open + 1, close).append(';');
                    break;
                }
            }
            i = close + 1;
        }
        openingFrames.put(unquoted(name), opening.toString());
    }

    /**
     * @return the 0% declarations of the animations an {@code animation} or {@code animation-name}
     *         value names, if they apply when the drawing opens (no delay, or a fill mode backwards)
     */
    private String opening(String property, String value) {
        StringBuilder opening = new StringBuilder();
        for (String animation : value.split(",")) {
            List<String> tokens = List.of(animation.strip().split("\\s+"));
            // the second time in the shorthand is the delay; a negative one has started already
            String delay = tokens.stream()
                    .filter(t -> t.matches("-?[0-9.]+m?s"))
                    .skip(1)
                    .findFirst()
                    .orElse("0s");
            boolean startsAtOnce = property.equals("animation-name")
                    || !delay.matches("[0-9.]+m?s")
                    || delay.matches("0*\\.?0*m?s")
                    || tokens.contains("backwards")
                    || tokens.contains("both");
            for (String token : tokens) {
                if (startsAtOnce && openingFrames.containsKey(token)) {
                    opening.append(openingFrames.get(token));
                }
            }
        }
        return opening.toString();
    }

    private String declarations(String block, Map<String, String> custom) {
        return declarations(block, custom, true);
    }

    /** @param animated false inside a keyframe, where animation properties are ignored (as CSS says) */
    private String declarations(String block, Map<String, String> custom, boolean animated) {
        List<String> kept = new ArrayList<>();
        StringBuilder opening = new StringBuilder();
        for (String declaration : split(block)) {
            int colon = declaration.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String property = declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = resolve(declaration.substring(colon + 1).strip(), custom, 0);
            if (property.startsWith("--") || value == null) {
                continue;
            }
            if (property.equals("font-family")) {
                value = withBrowserFallback(value);
            }
            if (animated && (property.equals("animation") || property.equals("animation-name"))) {
                opening.append(opening(property, value));
            }
            String important = "";
            if (value.toLowerCase(Locale.ROOT).endsWith("!important")) {
                important = " !important";
                value = value.substring(0, value.length() - "!important".length())
                        .strip();
            }
            for (Map.Entry<String, String> converted : colour(property, value).entrySet()) {
                if (accepts(converted.getKey(), converted.getValue())) {
                    kept.add(converted.getKey() + ": " + converted.getValue() + important);
                }
            }
        }
        if (!opening.isEmpty()) {
            kept.add(declarations(opening.toString(), custom, false)); // an animation's values win over the element's
        }
        return String.join(
                "; ",
                kept.stream().filter(declaration -> !declaration.isBlank()).toList());
    }

    /** @return the text without the quotes around it, if it has them */
    private static String unquoted(String text) {
        return text.replaceAll("^[\"']|[\"']$", "");
    }

    private static final Set<String> GENERIC_FAMILIES =
            Set.of("serif", "sans-serif", "monospace", "cursive", "fantasy");
    private static final Set<String> SYSTEM_FAMILIES =
            Set.of("system-ui", "-apple-system", "blinkmacsystemfont", "ui-sans-serif");

    /**
     * A browser draws text whose families are all missing in its default font, a serif (Batik: in its
     * own default, Arial); the system's user-interface font names are sans-serif. Which fonts the
     * generic families stand for is the font resolver's part ({@code BatikSetup.resolver()}, in the Batik wing).
     *
     * @param families a {@code font-family} value
     * @return the value, ending in a generic family as a browser falls back
     */
    static String withBrowserFallback(String families) {
        List<String> names = new ArrayList<>();
        for (String family : families.split(",")) {
            names.add(unquoted(family.strip()).toLowerCase(Locale.ROOT));
        }
        if (names.stream().anyMatch(GENERIC_FAMILIES::contains)) {
            return families;
        }
        return families + (names.stream().anyMatch(SYSTEM_FAMILIES::contains) ? ", sans-serif" : ", serif");
    }

    /**
     * @param property a property name, lower case
     * @param value    its value
     * @return the property with its value as Batik reads it, and the opacity property it needs, if any
     */
    static Map<String, String> colour(String property, String value) {
        Map<String, String> result = new java.util.LinkedHashMap<>();
        String opacityProperty = OPACITY_OF.get(property);
        double[] rgba = parseColour(value);
        if (rgba == null
                || !(OPACITY_OF.containsKey(property)
                        || property.equals("color")
                        || property.equals("lighting-color"))) {
            result.put(property, value);
            return result;
        }
        if (rgba[3] == 0 && (property.equals("fill") || property.equals("stroke"))) {
            result.put(property, "none");
            return result;
        }
        result.put(
                property, "rgb(" + Math.round(rgba[0]) + ", " + Math.round(rgba[1]) + ", " + Math.round(rgba[2]) + ")");
        if (opacityProperty != null && rgba[3] < 1) {
            result.put(opacityProperty, trim(rgba[3]));
        }
        return result;
    }

    /**
     * @param text CSS text: a stylesheet or a {@code style} attribute
     * @return the custom properties it declares ({@code --x: ...}), the first declaration of each
     */
    static Map<String, String> customProperties(String text) {
        Map<String, String> custom = new HashMap<>();
        Matcher m = CUSTOM_PROPERTY.matcher(COMMENT.matcher(text).replaceAll(""));
        while (m.find()) {
            custom.putIfAbsent(m.group(1), m.group(2).strip());
        }
        return custom;
    }

    /**
     * CSS for an engine of CSS 2.1 (the HTML labels' {@code LabelLayout}, in the Batik wing), which
     * reads neither custom properties nor colours with an alpha channel: every {@code var()} is
     * resolved (to nothing where it cannot be, which makes its declaration invalid, as a browser takes
     * it), {@code light-dark()} takes its light colour, and a colour with alpha becomes the same colour
     * opaque, or {@code transparent} if it is fully transparent.
     *
     * @param text   CSS text: a stylesheet or a {@code style} attribute
     * @param custom the custom properties in scope ({@link #customProperties})
     * @return the text rewritten
     */
    static String forCss21(String text, Map<String, String> custom) {
        String resolved = text;
        if (text.contains("var(")) {
            Matcher var = VAR.matcher(text);
            StringBuilder out = new StringBuilder();
            while (var.find()) {
                String value = resolve(var.group(), custom, 0);
                var.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
            }
            resolved = var.appendTail(out).toString();
        }
        resolved = LIGHT_DARK.matcher(resolved).replaceAll("$1");
        StringBuilder out = new StringBuilder();
        Matcher colour = ALPHA_COLOUR.matcher(resolved);
        while (colour.find()) {
            double[] rgba = parseColour(colour.group());
            String opaque = rgba == null
                    ? colour.group()
                    : rgba[3] == 0
                            ? "transparent"
                            : "rgb(" + Math.round(rgba[0]) + ", " + Math.round(rgba[1]) + ", " + Math.round(rgba[2])
                                    + ")";
            colour.appendReplacement(out, Matcher.quoteReplacement(opaque));
        }
        return colour.appendTail(out).toString();
    }

    /** @return r, g, b (0-255) and alpha (0-1) of a colour Batik cannot read itself, else null */
    private static double @Nullable [] parseColour(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("transparent")) {
            return new double[] {0, 0, 0, 0};
        }
        Matcher hex = HEX_ALPHA.matcher(v);
        if (hex.matches()) {
            String digits = hex.group(1);
            if (digits.length() == 4) {
                digits = "" + digits.charAt(0) + digits.charAt(0) + digits.charAt(1) + digits.charAt(1)
                        + digits.charAt(2) + digits.charAt(2) + digits.charAt(3) + digits.charAt(3);
            }
            long n = Long.parseLong(digits, 16);
            return new double[] {n >>> 24 & 0xff, n >>> 16 & 0xff, n >>> 8 & 0xff, (n & 0xff) / 255.0};
        }
        Matcher function = FUNCTION_COLOUR.matcher(v);
        if (!function.matches()) {
            return null;
        }
        String[] parts = function.group(2).trim().split("\\s*[,/]\\s*|\\s+");
        if (parts.length < 3) {
            return null;
        }
        try {
            double alpha = parts.length > 3 ? number(parts[3], 1) : 1;
            if (function.group(1).startsWith("rgb")) {
                return new double[] {number(parts[0], 255), number(parts[1], 255), number(parts[2], 255), alpha};
            }
            double h = Double.parseDouble(parts[0].replace("deg", "")) / 360;
            double s = number(parts[1], 1);
            double l = number(parts[2], 1);
            double q = l < 0.5 ? l * (1 + s) : l + s - l * s;
            double p = 2 * l - q;
            return new double[] {255 * hue(p, q, h + 1.0 / 3), 255 * hue(p, q, h), 255 * hue(p, q, h - 1.0 / 3), alpha};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double number(String text, double scale) {
        return text.endsWith("%")
                ? Double.parseDouble(text.substring(0, text.length() - 1)) / 100 * scale
                : Double.parseDouble(text);
    }

    private static double hue(double p, double q, double t) {
        t = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
        if (t < 1.0 / 6) {
            return p + (q - p) * 6 * t;
        }
        if (t < 0.5) {
            return q;
        }
        return t < 2.0 / 3 ? p + (q - p) * (2.0 / 3 - t) * 6 : p;
    }

    private static String trim(double number) {
        String text = String.format(Locale.ROOT, "%.3f", number);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** @return the value with every {@code var()} resolved, or null if one cannot be */
    private static @Nullable String resolve(String value, Map<String, String> custom, int depth) {
        if (!value.contains("var(")) {
            return value;
        }
        if (depth > 8) {
            return null;
        }
        Matcher m = VAR.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = custom.containsKey(m.group(1)) ? custom.get(m.group(1)) : m.group(2);
            if (replacement == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.strip()));
        }
        m.appendTail(out);
        return resolve(out.toString(), custom, depth + 1);
    }

    private boolean readable(String selectors) {
        try {
            parser.parseSelectors(selectors);
            return true;
        } catch (IOException | RuntimeException e) { // CSSException is a RuntimeException
            return false;
        }
    }

    /**
     * @param property a property name, lower case
     * @param value    its value, without {@code !important}
     * @return the declarations Batik reads for it, as {@link #colour} converts a colour (the property
     *         and the opacity that goes with it); none if Batik's engine does not take the value
     */
    Map<String, String> readable(String property, String value) {
        Map<String, String> kept = new java.util.LinkedHashMap<>();
        colour(property, value).forEach((name, converted) -> {
            if (accepts(name, converted)) {
                kept.put(name, converted);
            }
        });
        return kept;
    }

    /**
     * @return true if Batik's CSS engine takes the value for the property, as it would in a
     *         stylesheet; a property it does not know draws nothing and is dropped too
     */
    private boolean accepts(String property, String value) {
        try {
            if (engine.getPropertyIndex(property) >= 0) {
                return engine.parsePropertyValue(element, property, value) != null;
            }
            if (engine.getShorthandIndex(property) >= 0) {
                engine.setMainProperties(element, (name, parsed, important) -> {}, property, value, false);
                return true;
            }
            return false;
        } catch (RuntimeException e) { // the engine's DOMException and the parser's CSSException
            return false;
        }
    }

    private static Parser parser() {
        Parser parser = new Parser();
        parser.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(CSSParseException exception) {
                // not an error
            }

            @Override
            public void error(CSSParseException exception) {
                throw exception;
            }

            @Override
            public void fatalError(CSSParseException exception) {
                throw exception;
            }
        });
        return parser;
    }

    /** Splits declarations at semicolons outside parentheses and quotes ({@code data:} URLs have some). */
    static List<String> split(String block) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i <= block.length()) {
            int end = indexOutside(block, i, ';');
            if (end < 0) {
                parts.add(block.substring(start));
                break;
            }
            parts.add(block.substring(start, end));
            start = end + 1;
            i = end + 1;
        }
        return parts;
    }

    /** @return the first of the characters at depth 0 from {@code from}, outside quotes; -1 if none */
    private static int indexOutside(String text, int from, char... wanted) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                for (char w : wanted) {
                    if (c == w) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    /** @return the index of the brace that closes the one at {@code open}, or the end of the text */
    private static int matching(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return text.length();
    }
}

package dev.schedex.renderers.internal.svg;

import dev.schedex.renderers.internal.svg.CssTokens.Token;
import dev.schedex.renderers.internal.svg.CssTokens.Type;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * CSS filter functions ({@code filter="invert(93%) hue-rotate(180deg)"}, {@code grayscale()},
 * {@code drop-shadow()}...), which Filter Effects Module Level 1 allows in the {@code filter}
 * presentation attribute and property of any SVG element, and Batik 1.19 ignores: it reads only
 * {@code url(#id)}. Excalidraw's dark-mode export puts {@code invert(93%) hue-rotate(180deg)} on its
 * root, other tools {@code drop-shadow()} or {@code grayscale()} on groups. Each list becomes a
 * {@code <filter>} of the drawing's (in a {@code <defs>} of its own, one per distinct list), and the
 * element refers to it with {@code url(#schedex-filter-N)}.
 *
 * <p>Each function becomes the primitives the specification defines it as, in its section
 * "Shorthands defined in terms of the filter element" ({@code #ShorthandEquivalents}), chained in
 * the order written, each taking the one before as its input:
 * <ul>
 *   <li>{@code grayscale()}, {@code sepia()}: {@code feColorMatrix type="matrix"} with the matrices
 *       of {@code #grayscaleEquivalent} and {@code #sepiaEquivalent};</li>
 *   <li>{@code saturate()}, {@code hue-rotate()}: {@code feColorMatrix} of type {@code saturate} and
 *       {@code hueRotate} ({@code #saturateEquivalent}, {@code #huerotateEquivalent});</li>
 *   <li>{@code invert()}, {@code opacity()}, {@code brightness()}, {@code contrast()}:
 *       {@code feComponentTransfer} ({@code #invertEquivalent}, {@code #opacityEquivalent},
 *       {@code #brightnessEquivalent}, {@code #contrastEquivalent}); invert's table of two values
 *       as the line through them, the same function;</li>
 *   <li>{@code blur()}: {@code feGaussianBlur} ({@code #blurEquivalent});</li>
 *   <li>{@code drop-shadow()}: an {@code feDropShadow}, made the blur, offset, flood, composite
 *       and merge of {@code #dropshadowEquivalent} by {@link DropShadows}.</li>
 * </ul>
 * The values are read as the section "Supported Filter Functions" ({@code #supported-filter-functions})
 * gives them: a number or a percentage (an omitted one is 1; negative ones are invalid; above 1,
 * {@code grayscale}, {@code invert}, {@code opacity} and {@code sepia} are clamped to 1), an angle in
 * {@code deg}, {@code grad}, {@code rad} or {@code turn} (or a bare 0), lengths in {@code px}, the
 * absolute units or {@code em} and {@code rem} (taken as 16 px), and a {@code drop-shadow()}
 * colour before or after its two or three lengths, or the element's {@code color} (from its own or
 * its ancestors' attributes and {@code style}; black without one) when it has none.
 *
 * <p>The filter works in sRGB ({@code color-interpolation-filters="sRGB"}): filter functions are
 * defined there ({@code #FilterProperty}), while SVG filters default to linear RGB. Its region is
 * the SVG default (the bounding box and 10% on each side) grown, with Batik's margin attributes
 * ({@code mx}, {@code my}, {@code mw}, {@code mh}, in user units), by half the widest stroke
 * declared on the element, around it or inside it, and by three standard deviations and the offset
 * of every blur and shadow: the spec wants the region to cover what the element draws and the
 * blur or shadow adds ({@code #filter-region-for-shorthands}); a bounding box alone is empty for a
 * horizontal line (Batik then draws nothing of it), and a fixed region in user units large enough
 * for any element makes Batik filter the whole canvas once per element (400 shadowed shapes on a
 * 2000 px canvas: past the 30 s limit, against 1.9 s with margins). A filter on the root {@code <svg>},
 * which a browser applies to the drawing's box in CSS pixels and Batik in the viewBox's units,
 * has its lengths divided by the viewBox's scale.
 *
 * <p>The {@code filter} in the {@code style} attribute wins over the attribute, as CSS has it, and
 * an invalid declaration there is skipped. A list this rule does not read (a malformed value, an
 * unknown function, {@code url()} among the functions, more than {@link #MAX_FUNCTIONS} functions,
 * beyond {@link #MAX_FILTERS} distinct lists) is left as written, which Batik does not apply: the
 * element is drawn unfiltered, as a browser draws an element whose filter list is invalid (of a
 * list with {@code url()}, Batik applies the reference alone). A {@code filter} in a stylesheet is
 * not read here ({@link CssNormaliser} drops it).
 */
final class FilterFunctions implements DrawingRule {

    /** The most functions one {@code filter} list may have to be applied. */
    static final int MAX_FUNCTIONS = 16;
    /** The most distinct lists one drawing may have applied; elements with the same list share a filter. */
    static final int MAX_FILTERS = 1_000;
    /** The largest blur, shadow offset or shadow blur, in CSS pixels; larger ones are clamped to it. */
    static final double MAX_LENGTH = 1_000;

    private static final Pattern NUMBER =
            Pattern.compile("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)([a-z%]*)");
    /** CSS pixels per unit, for the units a length in a filter function may have. */
    private static final Map<String, Double> PX_PER_UNIT = Map.of(
            "px", 1.0,
            "in", 96.0,
            "cm", 96 / 2.54,
            "mm", 96 / 25.4,
            "q", 96 / 101.6,
            "pt", 96 / 72.0,
            "pc", 16.0,
            "em", 16.0,
            "rem", 16.0);
    /** Degrees per unit, for an angle. */
    private static final Map<String, Double> DEGREES_PER_UNIT =
            Map.of("deg", 1.0, "grad", 0.9, "rad", 180 / Math.PI, "turn", 360.0);

    private static final Set<String> AMOUNTS =
            Set.of("brightness", "contrast", "grayscale", "invert", "opacity", "saturate", "sepia");
    private static final Set<String> CLAMPED = Set.of("grayscale", "invert", "opacity", "sepia");
    private static final Pattern STROKE_WIDTH =
            Pattern.compile("(?:^|;)\\s*stroke-width\\s*:\\s*([^;!]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern COLOR = Pattern.compile("(?:^|;)\\s*color\\s*:\\s*([^;!]+)", Pattern.CASE_INSENSITIVE);

    /**
     * One function of a list, its values read: an amount (a number), an angle in degrees, a blur's
     * standard deviation, or a shadow's offset, deviation and colour, lengths in CSS pixels.
     */
    private record Function(
            String name, double[] values, @Nullable String colour) {

        /** @return what the function draws, the same for the same function */
        String key() {
            return name + java.util.Arrays.toString(values) + colour;
        }
    }

    /**
     * What a {@code filter} value is to this rule.
     *
     * @param valid     false for a value a browser ignores (the declaration is dropped)
     * @param functions the functions, if the value is a list of them this rule applies; null for a
     *                  valid value it leaves alone ({@code none}, a list with {@code url()}, too long a list)
     */
    private record Read(boolean valid, @Nullable List<Function> functions) {

        static final Read INVALID = new Read(false, null);
        static final Read LEFT_ALONE = new Read(true, null);
    }

    private final Document document;
    private final DropShadows shadows;
    private final Set<String> ids = new HashSet<>();
    /** The filter made for each list, by what its primitives are. */
    private final Map<String, String> made = new HashMap<>();
    /** Each shadow colour as Batik reads it, by its text: an empty map for one it does not. */
    private final Map<String, Map<String, String>> floods = new HashMap<>();
    /** The widest stroke found in and around each element asked about so far (the drawing's nesting is bounded). */
    private final Map<Element, Double> strokesWithin = new HashMap<>();

    private final Map<Element, Double> strokesAround = new HashMap<>();
    /** The root's user units per CSS pixel, across and down. */
    private final double[] rootUnits;

    private @Nullable Element defs;
    private @Nullable CssNormaliser css;
    private int generated;

    /** @param document the drawing; its ids are kept clear of */
    FilterFunctions(Document document) {
        this.document = document;
        this.shadows = new DropShadows(document);
        collectIds(document.getDocumentElement());
        rootUnits = userUnitsPerPixel(document.getDocumentElement());
    }

    @Override
    public void apply(Element element) {
        if (element.getParentNode() == null || !element.hasAttribute("filter") && !element.hasAttribute("style")) {
            return;
        }
        List<String> declarations = CssNormaliser.split(element.getAttribute("style"));
        Read read = Read.INVALID;
        boolean inStyle = false;
        for (int i = declarations.size() - 1; i >= 0 && !inStyle; i--) {
            String value = filterValue(declarations.get(i));
            if (value != null) {
                read = read(element, value);
                inStyle = read.valid(); // the last valid declaration wins over the attribute
            }
        }
        if (!inStyle) {
            read = read(element, element.getAttribute("filter"));
        }
        if (read.functions() == null) {
            return;
        }
        String id = filter(element, read.functions());
        if (id == null) {
            return;
        }
        if (inStyle) {
            List<String> kept = new ArrayList<>();
            for (String declaration : declarations) {
                if (filterValue(declaration) == null && !declaration.isBlank()) {
                    kept.add(declaration.strip());
                }
            }
            kept.add("filter: url(#" + id + ")");
            element.setAttribute("style", String.join("; ", kept));
        } else {
            element.setAttribute("filter", "url(#" + id + ")");
        }
    }

    /** @return the value of a {@code filter} declaration, without {@code !important}; null for another property */
    private static @Nullable String filterValue(String declaration) {
        int colon = declaration.indexOf(':');
        if (colon < 0
                || !declaration
                        .substring(0, colon)
                        .strip()
                        .toLowerCase(Locale.ROOT)
                        .equals("filter")) {
            return null;
        }
        String value = declaration.substring(colon + 1).strip();
        if (value.toLowerCase(Locale.ROOT).endsWith("!important")) {
            value = value.substring(0, value.length() - "!important".length()).strip();
        }
        return value;
    }

    /** @return what the value is, read for this element (whose {@code color} a shadow may take) */
    private Read read(Element element, String value) {
        String text = CssTokens.preprocess(value.strip());
        if (text.equalsIgnoreCase("none")) {
            return Read.LEFT_ALONE;
        }
        List<Token> tokens = CssTokens.tokenise(text);
        List<Function> functions = new ArrayList<>();
        boolean other = false;
        int i = 0;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            if (token.type() == Type.WHITESPACE || token.type() == Type.COMMENT) {
                i++;
            } else if (token.type() == Type.URL
                    || token.type() == Type.FUNCTION && token.value().equalsIgnoreCase("url")) {
                other = true; // a reference among the functions: valid, but not for this rule
                i = close(tokens, i) + 1;
            } else if (token.type() == Type.FUNCTION) {
                int close = close(tokens, i);
                if (close >= tokens.size()) {
                    return Read.INVALID; // unclosed
                }
                Function function = function(
                        element, token.value().toLowerCase(Locale.ROOT), components(text, tokens, i + 1, close));
                if (function == null) {
                    return Read.INVALID;
                }
                functions.add(function);
                i = close + 1;
            } else {
                return Read.INVALID;
            }
        }
        if (functions.isEmpty() && !other) {
            return Read.INVALID;
        }
        return other || functions.size() > MAX_FUNCTIONS ? Read.LEFT_ALONE : new Read(true, functions);
    }

    /** @return the index of the token that closes the function at {@code open}, or the end */
    private static int close(List<Token> tokens, int open) {
        if (tokens.get(open).type() != Type.FUNCTION) {
            return open;
        }
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Type type = tokens.get(i).type();
            if (type == Type.FUNCTION || type == Type.OPEN_PAREN) {
                depth++;
            } else if (type == Type.CLOSE_PAREN && --depth == 0) {
                return i;
            }
        }
        return tokens.size();
    }

    /**
     * @return the arguments between two tokens, split at whitespace (a function inside, a colour's
     *         {@code rgb(...)}, is one), as text; null if there is a comma or anything but values
     */
    private static @Nullable List<String> components(String text, List<Token> tokens, int from, int to) {
        List<String> components = new ArrayList<>();
        int i = from;
        while (i < to) {
            Token token = tokens.get(i);
            switch (token.type()) {
                case WHITESPACE, COMMENT -> i++;
                case NUMBER, IDENT, HASH -> {
                    components.add(text.substring(token.start(), token.end()));
                    i++;
                }
                case FUNCTION -> {
                    int close = Math.min(close(tokens, i), to - 1);
                    components.add(
                            text.substring(token.start(), tokens.get(close).end()));
                    i = close + 1;
                }
                default -> {
                    return null;
                }
            }
        }
        return components;
    }

    /** @return the function, its values read, or null if they are not valid for it */
    private @Nullable Function function(Element element, String name, @Nullable List<String> arguments) {
        if (arguments == null) {
            return null;
        }
        if (AMOUNTS.contains(name)) {
            if (arguments.size() > 1) {
                return null;
            }
            Double amount = arguments.isEmpty() ? Double.valueOf(1) : amount(arguments.get(0));
            if (amount == null) {
                return null;
            }
            return new Function(name, new double[] {CLAMPED.contains(name) ? Math.min(amount, 1) : amount}, null);
        }
        switch (name) {
            case "hue-rotate" -> {
                Double angle = arguments.isEmpty() ? Double.valueOf(0) : angle(arguments.get(0));
                return arguments.size() > 1 || angle == null ? null : new Function(name, new double[] {angle}, null);
            }
            case "blur" -> {
                Double deviation = arguments.isEmpty() ? Double.valueOf(0) : length(arguments.get(0));
                return arguments.size() > 1 || deviation == null || deviation < 0
                        ? null
                        : new Function(name, new double[] {Math.min(deviation, MAX_LENGTH)}, null);
            }
            case "drop-shadow" -> {
                return shadow(element, arguments);
            }
            default -> {
                return null;
            }
        }
    }

    /** {@code drop-shadow( <color>? && <length>{2,3} )}: @return it read, or null */
    private @Nullable Function shadow(Element element, List<String> arguments) {
        List<Double> lengths = new ArrayList<>();
        String colour = null;
        boolean lengthsEnded = false;
        for (String argument : arguments) {
            Double length = length(argument);
            if (length != null) {
                if (lengthsEnded) {
                    return null; // lengths on both sides of the colour
                }
                lengths.add(length);
            } else if (colour == null) {
                colour = argument;
                lengthsEnded = !lengths.isEmpty();
            } else {
                return null;
            }
        }
        if (lengths.size() < 2 || lengths.size() > 3 || lengths.size() == 3 && lengths.get(2) < 0) {
            return null;
        }
        String used = colour == null || colour.equalsIgnoreCase("currentcolor") ? colour(element) : colour;
        Map<String, String> flood = floods.computeIfAbsent(used, text -> css().readable("flood-color", text));
        if (!flood.containsKey("flood-color")) {
            return null;
        }
        double[] values = new double[4];
        for (int i = 0; i < lengths.size(); i++) {
            values[i] = Math.max(-MAX_LENGTH, Math.min(lengths.get(i), MAX_LENGTH));
        }
        values[3] = Double.parseDouble(flood.getOrDefault("flood-opacity", "1"));
        return new Function("drop-shadow", values, flood.get("flood-color"));
    }

    /** @return the element's {@code color}, from its own or an ancestor's attribute or style; black without one */
    private static String colour(Element element) {
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            List<String> found = new ArrayList<>();
            Matcher declared = COLOR.matcher(e.getAttribute("style"));
            while (declared.find()) {
                found.add(declared.group(1).strip());
            }
            found.add(e.getAttribute("color").strip());
            for (int i = found.size() - 1; i >= 0; i--) { // the last declaration, then the attribute
                String value = found.get(i).toLowerCase(Locale.ROOT);
                if (!value.isEmpty() && !value.equals("inherit") && !value.equals("currentcolor")) {
                    return found.get(i);
                }
            }
        }
        return "black";
    }

    /** @return a number or percentage, as a number; null if it is not one, or negative */
    private static @Nullable Double amount(String text) {
        Matcher m = NUMBER.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches() || !(m.group(2).isEmpty() || m.group(2).equals("%"))) {
            return null;
        }
        double value = Double.parseDouble(m.group(1)) / (m.group(2).isEmpty() ? 1 : 100);
        return value >= 0 && Double.isFinite(value) ? value : null;
    }

    /** @return an angle in degrees; null if it is not one (a number without a unit is one only if 0) */
    private static @Nullable Double angle(String text) {
        Double degrees = dimension(text, DEGREES_PER_UNIT);
        return degrees == null ? null : degrees % 360;
    }

    /** @return a length in CSS pixels; null if it is not one (a number without a unit is one only if 0) */
    private static @Nullable Double length(String text) {
        return dimension(text, PX_PER_UNIT);
    }

    /** @return a number with a unit, in the units the factors convert to; a bare number only if 0 */
    private static @Nullable Double dimension(String text, Map<String, Double> factors) {
        Matcher m = NUMBER.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        double value = Double.parseDouble(m.group(1));
        if (m.group(2).isEmpty()) {
            return value == 0 ? Double.valueOf(0) : null;
        }
        Double unit = factors.get(m.group(2));
        return unit == null || !Double.isFinite(value * unit) ? null : value * unit;
    }

    /** @return the id of the filter for the list on this element, made if it is new; null past {@link #MAX_FILTERS} */
    private @Nullable String filter(Element element, List<Function> functions) {
        double[] units = element == document.getDocumentElement() ? rootUnits : new double[] {1, 1};
        double reach = 0; // how far blurs and shadows reach beyond what the element draws, in CSS pixels
        StringBuilder key = new StringBuilder();
        for (Function function : functions) {
            double[] values = function.values();
            if (function.name().equals("blur")) {
                reach += 3 * values[0];
            } else if (function.name().equals("drop-shadow")) {
                reach += 3 * values[2] + Math.max(Math.abs(values[0]), Math.abs(values[1]));
            }
            key.append(function.key()).append('|');
        }
        double stroke = widestStroke(element) / 2 + 1; // and a pixel for the antialiasing
        double marginX = reach * units[0] + stroke;
        double marginY = reach * units[1] + stroke;
        key.append(number(marginX))
                .append(' ')
                .append(number(marginY))
                .append(' ')
                .append(units[0])
                .append(' ');
        key.append(units[1]);
        String known = made.get(key.toString());
        if (known != null || made.size() >= MAX_FILTERS) {
            return known;
        }
        String id = freeId();
        Element filter = element(
                "filter",
                "id",
                id,
                "x",
                "-10%",
                "y",
                "-10%",
                "width",
                "120%",
                "height",
                "120%",
                "mx",
                number(-marginX),
                "my",
                number(-marginY),
                "mw",
                number(2 * marginX),
                "mh",
                number(2 * marginY),
                "color-interpolation-filters",
                "sRGB");
        defs().appendChild(filter);
        for (Function function : functions) {
            Element primitive = primitive(function, units);
            filter.appendChild(primitive);
            if (function.name().equals("drop-shadow")) {
                shadows.rewrite(primitive);
            }
        }
        made.put(key.toString(), id);
        return id;
    }

    /**
     * @return the primitive a function is defined as (a shadow as {@code feDropShadow}, which
     *         {@link DropShadows} then makes SVG 1.1), lengths in user units ({@code units} per CSS pixel)
     */
    private Element primitive(Function function, double[] units) {
        double a = function.values()[0];
        double r = 1 - a;
        return switch (function.name()) {
            case "grayscale" ->
                matrix(
                        0.2126 + 0.7874 * r,
                        0.7152 - 0.7152 * r,
                        0.0722 - 0.0722 * r,
                        0.2126 - 0.2126 * r,
                        0.7152 + 0.2848 * r,
                        0.0722 - 0.0722 * r,
                        0.2126 - 0.2126 * r,
                        0.7152 - 0.7152 * r,
                        0.0722 + 0.9278 * r);
            case "sepia" ->
                matrix(
                        0.393 + 0.607 * r,
                        0.769 - 0.769 * r,
                        0.189 - 0.189 * r,
                        0.349 - 0.349 * r,
                        0.686 + 0.314 * r,
                        0.168 - 0.168 * r,
                        0.272 - 0.272 * r,
                        0.534 - 0.534 * r,
                        0.131 + 0.869 * r);
            case "saturate" -> element("feColorMatrix", "type", "saturate", "values", number(a));
            case "hue-rotate" -> element("feColorMatrix", "type", "hueRotate", "values", number(a));
            // the table of #invertEquivalent, "[amount] (1 - [amount])", is the line through its two values,
            // which Batik rounds as a browser does; a table it truncates (white under invert(93%): #111111,
            // not Chromium's #121212)
            case "invert" -> transfer("linear", "slope", number(1 - 2 * a), "intercept", number(a));
            case "opacity" -> {
                Element transfer = element("feComponentTransfer");
                transfer.appendChild(element("feFuncA", "type", "table", "tableValues", "0 " + number(a)));
                yield transfer;
            }
            case "brightness" -> transfer("linear", "slope", number(a));
            case "contrast" -> transfer("linear", "slope", number(a), "intercept", number(-0.5 * a + 0.5));
            case "blur" -> element("feGaussianBlur", "stdDeviation", number(a * units[0]) + " " + number(a * units[1]));
            case "drop-shadow" ->
                element(
                        "feDropShadow",
                        "dx",
                        number(function.values()[0] * units[0]),
                        "dy",
                        number(function.values()[1] * units[1]),
                        "stdDeviation",
                        number(function.values()[2] * units[0]) + " " + number(function.values()[2] * units[1]),
                        "flood-color",
                        String.valueOf(function.colour()),
                        "flood-opacity",
                        number(function.values()[3]));
            default -> throw new IllegalStateException("not a filter function: " + function.name());
        };
    }

    /** @return an {@code feColorMatrix} of the three rows given, alpha unchanged */
    private Element matrix(double... rows) {
        StringBuilder values = new StringBuilder();
        for (int row = 0; row < 3; row++) {
            for (int column = 0; column < 3; column++) {
                values.append(number(rows[row * 3 + column])).append(' ');
            }
            values.append("0 0 ");
        }
        values.append("0 0 0 1 0");
        return element("feColorMatrix", "type", "matrix", "values", values.toString());
    }

    /** @return an {@code feComponentTransfer} with the same function for red, green and blue */
    private Element transfer(String type, String... attributes) {
        Element transfer = element("feComponentTransfer");
        for (String channel : List.of("feFuncR", "feFuncG", "feFuncB")) {
            Element function = element(channel, "type", type);
            for (int i = 0; i < attributes.length; i += 2) {
                function.setAttribute(attributes[i], attributes[i + 1]);
            }
            transfer.appendChild(function);
        }
        return transfer;
    }

    private Element element(String name, String... attributes) {
        Element element = document.createElementNS(SvgTree.SVG, name);
        for (int i = 0; i < attributes.length; i += 2) {
            element.setAttribute(attributes[i], attributes[i + 1]);
        }
        return element;
    }

    /**
     * @return the widest {@code stroke-width} in px the element, its ancestors or the elements in it
     *         declare (attribute or style), or 1, the initial value; each element is read once
     */
    private double widestStroke(Element element) {
        return Math.min(Math.max(1, Math.max(strokeAround(element), strokeWithin(element))), MAX_LENGTH);
    }

    /** @return the widest stroke the element's ancestors declare */
    private double strokeAround(Element element) {
        Double known = strokesAround.get(element);
        if (known == null) {
            known = element.getParentNode() instanceof Element parent
                    ? Math.max(strokeWidth(parent), strokeAround(parent))
                    : 0;
            strokesAround.put(element, known);
        }
        return known;
    }

    /** @return the widest stroke the element and the elements in it declare */
    private double strokeWithin(Element element) {
        Double known = strokesWithin.get(element);
        if (known == null) {
            known = strokeWidth(element);
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element inside) {
                    known = Math.max(known, strokeWithin(inside));
                }
            }
            strokesWithin.put(element, known);
        }
        return known;
    }

    private static double strokeWidth(Element element) {
        double widest = 0;
        List<String> values = new ArrayList<>(List.of(element.getAttribute("stroke-width")));
        Matcher declared = STROKE_WIDTH.matcher(element.getAttribute("style"));
        while (declared.find()) {
            values.add(declared.group(1));
        }
        for (String value : values) {
            Matcher m = NUMBER.matcher(value.strip().toLowerCase(Locale.ROOT));
            if (m.matches() && (m.group(2).isEmpty() || m.group(2).equals("px"))) {
                widest = Math.max(widest, Double.parseDouble(m.group(1)));
            }
        }
        return widest;
    }

    /**
     * @return the root's user units per CSS pixel of the drawing's size, across and down: its viewBox
     *         over its width and height, as its {@code preserveAspectRatio} fits one in the other
     */
    private static double[] userUnitsPerPixel(Element root) {
        String[] box = root.getAttribute("viewBox").strip().split("[\\s,]+");
        double[] viewBox = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                viewBox[i] = Double.parseDouble(box[i]);
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException noViewBox) {
            return new double[] {1, 1};
        }
        if (!(viewBox[2] > 0 && viewBox[3] > 0) || box.length != 4) {
            return new double[] {1, 1};
        }
        double width = size(root.getAttribute("width"), viewBox[2]);
        double height = size(root.getAttribute("height"), viewBox[3]);
        if (!root.hasAttribute("width") && root.hasAttribute("height")) {
            width = height / viewBox[3] * viewBox[2]; // the missing side follows the viewBox's shape
        } else if (root.hasAttribute("width") && !root.hasAttribute("height")) {
            height = width / viewBox[2] * viewBox[3];
        }
        double across = width / viewBox[2];
        double down = height / viewBox[3];
        if (!(across > 0 && down > 0 && Double.isFinite(across) && Double.isFinite(down))) {
            return new double[] {1, 1};
        }
        String fit = root.getAttribute("preserveAspectRatio").strip().toLowerCase(Locale.ROOT);
        if (!fit.startsWith("none")) {
            across = down = fit.endsWith("slice") ? Math.max(across, down) : Math.min(across, down);
        }
        return new double[] {1 / across, 1 / down};
    }

    /** @return a root's width or height in CSS pixels, a percentage of the viewBox's (as the Batik wing reads it) */
    private static double size(String text, double viewBox) {
        Matcher m = NUMBER.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return viewBox;
        }
        double value = Double.parseDouble(m.group(1));
        if (m.group(2).equals("%")) {
            return value / 100 * viewBox;
        }
        Double unit = m.group(2).isEmpty() ? Double.valueOf(1) : PX_PER_UNIT.get(m.group(2));
        return unit == null ? viewBox : value * unit;
    }

    private Element defs() {
        if (defs == null) {
            defs = document.createElementNS(SvgTree.SVG, "defs");
            Element root = document.getDocumentElement();
            root.insertBefore(defs, root.getFirstChild());
        }
        return defs;
    }

    private CssNormaliser css() {
        if (css == null) {
            css = new CssNormaliser();
        }
        return css;
    }

    private String freeId() {
        String id;
        do {
            id = "schedex-filter-" + ++generated;
        } while (!ids.add(id));
        return id;
    }

    private void collectIds(Element element) {
        if (element.hasAttribute("id")) {
            ids.add(element.getAttribute("id"));
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element inside) {
                collectIds(inside);
            }
        }
    }

    /** @return the number as SVG writes it: at most six decimals, no exponent */
    private static String number(double value) {
        return BigDecimal.valueOf(value)
                .setScale(6, RoundingMode.HALF_EVEN)
                .stripTrailingZeros()
                .toPlainString()
                .replaceAll("^-0$", "0");
    }
}

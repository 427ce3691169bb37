package dev.schedex.renderers.internal.svg;

import dev.schedex.renderers.internal.fonts.WebFonts;
import dev.schedex.renderers.internal.svg.CssTokens.Token;
import dev.schedex.renderers.internal.svg.CssTokens.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Takes every reference to the outside out of a drawing's CSS, judged on the tokens a browser reads
 * ({@link CssTokens}: escapes undone), however the CSS spells them: {@code @import} rules go; a
 * {@code url()}, {@code src()}, {@code image-set()}, {@code image()} or {@code cross-fade()} that
 * names anything but an element of the drawing ({@code #id}) or a {@code data:image/} URL becomes
 * {@code none}; in {@code @font-face}, a source that names the outside is left out of {@code src}
 * (where {@code none} would make the rule invalid), any {@code data:} font may stay, and a face with
 * no source left goes. {@code expression()} (old Internet Explorer's script in CSS) becomes
 * {@code none}. Everything else is kept as written: the output is the input's own text minus what
 * was taken out, so that it tokenises the same way again.
 */
final class CssSanitiser {

    /** Functions whose strings and urls name a resource to load. */
    private static final Set<String> RESOURCE_FUNCTIONS =
            Set.of("url", "src", "image-set", "-webkit-image-set", "image", "cross-fade", "-webkit-cross-fade");
    /** At-rules whose block holds rules, not declarations. */
    private static final Set<String> RULE_BLOCKS = Set.of(
            "media",
            "supports",
            "document",
            "-moz-document",
            "layer",
            "container",
            "scope",
            "starting-style",
            "keyframes",
            "-webkit-keyframes",
            "-moz-keyframes");

    private final String css;
    private final List<Token> tokens;
    /** For each opening bracket token, the index of the token that closes it (or the end). */
    private final int[] closing;

    private final Consumer<String> warnings;
    private StringBuilder out = new StringBuilder();

    private CssSanitiser(String css, Consumer<String> warnings) {
        this.css = CssTokens.preprocess(css);
        this.tokens = CssTokens.tokenise(this.css);
        this.closing = pairBrackets(tokens);
        this.warnings = warnings;
    }

    /**
     * @param css      the text of a {@code <style>} element
     * @param warnings told of each reference taken out
     * @return the stylesheet without them
     */
    static String stylesheet(String css, Consumer<String> warnings) {
        CssSanitiser sanitiser = new CssSanitiser(css, warnings);
        sanitiser.rules(0, sanitiser.tokens.size());
        return sanitiser.out.toString();
    }

    /**
     * @param css      the text of a {@code style} attribute, or a presentation attribute's value
     * @param warnings told of each reference taken out
     * @return the declarations or value without them
     */
    static String declarations(String css, Consumer<String> warnings) {
        CssSanitiser sanitiser = new CssSanitiser(css, warnings);
        sanitiser.declarations(0, sanitiser.tokens.size(), false);
        return sanitiser.out.toString();
    }

    private static int[] pairBrackets(List<Token> tokens) {
        int[] closing = new int[tokens.size()];
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            closing[i] = -1;
            Type type = tokens.get(i).type();
            if (type == Type.OPEN_CURLY
                    || type == Type.OPEN_PAREN
                    || type == Type.OPEN_SQUARE
                    || type == Type.FUNCTION) {
                open.push(i);
            } else if ((type == Type.CLOSE_CURLY || type == Type.CLOSE_PAREN || type == Type.CLOSE_SQUARE)
                    && !open.isEmpty()
                    && closes(tokens.get(open.peek()).type(), type)) {
                closing[open.pop()] = i;
            }
        }
        open.forEach(i -> closing[i] = tokens.size()); // unclosed at the end: CSS closes them there
        return closing;
    }

    private static boolean closes(Type opening, Type type) {
        return switch (opening) {
            case OPEN_CURLY -> type == Type.CLOSE_CURLY;
            case OPEN_SQUARE -> type == Type.CLOSE_SQUARE;
            default -> type == Type.CLOSE_PAREN;
        };
    }

    /** @return the index after the token at {@code i}, skipping a whole bracketed group if it opens one */
    private int after(int i) {
        if (i >= closing.length) {
            return i;
        }
        return closing[i] >= 0 ? closing[i] + 1 : i + 1;
    }

    /** @return the first token from {@code from} at this level of brackets that is one of {@code types}, or {@code to} */
    private int find(int from, int to, Type... types) {
        for (int i = from; i < to; i = after(i)) {
            for (Type type : types) {
                if (tokens.get(i).type() == type) {
                    return i;
                }
            }
        }
        return to;
    }

    private void rules(int from, int to) {
        int i = from;
        while (i < to) {
            Type type = tokens.get(i).type();
            if (type == Type.AT_KEYWORD) {
                i = atRule(i, to);
            } else if (type == Type.WHITESPACE || type == Type.COMMENT || type == Type.CDO || type == Type.CDC) {
                keep(i, i + 1);
                i++;
            } else {
                int block = find(i, to, Type.OPEN_CURLY);
                neutralise(i, Math.min(block + 1, to));
                if (block < to) {
                    declarations(block + 1, Math.min(closing[block], to), false);
                    keep(Math.min(closing[block], to), Math.min(closing[block] + 1, to));
                }
                i = Math.min(after(block), to);
            }
        }
    }

    /** @return the index after the at-rule that starts at {@code start} */
    private int atRule(int start, int to) {
        String name = tokens.get(start).value().toLowerCase(Locale.ROOT);
        int block = find(start, to, Type.OPEN_CURLY, Type.SEMICOLON);
        int end = Math.min(after(block), to);
        if (name.equals("import")) {
            warnings.accept(SvgSanitiser.notLoaded("a stylesheet's @import", importTarget(start, block)));
            return end;
        }
        if (block == to || tokens.get(block).type() == Type.SEMICOLON) {
            if (name.equals("namespace")) {
                keep(start, end); // its url() names a namespace, which is never loaded
            } else {
                neutralise(start, end);
            }
            return end;
        }
        StringBuilder outer = out;
        out = new StringBuilder();
        neutralise(start, block + 1);
        int inner = Math.min(closing[block], to);
        boolean kept;
        if (name.equals("font-face")) {
            kept = declarations(block + 1, inner, true);
        } else {
            if (RULE_BLOCKS.contains(name)) {
                rules(block + 1, inner);
            } else {
                declarations(block + 1, inner, false);
            }
            kept = true;
        }
        keep(inner, Math.min(inner + 1, to));
        if (kept) {
            outer.append(out);
        }
        out = outer;
        return end;
    }

    private String importTarget(int start, int end) {
        for (int i = start + 1; i < end; i++) {
            Token token = tokens.get(i);
            if (token.type() == Type.URL || token.type() == Type.STRING) {
                return token.value();
            }
        }
        return css.substring(
                        tokens.get(start).end(),
                        end < tokens.size() ? tokens.get(end).start() : css.length())
                .strip();
    }

    /**
     * @param fontFace true in {@code @font-face}, whose {@code src} loses its outside sources one by one
     * @return false if this is a font face whose every source was taken out
     */
    private boolean declarations(int from, int to, boolean fontFace) {
        boolean sourceLeft = true;
        int i = from;
        while (i < to) {
            if (tokens.get(i).type() == Type.AT_KEYWORD) {
                i = atRule(i, to);
                continue;
            }
            int end = find(i, to, Type.SEMICOLON, Type.OPEN_CURLY);
            if (end < to && tokens.get(end).type() == Type.OPEN_CURLY) { // a nested rule
                neutralise(i, end + 1);
                declarations(end + 1, Math.min(closing[end], to), false);
                keep(Math.min(closing[end], to), Math.min(closing[end] + 1, to));
                i = Math.min(after(end), to);
                continue;
            }
            if (fontFace && "src".equalsIgnoreCase(property(i, end))) {
                sourceLeft = fontSources(i, end);
            } else {
                neutralise(i, end);
            }
            keep(end, Math.min(end + 1, to));
            i = end + 1;
        }
        return sourceLeft;
    }

    /** @return the property a declaration sets, escapes undone, or empty if it is not a declaration */
    private String property(int from, int to) {
        int i = from;
        while (i < to
                && (tokens.get(i).type() == Type.WHITESPACE || tokens.get(i).type() == Type.COMMENT)) {
            i++;
        }
        return i < to && tokens.get(i).type() == Type.IDENT && find(i, to, Type.COLON) < to
                ? tokens.get(i).value()
                : "";
    }

    /** Keeps the sources of a {@code src} descriptor that name nothing outside; @return false if none is left */
    private boolean fontSources(int from, int to) {
        int colon = find(from, to, Type.COLON);
        List<String> kept = new ArrayList<>();
        int start = colon + 1;
        while (start <= to) {
            int comma = find(start, to, Type.COMMA);
            String outside = outside(start, comma, true);
            if (outside == null) {
                kept.add(text(start, comma));
            } else {
                warnings.accept(SvgSanitiser.notLoaded("a font", outside));
            }
            start = comma + 1;
        }
        if (!kept.isEmpty()) {
            keep(from, colon + 1);
            out.append(String.join(",", kept));
        }
        return !kept.isEmpty();
    }

    /** Copies tokens, with every reference to the outside (and {@code expression()}) replaced by {@code none}. */
    private void neutralise(int from, int to) {
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            String name = token.value().toLowerCase(Locale.ROOT);
            if (token.type() == Type.BAD_URL || token.type() == Type.URL && !allowed(token.value(), false)) {
                warnings.accept(SvgSanitiser.notLoaded("a style", token.value()));
                out.append("none");
            } else if (token.type() == Type.FUNCTION && name.equals("expression")) {
                out.append("none");
                i = Math.min(closing[i], to - 1);
            } else if (token.type() == Type.FUNCTION && RESOURCE_FUNCTIONS.contains(name)) {
                String outside = outside(i, Math.min(closing[i] + 1, to), false);
                if (outside == null) {
                    keep(i, Math.min(closing[i] + 1, to));
                } else {
                    warnings.accept(SvgSanitiser.notLoaded("a style", outside));
                    out.append("none");
                }
                i = Math.min(closing[i], to - 1);
            } else {
                keep(i, i + 1);
            }
        }
    }

    /**
     * @return the first resource the tokens name that is not allowed, or null: a url token, or a
     *         string inside a resource function ({@code url("...")}, {@code image-set("...")})
     */
    private @Nullable String outside(int from, int to, boolean font) {
        int inResource = 0;
        List<Integer> ends = new ArrayList<>();
        for (int i = from; i < to; i++) {
            while (!ends.isEmpty() && ends.get(ends.size() - 1) < i) {
                ends.remove(ends.size() - 1);
                inResource--;
            }
            Token token = tokens.get(i);
            if (token.type() == Type.FUNCTION
                    && RESOURCE_FUNCTIONS.contains(token.value().toLowerCase(Locale.ROOT))) {
                inResource++;
                ends.add(closing[i]);
            } else if (token.type() == Type.BAD_URL
                    || (token.type() == Type.URL || token.type() == Type.STRING && inResource > 0)
                            && !allowed(token.value(), font)) {
                return token.value().isBlank() ? text(i, i + 1) : token.value();
            }
        }
        return null;
    }

    /**
     * An element of the drawing, a {@code data:image/} URL, and in a font's source any {@code data:}
     * URL (fonts come as font/, application/ and other types; {@link WebFonts} reads them by content).
     */
    private static boolean allowed(String target, boolean font) {
        String url = target.strip().toLowerCase(Locale.ROOT);
        return url.startsWith("#") || url.startsWith("data:image/") || font && url.startsWith("data:");
    }

    private void keep(int from, int to) {
        out.append(text(from, to));
    }

    private String text(int from, int to) {
        if (from >= to) {
            return "";
        }
        return css.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    }
}

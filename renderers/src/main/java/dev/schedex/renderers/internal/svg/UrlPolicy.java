package dev.schedex.renderers.internal.svg;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which link and image URLs an exported page may keep: http, https and mailto, relative URLs and
 * fragments. The scheme is judged after undoing what a browser or an attacker could use to hide it:
 * character references ({@code &#106;avascript:}), percent-encoding ({@code javascript%3A}), case,
 * and the whitespace and control characters browsers drop from URLs ({@code java\tscript:}).
 */
public final class UrlPolicy {

    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");
    private static final Pattern NUMERIC_REFERENCE = Pattern.compile("&#(x?)([0-9a-fA-F]+);?");
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.\\-]*):");

    private UrlPolicy() {}

    /**
     * @param url a URL as written in a document
     * @return true if a page may link to it
     */
    public static boolean isSafe(String url) {
        String plain = url;
        for (int i = 0; i < 3; i++) {
            String decoded = decodeReferences(percentDecode(plain));
            if (decoded.equals(plain)) {
                break;
            }
            plain = decoded;
        }
        plain = plain.replaceAll("[\\s\\p{Cntrl}]", "")
                .toLowerCase(Locale.ROOT)
                .replace("&colon;", ":")
                .replace("&tab;", "")
                .replace("&newline;", "");
        Matcher scheme = SCHEME.matcher(plain);
        if (scheme.find()) {
            return SAFE_SCHEMES.contains(scheme.group(1));
        }
        // no scheme: relative or a fragment, unless a colon before any path, query or fragment makes it one
        int colon = plain.indexOf(':');
        int boundary = firstOf(plain, '/', '?', '#');
        return colon < 0 || (boundary >= 0 && boundary < colon);
    }

    private static int firstOf(String text, char... characters) {
        int first = -1;
        for (char c : characters) {
            int at = text.indexOf(c);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    private static String percentDecode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    private static String decodeReferences(String text) {
        Matcher m = NUMERIC_REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int code;
            try {
                code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            } catch (NumberFormatException notANumber) {
                code = -1;
            }
            m.appendReplacement(
                    out,
                    code >= 0 && Character.isValidCodePoint(code)
                            ? Matcher.quoteReplacement(new String(Character.toChars(code)))
                            : "");
        }
        m.appendTail(out);
        return out.toString();
    }
}

package dev.schedex.renderers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks that exported markup stays inert when a browser reads it as HTML: a page as it is, an SVG
 * as a host puts it inline in its own page. The markup is parsed by an HTML5 parser (jsoup), not by
 * the XML parser the sanitiser used, and then must have no script element, no event handler, and no
 * {@code javascript:}, {@code vbscript:} or {@code data:} URL but a {@code data:image/} one on an image.
 * CDATA sections and comments are refused outright: an HTML parser reads them otherwise than XML
 * does outside SVG, and jsoup does not model every case.
 */
final class InertHtml {

    private static final Set<String> URL_ATTRIBUTES = Set.of(
            "href",
            "xlink:href",
            "src",
            "action",
            "formaction",
            "background",
            "poster",
            "srcset",
            "data",
            "to",
            "from",
            "values",
            "by");
    private static final Pattern CSS_ESCAPE = Pattern.compile("\\\\(?:([0-9a-fA-F]{1,6})\\s?|(.))", Pattern.DOTALL);

    private InertHtml() {}

    /**
     * @param markup  the output of the svg or html format
     * @param outside addresses that must not appear in any CSS once its escapes are undone
     */
    static void check(String markup, String... outside) {
        String lower = markup.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<![cdata["), "no CDATA section (HTML reads it as a comment ending at '>')");
        assertFalse(lower.contains("<!--"), "no comment (HTML ends comments where XML does not)");
        Document html = lower.contains("<html") ? Jsoup.parse(markup) : Jsoup.parseBodyFragment(markup);
        assertTrue(html.select("script").isEmpty(), "no script element when read as HTML");
        for (Element element : html.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertFalse(
                        name.startsWith("on"),
                        "no event handler when read as HTML: <" + element.tagName() + " " + name + ">");
                String url =
                        attribute.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
                if (URL_ATTRIBUTES.contains(name) || name.endsWith(":href")) {
                    assertFalse(
                            url.startsWith("javascript:") || url.startsWith("vbscript:"),
                            "no script URL: <" + element.tagName() + " " + name + "=" + url + ">");
                    boolean image = Set.of("img", "image")
                            .contains(element.tagName().toLowerCase(Locale.ROOT).replaceFirst("^svg:", ""));
                    assertFalse(
                            url.startsWith("data:") && !(image && url.startsWith("data:image/")),
                            "a data: URL only as an image's source: <" + element.tagName() + " " + name + ">");
                }
                if (name.equals("style")) {
                    checkCss(attribute.getValue(), outside);
                }
            }
            if (element.tagName().toLowerCase(Locale.ROOT).endsWith("style")) {
                checkCss(element.data() + element.wholeText(), outside);
            }
        }
    }

    /** Undoes CSS escapes (the test's own, simple reading) and looks for what loads. */
    private static void checkCss(String css, String... outside) {
        Matcher m = CSS_ESCAPE.matcher(css.replaceAll("(?s)/\\*.*?\\*/", ""));
        StringBuilder plain = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(1) != null
                    ? new String(Character.toChars(Math.min(0x10FFFF, Integer.parseInt(m.group(1), 16))))
                    : m.group(2);
            m.appendReplacement(plain, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(plain);
        String text = plain.toString().toLowerCase(Locale.ROOT);
        if (text.contains("@import")) {
            fail("an @import is left in the CSS: " + css);
        }
        for (String address : outside) {
            if (text.contains(address.toLowerCase(Locale.ROOT))) {
                fail("the CSS names " + address + ": " + css);
            }
        }
    }
}

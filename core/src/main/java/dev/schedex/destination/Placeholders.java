package dev.schedex.destination;

import dev.schedex.spi.Delivery;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of every template an owner gives a destination (a file name, a mail's subject),
 * so that {@code {date}} means the same everywhere: {@code {owner}}, {@code {document}}, {@code
 * {schedule}} (the schedule's id), {@code {name}} (the schedule's name), {@code {title}} (the
 * document's title), {@code {date}} ({@code yyyy-MM-dd}) and {@code {time}} ({@code HH-mm-ss}) of the
 * occurrence in the schedule's zone, {@code {occurrence}} (UTC, {@code 20240131T020000Z}) and {@code
 * {ext}}. {@link PathTemplate} makes the values safe as file names; other templates escape them as
 * their medium needs.
 */
public final class Placeholders {

    /** Each placeholder with the longest value it expands to in a file name. */
    private static final Map<String, Integer> LONGEST = Map.of(
            "owner", 120,
            "document", 120,
            "schedule", 36,
            "name", 120,
            "title", 120,
            "date", 10,
            "time", 8,
            "occurrence", 16,
            "ext", 16);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH-mm-ss", Locale.ROOT);
    private static final DateTimeFormatter OCCURRENCE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

    private Placeholders() {}

    /** @return the placeholders' names, without braces */
    public static Set<String> names() {
        return LONGEST.keySet();
    }

    /**
     * @param template a template
     * @return the first placeholder in it that is not one of {@link #names()}, without braces
     */
    public static Optional<String> unknown(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!LONGEST.containsKey(m.group(1))) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** @return the known placeholders, in braces, for a message: "{date}, {document}, ..." */
    public static String known() {
        return String.join(
                ", ", LONGEST.keySet().stream().sorted().map(p -> "{" + p + "}").toList());
    }

    /**
     * @param delivery an export
     * @return each placeholder's value for it, as it is (not escaped)
     */
    public static Map<String, String> values(Delivery delivery) {
        ZonedDateTime local =
                delivery.context().occurrence().atZone(delivery.context().zone());
        return Map.of(
                "owner", delivery.context().ownerId(),
                "document", delivery.documentId(),
                "schedule", delivery.context().scheduleId().toString(),
                "name", delivery.context().scheduleName(),
                "title", delivery.documentTitle(),
                "date", DATE.format(local),
                "time", TIME.format(local),
                "occurrence", OCCURRENCE.format(delivery.context().occurrence().atZone(ZoneOffset.UTC)),
                "ext", delivery.fileExtension());
    }

    /**
     * @param template a template without {@link #unknown(String) unknown} placeholders
     * @param delivery the export
     * @param escape   makes a placeholder's value (second argument) safe where it goes, given its name
     *                 (first argument)
     * @return the template with each placeholder replaced by its escaped value
     */
    public static String expand(String template, Delivery delivery, BinaryOperator<String> escape) {
        Map<String, String> values = values(delivery);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = Objects.requireNonNull(values.get(name), () -> "unknown placeholder {" + name + "}");
            m.appendReplacement(out, Matcher.quoteReplacement(escape.apply(name, value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * @param template a template without unknown placeholders
     * @return its literal text, with the placeholders taken out, and the sum of their longest values
     *     in a file name
     */
    static Literal literal(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder literal = new StringBuilder();
        int longest = 0;
        while (m.find()) {
            m.appendReplacement(literal, "");
            longest += longest(m.group(1));
        }
        m.appendTail(literal);
        return new Literal(literal.toString(), longest);
    }

    /** @param name a known placeholder @return the longest value it expands to in a file name */
    static int longest(String name) {
        return Objects.requireNonNull(LONGEST.get(name), name);
    }

    /** A template's literal text and its placeholders' longest expansion. */
    record Literal(String text, int placeholderBytes) {}
}

package dev.schedex.destination.http.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** What an HTTP answer means for a delivery: its class, its wait, and its first words for a message. */
public final class Answers {

    /** The longest wait a server's {@code Retry-After} is taken at. */
    public static final Duration LONGEST_WAIT = Duration.ofHours(6);

    /** How many characters of an answer's body a message quotes. */
    public static final int QUOTED = 200;

    private Answers() {}

    /** What a status means. */
    public enum Outcome {
        /** 2xx: delivered. */
        DONE,
        /** 3xx: a redirect, never followed; permanent. */
        REDIRECT,
        /** 408, 425, 429, 5xx: may pass. */
        TEMPORARY,
        /** Any other status: the same request would meet it again. */
        PERMANENT
    }

    /** @param status an HTTP status @return what it means */
    public static Outcome classify(int status) {
        if (status >= 200 && status < 300) {
            return Outcome.DONE;
        }
        if (status >= 300 && status < 400) {
            return Outcome.REDIRECT;
        }
        if (status == 408 || status == 425 || status == 429 || (status >= 500 && status < 600)) {
            return Outcome.TEMPORARY;
        }
        return Outcome.PERMANENT;
    }

    /**
     * Reads a {@code Retry-After} header: a number of seconds or an HTTP date.
     *
     * @param header the header's value, if any
     * @param clock  now
     * @return the wait, zero if absent, unreadable or past, at most {@link #LONGEST_WAIT}
     */
    public static Duration retryAfter(Optional<String> header, Clock clock) {
        if (header.isEmpty()) {
            return Duration.ZERO;
        }
        String value = header.get().strip();
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                wait = Duration.between(clock.instant(), at.toInstant());
            } catch (DateTimeParseException notDate) {
                return Duration.ZERO;
            }
        } catch (ArithmeticException tooLong) {
            return LONGEST_WAIT;
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /**
     * @param body the first bytes of an answer
     * @return them as text for a message: at most {@link #QUOTED} characters, control characters
     *     (line breaks, escapes) replaced by spaces, runs of spaces collapsed
     */
    public static String quote(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < text.length() && out.length() < QUOTED; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean blank = Character.isISOControl(cp)
                    || Character.isWhitespace(cp)
                    || Character.getType(cp) == Character.FORMAT
                    || cp == 0xFFFD;
            if (blank) {
                if (!space && out.length() > 0) {
                    out.append(' ');
                }
                space = true;
            } else {
                out.appendCodePoint(cp);
                space = false;
            }
        }
        return out.toString().strip();
    }
}

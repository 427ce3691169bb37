package dev.schedex;

import java.util.Objects;

/**
 * One reason why a request or a value was rejected.
 *
 * @param field   the field the problem is in, as the caller named it ({@code "cron"}, {@code "schedule.time"})
 * @param code    a stable, machine-readable reason ({@code "out_of_range"}); safe to switch on and to translate
 * @param message a sentence for a person, naming the offending part of the input
 */
public record Violation(String field, String code, String message) {

    /** Checks that no component is null or blank. */
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (code.isBlank() || message.isBlank()) {
            throw new IllegalArgumentException("code and message must not be blank");
        }
    }

    /**
     * Returns this violation with its field placed under a parent, so that a schedule's own
     * {@code "time"} reads as {@code "schedule.time"} in a request that holds a schedule.
     *
     * @param parent the enclosing field's name
     * @return the same violation, its field prefixed with {@code parent + "."}
     */
    public Violation under(String parent) {
        return new Violation(field.isEmpty() ? parent : parent + "." + field, code, message);
    }

    @Override
    public String toString() {
        return field + ": " + message + " [" + code + "]";
    }
}

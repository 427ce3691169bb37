package dev.schedex;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when input is invalid. It carries every problem found, not only the first, so that a
 * host can show all of them next to the fields they belong to. Nothing is stored when it is thrown.
 */
public final class ValidationException extends SchedexException {

    private static final long serialVersionUID = 1L;

    private final List<Violation> violations;

    /**
     * Creates an exception holding the given violations.
     *
     * @param violations at least one violation
     * @throws IllegalArgumentException if {@code violations} is empty
     */
    public ValidationException(List<Violation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    /**
     * Creates an exception for a single problem.
     *
     * @param field   the field the problem is in
     * @param code    the stable reason code
     * @param message the sentence for a person
     * @return the exception, to be thrown by the caller
     */
    public static ValidationException of(String field, String code, String message) {
        return new ValidationException(List.of(new Violation(field, code, message)));
    }

    /** @return every violation, in the order they were found; never empty */
    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one violation");
        }
        return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}

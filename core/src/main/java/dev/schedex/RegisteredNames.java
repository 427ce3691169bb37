package dev.schedex;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The rule for the names a host registers destinations and business calendars under, stated once: 1
 * to 50 letters, digits, {@code .}, {@code -} or {@code _}, starting with a letter or digit, such as
 * {@code reports-s3} or {@code de-holidays}. Schedules store these names (in at most 50 characters)
 * and give them in their text form, so the service's builder checks them, and so does each
 * destination's builder, to fail where the host configures it.
 */
public final class RegisteredNames {

    /** The rule as a regular expression, to compose into others. */
    public static final String REGEX = "[A-Za-z0-9][A-Za-z0-9._-]{0,49}";

    private static final Pattern NAME = Pattern.compile(REGEX);

    private RegisteredNames() {}

    /**
     * @param what what the name is of, for the message: {@code destination}, {@code calendar}
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException if it breaks the rule
     */
    public static String check(String what, String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a " + what + "'s name must be 1 to 50 letters, digits, '.', '-' or "
                    + "'_', starting with a letter or digit; was '" + name + "'");
        }
        return name;
    }
}

package dev.schedex.destination;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The rule for a destination's name, stated once: 1 to 50 letters, digits, {@code .}, {@code -} or
 * {@code _}, starting with a letter or digit. Schedules store the name (in at most 50 characters), so
 * the service's builder checks it, and so does each destination's builder, to fail where the host
 * configures it.
 */
public final class DestinationNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,49}");

    private DestinationNames() {}

    /**
     * @param name a destination's name
     * @return the name
     * @throws IllegalArgumentException if it breaks the rule
     */
    public static String check(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a destination's name must be 1 to 50 letters, digits, '.', '-' or '_', "
                    + "starting with a letter or digit; was '" + name + "'");
        }
        return name;
    }
}

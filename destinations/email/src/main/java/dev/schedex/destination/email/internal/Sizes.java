package dev.schedex.destination.email.internal;

import java.util.Locale;

/** Byte counts for people. */
public final class Sizes {

    private Sizes() {}

    /** @param bytes a size @return it in B, KiB or MiB, such as "12.5 MiB" */
    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}

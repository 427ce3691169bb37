package dev.schedex.spi;

import java.util.Objects;

/**
 * Where a delivery went.
 *
 * @param location a description of the place a person can follow: a path relative to the
 *                 destination's root, a URL, an object key
 */
public record Delivered(String location) {

    /** Checks that the location is present. */
    public Delivered {
        Objects.requireNonNull(location, "location");
    }
}

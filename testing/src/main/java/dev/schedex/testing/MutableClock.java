package dev.schedex.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock a test moves by hand; safe to read from many threads. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    /** @param start the instant it shows until moved */
    public MutableClock(Instant start) {
        this.now = start;
    }

    /** @param instant the instant it shows from now on */
    public void set(Instant instant) {
        now = instant;
    }

    /** @param duration how far to move it forward */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("tests use UTC");
    }
}

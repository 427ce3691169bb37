package dev.schedex.destination.drive.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.spi.ExportException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a Retry-After is read, and how failures without an HTTP answer are classified. */
class DriveFailuresTest {

    private static final Instant NOW = Instant.parse("2026-03-29T01:30:00Z");

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertEquals(Duration.ofSeconds(7), DriveFailures.retryAfter("7", NOW));
        assertEquals(Duration.ofSeconds(90), DriveFailures.retryAfter("Sun, 29 Mar 2026 01:31:30 GMT", NOW));
    }

    @Test
    void aRetryAfterThatIsMissingPastOrUnreadableMeansThePolicysOwnBackoff() {
        assertEquals(Duration.ZERO, DriveFailures.retryAfter(null, NOW));
        assertEquals(Duration.ZERO, DriveFailures.retryAfter("soon", NOW));
        assertEquals(Duration.ZERO, DriveFailures.retryAfter("Sun, 29 Mar 2026 01:00:00 GMT", NOW));
        assertEquals(Duration.ZERO, DriveFailures.retryAfter("-5", NOW));
    }

    @Test
    void aRetryAfterBeyondADayIsADay() {
        assertEquals(Duration.ofDays(1), DriveFailures.retryAfter("9999999", NOW));
    }

    @Test
    void timeoutsAndUnreachableServersAreTemporary() {
        ExportException timeout =
                DriveFailures.classify("d", "p", "uploading", new SocketTimeoutException("Read timed out"), NOW);
        assertTrue(timeout.isTemporary());
        assertTrue(timeout.getMessage().contains("in time"), timeout::getMessage);
        ExportException refused = DriveFailures.classify("d", "p", "uploading", new ConnectException("refused"), NOW);
        assertTrue(refused.isTemporary());
        assertEquals(Optional.of(Duration.ZERO), refused.retryAfter());
    }

    @Test
    void anIoFailureIsNamedByItsKindNotItsMessage() {
        ExportException e =
                DriveFailures.classify("d", "p", "uploading", new IOException("https://x/?access_token=secret"), NOW);
        assertFalse(e.getMessage().contains("secret"), e::getMessage);
    }
}

package dev.schedex.testing;

import dev.schedex.spi.Delivery;
import dev.schedex.spi.ExportContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/** Deliveries for a destination's tests, as the service would make them: a PNG of document {@code doc-1}. */
public final class Deliveries {

    /** The schedule every delivery here belongs to unless another is given. */
    public static final UUID SCHEDULE = UUID.fromString("00000000-0000-0000-0000-00000000abcd");

    /** The zone of the schedules here. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private Deliveries() {}

    /**
     * @param parameters the owner's parameters
     * @param occurrence the occurrence
     * @param content    the body
     * @return a delivery of a PNG for schedule {@link #SCHEDULE}
     */
    public static Delivery png(Map<String, String> parameters, Instant occurrence, byte[] content) {
        return of(parameters, SCHEDULE, occurrence, "png", "image/png", content);
    }

    /**
     * @param parameters    the owner's parameters
     * @param scheduleId    the schedule
     * @param occurrence    the occurrence
     * @param fileExtension the format's extension
     * @param mediaType     the format's media type
     * @param content       the body
     * @return the delivery, with its checksum
     */
    public static Delivery of(
            Map<String, String> parameters,
            UUID scheduleId,
            Instant occurrence,
            String fileExtension,
            String mediaType,
            byte[] content) {
        return new Delivery(
                parameters,
                new ExportContext(scheduleId, "Nightly export", "alice@example.com", occurrence, ZONE),
                "doc-1",
                "A title",
                fileExtension,
                mediaType,
                sha256(content),
                content);
    }

    /** @param content bytes @return their SHA-256, lower-case hex */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

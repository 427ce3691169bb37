package dev.schedex.testing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.Violation;
import dev.schedex.spi.Delivered;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.ExportDestination;
import dev.schedex.spi.ExportException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The behaviour every storage destination (a folder, a bucket, a drive, a server) must have: the
 * owner's parameters are {@link dev.schedex.destination.StorageParameters}, a re-delivery of an
 * occurrence replaces its file, keep-last-N removes only the schedule's oldest files, and no template
 * leaves the configured root. A destination's test extends this class, gives a destination that
 * writes to a fresh, empty root for each test, and says what is stored there.
 */
public abstract class StorageDestinationContract {

    /** An occurrence on the day Berlin moves to summer time: 03:30 local. */
    protected static final Instant T0 = Instant.parse("2026-03-29T01:30:00Z");

    private @Nullable ExportDestination destination;

    /**
     * @return a destination, as a host would configure it, whose root is new and empty; called once per test
     * @throws Exception if it cannot be made
     */
    protected abstract ExportDestination newDestination() throws Exception;

    /**
     * @return every export stored below the destination's root now, by the location its delivery
     *     returned, without the destination's own records (the {@code .schedex} folder)
     * @throws Exception if they cannot be listed
     */
    protected abstract Map<String, byte[]> exports() throws Exception;

    /** @return the secrets the destination was configured with, which no message may show */
    protected Set<String> secrets() {
        return Set.of();
    }

    /** @return the size of an export large enough for the destination's multipart or session upload */
    protected int largeExportBytes() {
        return 6 * 1024 * 1024 + 123;
    }

    /** @return the destination under test, made on first use in each test */
    protected final ExportDestination destination() throws Exception {
        if (destination == null) {
            destination = newDestination();
        }
        return destination;
    }

    private Delivered deliver(Map<String, String> parameters, Instant occurrence, String content) throws Exception {
        return destination().deliver(Deliveries.png(parameters, occurrence, bytes(content)));
    }

    private static byte[] bytes(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    public void aDeliveryStoresTheBytesUnderTheExpandedTemplateInTheSchedulesZone() throws Exception {
        Delivered delivered = deliver(Map.of("path", "reports/{document}/{date}_{time}.{ext}"), T0, "first");
        Map<String, byte[]> stored = exports();
        assertEquals(Set.of(delivered.location()), stored.keySet());
        assertTrue(
                delivered.location().endsWith("reports/doc-1/2026-03-29_03-30-00.png"),
                () -> "location " + delivered.location());
        assertArrayEquals(bytes("first"), stored.get(delivered.location()));
    }

    @Test
    public void withoutATemplateExportsAreGroupedByDocument() throws Exception {
        Delivered delivered = deliver(Map.of(), T0, "x");
        assertTrue(
                delivered.location().endsWith("doc-1/2026-03-29_03-30-00.png"),
                () -> "location " + delivered.location());
    }

    @Test
    public void aSecondDeliveryOfTheSameOccurrenceReplacesTheFirst() throws Exception {
        Delivered first = deliver(Map.of(), T0, "first attempt");
        Delivered again = deliver(Map.of(), T0, "taken over");
        assertEquals(first.location(), again.location());
        Map<String, byte[]> stored = exports();
        assertEquals(1, stored.size(), () -> "stored " + stored.keySet());
        assertArrayEquals(bytes("taken over"), stored.get(again.location()));
    }

    @Test
    public void eachOccurrenceGetsItsOwnFile() throws Exception {
        deliver(Map.of(), T0, "a");
        deliver(Map.of(), T0.plus(Duration.ofDays(1)), "b");
        assertEquals(2, exports().size());
    }

    @Test
    public void keepLastNRemovesTheSchedulesOldestFiles() throws Exception {
        List<String> locations = new ArrayList<>();
        for (int day = 0; day < 4; day++) {
            locations.add(deliver(Map.of("keep", "2"), T0.plus(Duration.ofDays(day)), "day " + day)
                    .location());
        }
        assertEquals(Set.of(locations.get(2), locations.get(3)), exports().keySet());
    }

    @Test
    public void keepLastNLeavesOtherSchedulesFilesAlone() throws Exception {
        Delivery other = Deliveries.of(
                Map.of(), UUID.randomUUID(), T0.minus(Duration.ofDays(9)), "png", "image/png", bytes("other"));
        String others = destination().deliver(other).location();
        String last = "";
        for (int day = 0; day < 3; day++) {
            last = deliver(Map.of("keep", "1"), T0.plus(Duration.ofDays(day)), "day " + day)
                    .location();
        }
        assertEquals(Set.of(others, last), exports().keySet());
    }

    @Test
    public void anEmptyExportIsDelivered() throws Exception {
        Delivered delivered = deliver(Map.of(), T0, "");
        assertArrayEquals(new byte[0], exports().get(delivered.location()));
    }

    @Test
    public void aLargeExportArrivesWhole() throws Exception {
        byte[] large = new byte[largeExportBytes()];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31 + (i >>> 11));
        }
        Delivered delivered = destination().deliver(Deliveries.png(Map.of(), T0, large));
        byte[] stored = exports().getOrDefault(delivered.location(), new byte[0]);
        assertEquals(large.length, stored.length);
        assertEquals(Deliveries.sha256(large), Deliveries.sha256(stored));
    }

    @Test
    public void templatesThatLeaveTheRootOrHideFilesAreRefused() throws Exception {
        ExportDestination d = destination();
        List<Executable> checks = new ArrayList<>();
        for (String template : List.of(
                "../{document}.{ext}",
                "a/../../{document}.{ext}",
                "/etc/{document}.{ext}",
                "C:/x/{document}.{ext}",
                "a\\..\\{ext}",
                "a//{document}.{ext}",
                "./{document}.{ext}",
                ".schedex/{document}.{ext}",
                "{document}/..",
                "x".repeat(300) + ".{ext}",
                "a/".repeat(600) + "{ext}",
                "{nope}.{ext}",
                " ")) {
            checks.add(() -> assertEquals(
                    List.of("path"),
                    d.validate(Map.of("path", template)).stream()
                            .map(Violation::field)
                            .toList(),
                    () -> "template " + template));
        }
        assertAll(checks);
    }

    @Test
    public void anOwnerCannotChooseWhatTheHostConfigures() throws Exception {
        List<Violation> violations =
                destination().validate(Map.of("bucket", "other", "endpoint", "http://169.254.169.254/", "keep", "0"));
        assertEquals(
                Set.of("bucket", "endpoint", "keep"),
                violations.stream().map(Violation::field).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    public void aDeliveryWithParametersThatLeaveTheRootIsRefusedAndStoresNothing() throws Exception {
        ExportException refused =
                assertThrows(ExportException.class, () -> deliver(Map.of("path", "../x.{ext}"), T0, "x"));
        assertFalse(refused.isTemporary(), "a refused template is permanent");
        assertTrue(exports().isEmpty());
    }

    @Test
    public void itsNameIsOneTheServiceAccepts() throws Exception {
        String name = destination().name();
        assertTrue(Pattern.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,49}", name), () -> "name " + name);
    }

    @Test
    public void noSecretAppearsInItsDescriptionOrItsViolations() throws Exception {
        ExportDestination d = destination();
        List<Supplier<String>> texts = List.of(
                d::toString,
                () -> d.validate(Map.of("path", "../{ext}", "token", "x")).toString());
        for (Supplier<String> text : texts) {
            for (String secret : secrets()) {
                assertFalse(text.get().contains(secret), () -> "a secret shows in: " + text.get());
            }
        }
    }
}

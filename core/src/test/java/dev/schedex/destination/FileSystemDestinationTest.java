package dev.schedex.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.Violation;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDestination;
import dev.schedex.spi.ExportException;
import dev.schedex.testing.Deliveries;
import dev.schedex.testing.StorageDestinationContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The file system destination: the storage contract, and what only a local file system has (links, permissions). */
class FileSystemDestinationTest extends StorageDestinationContract {

    @TempDir
    Path temp;

    private Path root;
    private FileSystemDestination destination;
    private final UUID scheduleId = UUID.fromString("00000000-0000-0000-0000-00000000abcd");

    @BeforeEach
    void setUp() throws IOException {
        root = temp.resolve("exports");
        destination = new FileSystemDestination(root);
    }

    @Override
    protected ExportDestination newDestination() {
        return destination;
    }

    @Override
    protected Map<String, byte[]> exports() throws IOException {
        Map<String, byte[]> exports = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = root.relativize(file).toString();
                if (!relative.startsWith(Retention.RECORDS_FOLDER + "/")) {
                    exports.put(relative, Files.readAllBytes(file));
                }
            }
        }
        return exports;
    }

    private Delivery delivery(Map<String, String> parameters, Instant occurrence, String documentId, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new Delivery(
                parameters,
                new ExportContext(
                        scheduleId, "Nightly: PNG/export", "alice@example.com", occurrence, ZoneId.of("Europe/Berlin")),
                documentId,
                "A title",
                "png",
                "image/png",
                Deliveries.sha256(bytes),
                bytes);
    }

    @Test
    void expandsTheTemplateInTheSchedulesZone() throws IOException {
        String location = destination
                .deliver(delivery(
                        Map.of("path", "{owner}/{document}/{name}-{date}_{time}-{occurrence}-{schedule}.{ext}"),
                        Instant.parse("2024-03-31T01:30:00Z"),
                        "doc-1",
                        "png bytes"))
                .location();
        assertEquals(
                "alice_example.com/doc-1/Nightly_PNG_export-2024-03-31_03-30-00-20240331T013000Z-" + scheduleId
                        + ".png",
                location);
        assertEquals("png bytes", Files.readString(root.resolve(location)));
    }

    @Test
    void anExportGetsTheUsualPermissionsOfANewFileNotOwnerOnly() throws IOException {
        Assumptions.assumeTrue(
                root.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX only");
        String location = destination
                .deliver(delivery(Map.of(), Instant.parse("2024-01-05T02:00:00Z"), "doc-1", "x"))
                .location();
        Path plain = Files.createFile(root.resolve("made-by-the-host"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(root.resolve(location)));
    }

    @Test
    void valuesCannotClimbOutOfTheRoot() throws IOException {
        String location = destination
                .deliver(delivery(
                        Map.of("path", "{document}.{ext}"),
                        Instant.parse("2024-01-05T02:00:00Z"),
                        "../../etc/passwd",
                        "x"))
                .location();
        assertEquals("_._.._etc_passwd.png", location);
        assertTrue(Files.exists(root.resolve(location)));
        try (Stream<Path> outside = Files.list(temp)) {
            assertEquals(List.of(root), outside.toList(), "nothing was written beside the root");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../{document}.{ext}",
                "/tmp/{document}.{ext}",
                "a/../../{document}.{ext}",
                "a//{document}.{ext}",
                "./{document}.{ext}",
                "C:/x/{document}.{ext}",
                "a\\..\\{document}.{ext}"
            })
    void templatesThatLeaveTheRootAreRejected(String template) {
        List<Violation> violations = destination.validate(Map.of("path", template));
        assertEquals(
                List.of("path:outside_root"),
                violations.stream().map(v -> v.field() + ":" + v.code()).toList());
        assertThrows(
                ExportException.class,
                () -> destination.deliver(
                        delivery(Map.of("path", template), Instant.parse("2024-01-05T02:00:00Z"), "doc-1", "x")));
    }

    @Test
    void otherParameterProblemsAreNamed() {
        assertEquals(
                java.util.Set.of("color:unknown_parameter", "path:unknown_placeholder", "keep:out_of_range"),
                destination.validate(Map.of("color", "red", "path", "{docment}.{ext}", "keep", "0")).stream()
                        .map(v -> v.field() + ":" + v.code())
                        .collect(java.util.stream.Collectors.toSet()));
        assertEquals(
                List.of("path:hidden_file"),
                destination.validate(Map.of("path", ".hidden/{document}.{ext}")).stream()
                        .map(v -> v.field() + ":" + v.code())
                        .toList());
        assertEquals(
                List.of("keep:invalid_number"),
                destination.validate(Map.of("keep", "many")).stream()
                        .map(v -> v.field() + ":" + v.code())
                        .toList());
    }

    @Test
    void aSymbolicLinkOutOfTheRootIsNotFollowed() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.createSymbolicLink(root.resolve("escape"), outside);
        ExportException e = assertThrows(
                ExportException.class,
                () -> destination.deliver(delivery(
                        Map.of("path", "escape/{document}.{ext}"),
                        Instant.parse("2024-01-05T02:00:00Z"),
                        "doc-1",
                        "x")));
        assertTrue(e.getMessage().contains("leads out of the destination's root"), e.getMessage());
        try (Stream<Path> files = Files.list(outside)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void aSymbolicLinkInPlaceOfTheFileIsNotOverwritten() throws IOException {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "keep me");
        Files.createSymbolicLink(root.resolve("doc-1.png"), secret);
        assertThrows(
                ExportException.class,
                () -> destination.deliver(delivery(
                        Map.of("path", "{document}.{ext}"), Instant.parse("2024-01-05T02:00:00Z"), "doc-1", "x")));
        assertEquals("keep me", Files.readString(secret));
    }

    @Test
    void writingAgainLeavesNoTemporaryFiles() throws IOException {
        Map<String, String> parameters = Map.of("path", "{document}.{ext}");
        Instant at = Instant.parse("2024-01-05T02:00:00Z");
        destination.deliver(delivery(parameters, at, "doc-1", "first"));
        destination.deliver(delivery(parameters, at, "doc-1", "second"));
        assertEquals("second", Files.readString(root.resolve("doc-1.png")));
        try (Stream<Path> files = Files.walk(root)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }
}

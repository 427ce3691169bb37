package dev.schedex.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.schedex.ExportScheduleService;
import dev.schedex.TickReport;
import dev.schedex.destination.FileSystemDestination;
import dev.schedex.spi.ExportDocument;
import dev.schedex.testing.FixedFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A host in its own JVM, for {@link KilledHostTest}: ticks once at a given instant against a database
 * and exits. Arguments: JDBC URL, user, schema, export root, host name, render time in milliseconds,
 * tick instant.
 */
public final class HostProcess {

    /** The content every export has, so that a test can tell a whole file from a partial one. */
    static final String CONTENT = "a complete export\n".repeat(1000);

    private HostProcess() {}

    /** A format that takes its time, as a big drawing does. */
    static FixedFormat slow(long renderMillis) {
        return new FixedFormat("slow", CONTENT.getBytes(StandardCharsets.UTF_8), Duration.ofMillis(renderMillis));
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String schema = args[2];
        Path root = Path.of(args[3]);
        String host = args[4];
        long renderMillis = Long.parseLong(args[5]);
        Instant now = Instant.parse(args[6]);
        try (HikariDataSource pool = TestDatabase.pool(url, user, "", 2)) {
            ExportDocument document = ExportDocument.of("doc", "Doc", "v1", now).withNotes("notes");
            ExportScheduleService service = ExportScheduleService.builder()
                    .store(JdbiScheduleStore.builder(pool)
                            .schema(schema)
                            .useDatabaseClock(false)
                            .build())
                    .documentSource((owner, id) -> Optional.of(document))
                    .discoverFormats(false)
                    .format(slow(renderMillis))
                    .destination(new FileSystemDestination(root))
                    .hostName(host)
                    .leaseLength(Duration.ofSeconds(2))
                    .build();
            TickReport report = service.tick(now);
            System.out.println(host + " ticked: " + report.succeeded() + " succeeded, " + report.failed() + " failed");
        }
    }
}

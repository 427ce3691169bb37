package dev.schedex.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.schedex.ExportScheduleService;
import dev.schedex.FormatSettings;
import dev.schedex.TickReport;
import dev.schedex.Violation;
import dev.schedex.destination.FileSystemDestination;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportFormat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A host in its own JVM, for {@link KilledHostTest}: ticks once at a given instant against a database
 * and exits. Arguments: JDBC URL, user, schema, export root, host name, render time in milliseconds,
 * tick instant.
 */
public final class HostProcess {

    /** The content every export has, so that a test can tell a whole file from a partial one. */
    static final String CONTENT = "a complete export\n".repeat(1000);

    private HostProcess() {
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
                    .store(JdbiScheduleStore.builder(pool).schema(schema).build())
                    .documentSource((owner, id) -> Optional.of(document))
                    .discoverFormats(false).format(new SlowFormat(renderMillis))
                    .destination(new FileSystemDestination(root))
                    .hostName(host).leaseLength(Duration.ofSeconds(2)).build();
            TickReport report = service.tick(now);
            System.out.println(host + " ticked: " + report.succeeded() + " succeeded, " + report.failed() + " failed");
        }
    }

    /** Takes its time, as a big drawing does. */
    static final class SlowFormat implements ExportFormat {
        private final long millis;

        SlowFormat(long millis) {
            this.millis = millis;
        }

        @Override
        public String id() {
            return "slow";
        }

        @Override
        public String mediaType() {
            return "text/plain";
        }

        @Override
        public String fileExtension() {
            return "txt";
        }

        @Override
        public List<Violation> validateSettings(FormatSettings settings) {
            return List.of();
        }

        @Override
        public void render(ExportDocument document, FormatSettings settings, ExportContext context, OutputStream out)
                throws IOException {
            try {
                Thread.sleep(millis); // the render this host is killed in the middle of
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            out.write(CONTENT.getBytes(StandardCharsets.UTF_8));
        }
    }
}

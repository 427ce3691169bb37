package dev.schedex.internal;

import dev.schedex.ExportSchedule;
import dev.schedex.RunStatus;
import dev.schedex.spi.Delivered;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.DocumentSource;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDestination;
import dev.schedex.spi.ExportDocument;
import dev.schedex.spi.ExportException;
import dev.schedex.spi.ExportFormat;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of one run: load the document, render it, deliver it. Every failure becomes a failed
 * outcome: permanent (not retried) for a missing document, format or destination, a permanent {@link
 * ExportException} and an exhausted stack or heap; temporary for a temporary {@code ExportException}
 * and any other exception.
 */
public final class RunExport {

    private static final Logger LOG = LoggerFactory.getLogger(RunExport.class);

    private final DocumentSource documents;
    private final Map<String, ExportFormat> formats;
    private final Map<String, ExportDestination> destinations;

    /**
     * @param documents    where documents are loaded from
     * @param formats      the formats, by id
     * @param destinations the destinations, by name
     */
    public RunExport(
            DocumentSource documents, Map<String, ExportFormat> formats, Map<String, ExportDestination> destinations) {
        this.documents = documents;
        this.formats = Map.copyOf(formats);
        this.destinations = Map.copyOf(destinations);
    }

    /**
     * @param schedule   the schedule, as claimed
     * @param occurrence the occurrence the run is for
     * @return how it went, with a message for the owner if it did not succeed
     */
    public RunOutcome export(ExportSchedule schedule, Instant occurrence) {
        Optional<String> version = Optional.empty();
        try {
            Optional<ExportDocument> loaded = documents.load(schedule.ownerId(), schedule.documentId());
            if (loaded.isEmpty()) {
                return RunOutcome.failed("document '" + schedule.documentId() + "' no longer exists, or its owner '"
                        + schedule.ownerId() + "' can no longer see it");
            }
            ExportDocument document = loaded.get();
            version = Optional.of(document.version());
            if (schedule.onlyWhenChanged()
                    && schedule.state().lastExportedVersion().equals(Optional.of(document.version()))) {
                return RunOutcome.skipped(
                        version, "document version " + document.version() + " has not changed since the last export");
            }
            ExportFormat format = formats.get(schedule.formatId());
            if (format == null) {
                return RunOutcome.failed("unknown format '" + schedule.formatId() + "': no such format is installed");
            }
            ExportDestination destination =
                    destinations.get(schedule.destination().name());
            if (destination == null) {
                return RunOutcome.failed("unknown destination '"
                        + schedule.destination().name() + "': no destination of that name is configured");
            }
            ExportContext context =
                    new ExportContext(schedule.id(), schedule.name(), schedule.ownerId(), occurrence, schedule.zone());
            long renderStart = System.nanoTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            format.render(document, schedule.formatSettings(), context, out);
            byte[] content = out.toByteArray();
            String checksum = sha256(content);
            Duration renderTime =
                    Duration.ofNanos(System.nanoTime() - renderStart).truncatedTo(ChronoUnit.MILLIS);
            long deliveryStart = System.nanoTime();
            Delivered delivered = destination.deliver(new Delivery(
                    schedule.destination().parameters(),
                    context,
                    document.id(),
                    document.title(),
                    format.fileExtension(),
                    format.mediaType(),
                    checksum,
                    content));
            Duration deliveryTime =
                    Duration.ofNanos(System.nanoTime() - deliveryStart).truncatedTo(ChronoUnit.MILLIS);
            List<String> warnings = context.warnings();
            Optional<String> message = warnings.isEmpty()
                    ? Optional.empty()
                    : Optional.of("succeeded with warnings: " + String.join("; ", warnings));
            return new RunOutcome(
                    RunStatus.SUCCEEDED,
                    version,
                    Optional.of((long) content.length),
                    Optional.of(checksum),
                    Optional.of(delivered.location()),
                    message,
                    Optional.of(renderTime),
                    Optional.of(deliveryTime),
                    Retry.BY_POLICY);
        } catch (ExportException e) {
            return RunOutcome.failed(
                    String.valueOf(e.getMessage()),
                    e.isTemporary() ? Retry.notSooner(e.retryAfter().orElse(Duration.ZERO)) : Retry.NEVER);
        } catch (Exception e) {
            // not classified by the plugin: an I/O error or a bug, which may pass
            LOG.debug("run of schedule {} for {} failed", schedule.id(), occurrence, e);
            return RunOutcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), Retry.BY_POLICY);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // a hostile document must not take the tick, or the other schedules in it, down
            LOG.warn(
                    "run of schedule {} for {} exhausted the {}",
                    schedule.id(),
                    occurrence,
                    e instanceof StackOverflowError ? "stack" : "heap");
            return RunOutcome.failed("the export needed more " + (e instanceof StackOverflowError ? "stack" : "memory")
                    + " than allowed and was stopped");
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

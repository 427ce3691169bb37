package dev.schedex.examples.s3;

import dev.schedex.ExportRun;
import dev.schedex.ExportSchedule;
import dev.schedex.ExportScheduleService;
import dev.schedex.NewExportSchedule;
import dev.schedex.TickReport;
import dev.schedex.destination.s3.S3Destination;
import dev.schedex.schedule.Schedule;
import dev.schedex.spi.ExportDocument;
import dev.schedex.store.InMemoryScheduleStore;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Nightly PNG exports into an S3 bucket: a host that registers an {@link S3Destination}, creates a
 * schedule that delivers a drawing as PNG every night at 02:00 Berlin time with keep-last-5, ticks
 * through ten simulated days, and lists the bucket.
 *
 * <p>The bucket is S3Proxy's, started here on 127.0.0.1 at a free port over an in-memory store, so
 * the example needs no account and nothing leaves the machine; a host gives AWS's region, or the
 * endpoint of its MinIO or R2, and its own credentials instead (see docs/destinations/s3.md).
 *
 * <p>Run it from the project root with {@code mvn -q install -DskipTests && mvn -q -pl examples/s3
 * exec:java}, or without installing, {@code mvn -q -pl destinations/s3,examples/s3 compile exec:java
 * -Dexec.mainClass=dev.schedex.examples.s3.S3Example}.
 */
public final class S3Example {

    private static final String OWNER = "demo";
    private static final String BUCKET = "reports";
    private static final String ACCESS_KEY = "example-access-key";
    private static final Instant START = Instant.parse("2026-11-30T00:00:00Z");
    private static final Duration SIMULATED = Duration.ofDays(10);
    private static final Duration TICK = Duration.ofMinutes(15);
    private static final String DRAWING = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"200\">"
            + "<rect x=\"10\" y=\"10\" width=\"180\" height=\"80\" rx=\"8\" fill=\"#cde\" stroke=\"#235\"/>"
            + "<text x=\"100\" y=\"55\" text-anchor=\"middle\" font-size=\"16\">build</text>"
            + "<path d=\"M190 50 H250\" stroke=\"#235\" stroke-width=\"3\"/>"
            + "<rect x=\"250\" y=\"10\" width=\"140\" height=\"80\" rx=\"8\" fill=\"#dec\" stroke=\"#253\"/>"
            + "<text x=\"320\" y=\"55\" text-anchor=\"middle\" font-size=\"16\">ship</text></svg>";

    private S3Example() {}

    /**
     * What the example left in the bucket.
     *
     * @param runs    the runs, in order of occurrence
     * @param objects the bucket's objects after the last tick, by key, with their sizes
     * @param types   the content type of each object
     */
    public record Result(List<ExportRun> runs, Map<String, Long> objects, Map<String, String> types) {}

    /**
     * @param args none
     * @throws Exception if S3Proxy cannot start
     */
    public static void main(String[] args) throws Exception {
        run(System.out);
    }

    /**
     * Starts S3Proxy, simulates ten days of ticks, prints and returns what happened.
     *
     * @param out where the report goes
     * @return the runs and the bucket's objects
     * @throws Exception if S3Proxy cannot start
     */
    public static Result run(PrintStream out) throws Exception {
        String secretKey = "example-" + UUID.randomUUID();
        BlobStoreContext blobs = ContextBuilder.newBuilder(new TransientApiMetadata())
                .credentials("unused", "unused")
                .build(BlobStoreContext.class);
        S3Proxy s3Proxy = S3Proxy.builder()
                .blobStore(blobs.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, secretKey)
                .build();
        s3Proxy.start();
        URI endpoint = URI.create("http://127.0.0.1:" + s3Proxy.getPort());
        try (S3Client admin = adminClient(endpoint, secretKey)) {
            admin.createBucket(b -> b.bucket(BUCKET));
            out.println("S3Proxy at " + endpoint + ", bucket '" + BUCKET + "'");

            // 1. the destination, as the host configures it: everything but the file names is the host's
            try (S3Destination s3 = S3Destination.builder("reports-s3")
                    .bucket(BUCKET)
                    .keyPrefix("schedex")
                    .region("us-east-1")
                    .endpoint(endpoint) // path-style addressing, as MinIO, R2 and Ceph want
                    .credentials(ACCESS_KEY, secretKey)
                    .checksum(S3Destination.Checksum.MD5) // S3Proxy has no x-amz-checksum-*; AWS would
                    .connectTimeout(Duration.ofSeconds(5))
                    .requestTimeout(Duration.ofSeconds(30))
                    .build()) {
                out.println("destination: " + s3);
                Result result = simulate(s3, admin, out);
                return result;
            }
        } finally {
            s3Proxy.stop();
            blobs.close();
        }
    }

    private static Result simulate(S3Destination s3, S3Client admin, PrintStream out) {
        // 2. the service: an in-memory store, one document, the formats found on the class path
        ExportDocument flow = ExportDocument.of("release-flow", "Release flow", "v1", START.minus(Duration.ofDays(1)))
                .withDrawing(DRAWING);
        ExportScheduleService service = ExportScheduleService.builder()
                .store(new InMemoryScheduleStore())
                .documentSource((owner, id) ->
                        OWNER.equals(owner) && id.equals(flow.id()) ? Optional.of(flow) : Optional.empty())
                .destination(s3)
                .clock(Clock.fixed(START, ZoneOffset.UTC))
                .hostName("s3-example")
                .build();

        // 3. the owner's schedule: a PNG every night, the newest five kept
        ExportSchedule nightly = service.create(NewExportSchedule.builder()
                .ownerId(OWNER)
                .documentId(flow.id())
                .name("Nightly flow PNG")
                .schedule(Schedule.daily(LocalTime.of(2, 0)))
                .zone("Europe/Berlin")
                .format("png", Map.of("width", 800))
                .destination("reports-s3", Map.of("path", "{document}/{date}_{time}.{ext}", "keep", "5"))
                .build());
        out.println("schedule: " + nightly.name() + ", " + nightly.schedule().describe() + ", " + nightly.zone());

        // 4. the host's timer, simulated
        int exported = 0;
        for (Instant now = START; now.isBefore(START.plus(SIMULATED)); now = now.plus(TICK)) {
            TickReport report = service.tick(now);
            exported += report.succeeded();
        }
        List<ExportRun> runs = service.runs(OWNER, nightly.id(), 100).stream()
                .sorted(Comparator.comparing(ExportRun::occurrence))
                .toList();
        out.printf("%n%d simulated days, %d exports:%n", SIMULATED.toDays(), exported);
        for (ExportRun run : runs) {
            out.printf(
                    "  %s  %-9s %s%n",
                    run.occurrence(),
                    run.status(),
                    run.location().orElse(run.message().orElse("")));
        }

        // 5. the bucket: the newest five PNGs, and the schedule's keep-last-N index
        Map<String, Long> objects = new java.util.TreeMap<>();
        Map<String, String> types = new java.util.TreeMap<>();
        out.printf("%nobjects in s3://%s:%n", BUCKET);
        for (S3Object object :
                admin.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents()) {
            HeadObjectResponse head = admin.headObject(b -> b.bucket(BUCKET).key(object.key()));
            objects.put(object.key(), object.size());
            types.put(object.key(), head.contentType());
            out.printf(
                    "  %-62s %7d  %-26s %s%n",
                    object.key(),
                    object.size(),
                    head.contentType(),
                    head.metadata().getOrDefault("schedex-occurrence", ""));
        }
        return new Result(runs, objects, types);
    }

    private static S3Client adminClient(URI endpoint, String secretKey) {
        return S3Client.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secretKey)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .build();
    }
}

package dev.schedex.destination.drive;

import com.google.api.client.googleapis.media.MediaHttpUploader;
import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.drive.Drive;
import com.google.api.services.drive.model.File;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.schedex.benchmarks.PairedRounds;
import dev.schedex.destination.drive.internal.DriveRequests;
import dev.schedex.spi.Delivery;
import dev.schedex.testing.Deliveries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Google Drive destination's cost over the bare Drive v3 client, on {@link FakeDrive} (the
 * tests' stand-in for Drive's REST API, in this JVM on 127.0.0.1) in the same run: {@code
 * GoogleDriveDestination.deliver} against {@code drive.files().create(metadata, media)} of the same
 * bytes through a client set up as the destination sets up its own (JDK transport, Gson, the same
 * request initializer and timeouts, direct upload up to 5 MiB and resumable above in 8 MiB chunks, no
 * gzip), for exports of 64 KiB, 1 MiB and 8 MiB, in interleaved rounds after untimed warm-up rounds:
 * the median times, the median of each round's ratio (the two of a round ran back to back) and the
 * ratio of the best times. A second bare peer, {@code drive.files().update(id, metadata, media)} of a
 * known file, is what the destination's re-delivery writes, without the look-up that finds the file.
 * Then a 50 MB export (resumable, 8 MiB chunks) the same way, for the throughput of each.
 *
 * <p>The destination does more than the bare call by design: a {@code files.list} for the file an
 * earlier delivery of the same key left (found here, from the second round on), then a new revision
 * of it ({@code files.update}) rather than a second file; each folder in the path template adds one
 * more {@code files.list}. The template here has none. This class lives in the destination's package
 * because {@link FakeDrive} is package-private in the module's test-jar.
 *
 * <pre>
 * mvn -B -q -o -pl destinations/google-drive,destinations/dropbox,benchmarks package -DskipTests
 * java -Xmx3g -cp benchmarks/target/benchmarks.jar dev.schedex.destination.drive.DriveDeliveryOverhead
 * </pre>
 */
public final class DriveDeliveryOverhead {

    private static final int WARM_UP_ROUNDS = 3;
    private static final int ROUNDS = 21;
    private static final int LARGE_ROUNDS = 5;
    private static final int MIB = 1024 * 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(120);

    private DriveDeliveryOverhead() {}

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        // the JDK's HttpServer sends a response's headers and body in two segments; without
        // TCP_NODELAY the client's delayed ACK holds the second for about 40 ms on every request,
        // a cost of the fake (Google's servers do not add it) that would swamp both sides
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try (FakeDrive fake = new FakeDrive()) {
            GoogleCredentials credentials = GoogleCredentials.create(
                    new AccessToken(FakeDrive.TOKEN, Date.from(Instant.now().plus(Duration.ofDays(1)))));
            GoogleDriveDestination destination = GoogleDriveDestination.builder("bench-drive")
                    .credentials(credentials)
                    .parentFolder(FakeDrive.ROOT)
                    .rootUrl(fake.rootUrl())
                    .connectTimeout(CONNECT_TIMEOUT)
                    .readTimeout(READ_TIMEOUT)
                    .build();
            // the destination's own client setup, for the bare calls
            Drive drive = new Drive.Builder(
                            new NetHttpTransport(),
                            GsonFactory.getDefaultInstance(),
                            new DriveRequests(credentials, CONNECT_TIMEOUT, READ_TIMEOUT))
                    .setApplicationName(GoogleDriveDestination.DEFAULT_APPLICATION_NAME)
                    .setRootUrl(fake.rootUrl())
                    .build();
            System.out.printf(
                    Locale.ROOT,
                    "Drive delivery overhead on FakeDrive %s, %d rounds after %d warm-up, median ms per upload%n",
                    fake.rootUrl(),
                    ROUNDS,
                    WARM_UP_ROUNDS);
            System.out.printf(
                    Locale.ROOT,
                    "%-8s %-14s %10s %10s %12s %12s%n",
                    "size",
                    "bare peer",
                    "bare SDK",
                    "GDriveDest",
                    "pair ratio",
                    "best ratio");
            for (int size : new int[] {64 * 1024, MIB, 8 * MIB}) {
                byte[] content = PairedRounds.content(size);
                Delivery delivery = Deliveries.png(Map.of("path", "{date}.{ext}"), Instant.EPOCH, content);
                Runnable deliver = () -> deliver(destination, delivery);
                print(
                        size / 1024 + " KiB",
                        "files.create",
                        PairedRounds.compare(
                                size,
                                WARM_UP_ROUNDS,
                                ROUNDS,
                                () -> create(drive, "bare-" + size + ".png", content),
                                deliver));
                String id = create(drive, "bare-update-" + size + ".png", content);
                print(
                        size / 1024 + " KiB",
                        "files.update",
                        PairedRounds.compare(size, WARM_UP_ROUNDS, ROUNDS, () -> update(drive, id, content), deliver));
            }
            byte[] large = PairedRounds.content(50_000_000);
            Delivery big = Deliveries.png(Map.of("path", "large.{ext}"), Instant.EPOCH, large);
            Runnable deliverBig = () -> deliver(destination, big);
            System.out.printf(
                    Locale.ROOT,
                    "%n50 MB export (resumable, 7 chunks of 8 MiB or less), %d rounds after 1 warm-up%n",
                    LARGE_ROUNDS);
            large(
                    "files.create",
                    PairedRounds.compare(
                            50_000_000, 1, LARGE_ROUNDS, () -> create(drive, "bare-large.png", large), deliverBig));
            String id = create(drive, "bare-update-large.png", large);
            large(
                    "files.update",
                    PairedRounds.compare(50_000_000, 1, LARGE_ROUNDS, () -> update(drive, id, large), deliverBig));
        } catch (RuntimeException e) {
            e.printStackTrace(System.out);
            throw e;
        }
    }

    private static void deliver(GoogleDriveDestination destination, Delivery delivery) {
        try {
            destination.deliver(delivery);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(String size, String peer, PairedRounds.Result result) {
        System.out.printf(
                Locale.ROOT,
                "%-8s %-14s %10.2f %10.2f %12.3f %12.3f%n",
                size,
                peer,
                result.bareMs(),
                result.destinationMs(),
                result.pairRatio(),
                result.bestRatio());
    }

    private static void large(String peer, PairedRounds.Result result) {
        System.out.printf(
                Locale.ROOT,
                "bare %s median %.2f s (%.0f MB/s), destination median %.2f s (%.0f MB/s), pair ratio %.3f%n",
                peer,
                result.bareMs() / 1e3,
                50.0 / (result.bareMs() / 1e3),
                result.destinationMs() / 1e3,
                50.0 / (result.destinationMs() / 1e3),
                result.pairRatio());
    }

    /** The bare client: one {@code files.create} with the media, uploaded as the destination uploads. */
    private static String create(Drive drive, String name, byte[] content) {
        try {
            File metadata = new File().setName(name).setMimeType("image/png").setParents(List.of(FakeDrive.ROOT));
            Drive.Files.Create create = drive.files()
                    .create(metadata, new ByteArrayContent("image/png", content))
                    .setSupportsAllDrives(true)
                    .setFields("id");
            configure(create.getMediaHttpUploader(), content.length);
            create.setDisableGZipContent(true);
            return create.execute().getId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bare client: a new revision of a known file, as the destination's re-delivery writes one. */
    private static void update(Drive drive, String id, byte[] content) {
        try {
            File metadata = new File().setMimeType("image/png");
            Drive.Files.Update update = drive.files()
                    .update(id, metadata, new ByteArrayContent("image/png", content))
                    .setSupportsAllDrives(true)
                    .setFields("id");
            configure(update.getMediaHttpUploader(), content.length);
            update.setDisableGZipContent(true);
            update.execute();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void configure(MediaHttpUploader uploader, int size) {
        uploader.setDirectUploadEnabled(size <= GoogleDriveDestination.DEFAULT_DIRECT_UPLOAD_LIMIT)
                .setChunkSize(GoogleDriveDestination.DEFAULT_CHUNK_SIZE)
                .setDisableGZipContent(true);
    }
}

package dev.schedex.destination.dropbox;

import com.dropbox.core.DbxException;
import com.dropbox.core.DbxRequestConfig;
import com.dropbox.core.http.StandardHttpRequestor;
import com.dropbox.core.v2.DbxClientV2;
import com.dropbox.core.v2.files.CommitInfo;
import com.dropbox.core.v2.files.UploadBuilder;
import com.dropbox.core.v2.files.UploadSessionAppendV2Builder;
import com.dropbox.core.v2.files.UploadSessionCursor;
import com.dropbox.core.v2.files.UploadSessionStartBuilder;
import com.dropbox.core.v2.files.WriteMode;
import dev.schedex.benchmarks.PairedRounds;
import dev.schedex.destination.dropbox.internal.ContentHash;
import dev.schedex.spi.Delivery;
import dev.schedex.testing.Deliveries;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The Dropbox destination's cost over the bare Dropbox SDK call, on {@link FakeDropbox} (the tests'
 * TLS stand-in for Dropbox's API, in this JVM on 127.0.0.1, reached through their {@link
 * TunnelProxy}) in the same run: {@code DropboxDestination.deliver} against {@code
 * uploadBuilder(path).withMode(OVERWRITE).uploadAndFinish(...)} of the same bytes through a client set
 * up as the destination sets up its own (the same host, proxy, TLS sockets, timeouts, no automatic
 * retries), for exports of 64 KiB, 1 MiB and 8 MiB, in interleaved rounds after untimed warm-up
 * rounds: the median times, the median of each round's ratio (the two of a round ran back to back)
 * and the ratio of the best times. The destination adds Dropbox's content hash of the bytes (computed
 * here, checked by the server) and the check of the hash the server reports: so two bare peers, one
 * that sends no hash and one that sends the hash it computes the same way. Then a 50 MB export
 * through an upload session (16 MiB chunks: start, two appends, finish), against the bare session
 * calls with the same chunks, without and with the chunks' hashes, for the throughput of each.
 *
 * <p>This class lives in the destination's package because {@link FakeDropbox} is package-private in
 * the module's test-jar.
 *
 * <pre>
 * mvn -B -q -o -pl destinations/google-drive,destinations/dropbox,benchmarks package -DskipTests
 * java -Xmx3g -cp benchmarks/target/benchmarks.jar dev.schedex.destination.dropbox.DropboxDeliveryOverhead
 * </pre>
 */
public final class DropboxDeliveryOverhead {

    private static final int WARM_UP_ROUNDS = 3;
    private static final int ROUNDS = 21;
    private static final int LARGE_ROUNDS = 5;
    private static final int MIB = 1024 * 1024;
    private static final int CHUNK = 16 * MIB;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(120);
    private static final String ROOT = "/Apps/bench";

    private DropboxDeliveryOverhead() {}

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        // the JDK's HttpsServer sends a response's headers and body in two segments; without
        // TCP_NODELAY the client's delayed ACK holds the second for about 40 ms on every request,
        // a cost of the fake (Dropbox's servers do not add it) that would swamp both sides
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        Path work = Files.createTempDirectory("dropbox-bench");
        String token = "sl.bench-" + UUID.randomUUID();
        try (FakeDropbox fake = new FakeDropbox(work)) {
            fake.reset(token);
            DropboxDestination destination = configured(fake).accessToken(token).build();
            // the session threshold below 50 MB, so that the large export goes through a session
            DropboxDestination sessions = configured(fake)
                    .accessToken(token)
                    .sessionThresholdBytes(CHUNK)
                    .chunkBytes(CHUNK)
                    .build();
            // the destination's own client setup, for the bare calls
            DbxRequestConfig config = DbxRequestConfig.newBuilder("schedex-bench")
                    .withHttpRequestor(new StandardHttpRequestor(StandardHttpRequestor.Config.builder()
                            .withConnectTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                            .withReadTimeout(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                            .withProxy(fake.proxy())
                            .withSslSocketFactory(fake.sslSocketFactory())
                            .build()))
                    .withAutoRetryDisabled()
                    .build();
            DbxClientV2 bare = new DbxClientV2(config, token, fake.host());
            System.out.printf(
                    Locale.ROOT,
                    "Dropbox delivery overhead on FakeDropbox (TLS, via the tunnelling proxy), "
                            + "%d rounds after %d warm-up, median ms per upload%n",
                    ROUNDS,
                    WARM_UP_ROUNDS);
            System.out.printf(
                    Locale.ROOT,
                    "%-8s %-13s %10s %10s %12s %12s%n",
                    "size",
                    "bare peer",
                    "bare SDK",
                    "DbxDest.",
                    "pair ratio",
                    "best ratio");
            for (int size : new int[] {64 * 1024, MIB, 8 * MIB}) {
                byte[] content = PairedRounds.content(size);
                Delivery delivery = Deliveries.png(Map.of("path", "{date}.{ext}"), Instant.EPOCH, content);
                String path = ROOT + "/bare-" + size + ".png";
                print(
                        size / 1024 + " KiB",
                        "no hash",
                        PairedRounds.compare(
                                size,
                                WARM_UP_ROUNDS,
                                ROUNDS,
                                () -> upload(bare, path, content, false),
                                () -> destination.deliver(delivery)));
                print(
                        size / 1024 + " KiB",
                        "content hash",
                        PairedRounds.compare(
                                size,
                                WARM_UP_ROUNDS,
                                ROUNDS,
                                () -> upload(bare, path, content, true),
                                () -> destination.deliver(delivery)));
            }
            byte[] large = PairedRounds.content(50_000_000);
            Delivery big = Deliveries.png(Map.of("path", "large.{ext}"), Instant.EPOCH, large);
            System.out.printf(
                    Locale.ROOT,
                    "%n50 MB export (upload session, 16 MiB chunks), %d rounds after 1 warm-up%n",
                    LARGE_ROUNDS);
            for (boolean hashed : new boolean[] {false, true}) {
                PairedRounds.Result result = PairedRounds.compare(
                        50_000_000,
                        1,
                        LARGE_ROUNDS,
                        () -> uploadInSession(bare, ROOT + "/bare-large.png", large, hashed),
                        () -> sessions.deliver(big));
                System.out.printf(
                        Locale.ROOT,
                        "bare session, %s: median %.2f s (%.0f MB/s), destination median %.2f s (%.0f MB/s), "
                                + "pair ratio %.3f%n",
                        hashed ? "content hash" : "no hash",
                        result.bareMs() / 1e3,
                        50.0 / (result.bareMs() / 1e3),
                        result.destinationMs() / 1e3,
                        50.0 / (result.destinationMs() / 1e3),
                        result.pairRatio());
            }
        } catch (RuntimeException e) {
            e.printStackTrace(System.out);
            throw e;
        } finally {
            try (var files = Files.list(work)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    private static DropboxDestination.Builder configured(FakeDropbox fake) {
        return DropboxDestination.builder("bench-dropbox")
                .rootFolder(ROOT)
                .host(fake.host())
                .proxy(fake.proxy())
                .sslSocketFactory(fake.sslSocketFactory())
                .clientIdentifier("schedex-bench")
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT);
    }

    private static void print(String size, String peer, PairedRounds.Result result) {
        System.out.printf(
                Locale.ROOT,
                "%-8s %-13s %10.2f %10.2f %12.3f %12.3f%n",
                size,
                peer,
                result.bareMs(),
                result.destinationMs(),
                result.pairRatio(),
                result.bestRatio());
    }

    /**
     * The bare call: one upload in overwrite mode; with {@code hashed}, with Dropbox's content hash
     * of the bytes, as a caller who wants the server to check them must compute it.
     */
    private static void upload(DbxClientV2 client, String path, byte[] content, boolean hashed) {
        try {
            UploadBuilder upload = client.files().uploadBuilder(path).withMode(WriteMode.OVERWRITE);
            if (hashed) {
                upload.withContentHash(ContentHash.of(content));
            }
            upload.uploadAndFinish(new ByteArrayInputStream(content));
        } catch (DbxException | IOException e) {
            throw new IllegalStateException("bare upload failed", e);
        }
    }

    /**
     * The bare session: start with the first chunk, append the middle ones, finish with the last;
     * with {@code hashed}, each with the content hash of its chunk, as the destination sends them.
     */
    private static void uploadInSession(DbxClientV2 client, String path, byte[] content, boolean hashed) {
        try {
            int first = Math.min(CHUNK, content.length);
            UploadSessionStartBuilder start = client.files().uploadSessionStartBuilder();
            if (hashed) {
                start.withContentHash(ContentHash.of(content, 0, first));
            }
            String session = start.uploadAndFinish(new ByteArrayInputStream(content, 0, first))
                    .getSessionId();
            int offset = first;
            while (content.length - offset > CHUNK) {
                UploadSessionAppendV2Builder append =
                        client.files().uploadSessionAppendV2Builder(new UploadSessionCursor(session, offset));
                if (hashed) {
                    append.withContentHash(ContentHash.of(content, offset, CHUNK));
                }
                append.uploadAndFinish(new ByteArrayInputStream(content, offset, CHUNK));
                offset += CHUNK;
            }
            int last = content.length - offset;
            UploadSessionCursor cursor = new UploadSessionCursor(session, offset);
            CommitInfo commit =
                    CommitInfo.newBuilder(path).withMode(WriteMode.OVERWRITE).build();
            (hashed
                            ? client.files().uploadSessionFinish(cursor, commit, ContentHash.of(content, offset, last))
                            : client.files().uploadSessionFinish(cursor, commit))
                    .uploadAndFinish(new ByteArrayInputStream(content, offset, last));
        } catch (DbxException | IOException e) {
            throw new IllegalStateException("bare session upload failed", e);
        }
    }
}

package dev.schedex.benchmarks;

import dev.schedex.destination.s3.S3Destination;
import dev.schedex.spi.Delivery;
import dev.schedex.testing.Deliveries;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 destination's cost over the bare SDK call, on S3Proxy (in this JVM, in-memory store, on
 * 127.0.0.1) in the same run: {@code S3Destination.deliver} against {@code S3Client.putObject} of
 * the same bytes on the same client, for exports of 64 KiB, 1 MiB and 8 MiB, in interleaved rounds
 * after untimed warm-up rounds: the median times, the median of each round's ratio (the two of a
 * round ran back to back) and the ratio of the best times. Two pairs: the destination's default
 * ({@code x-amz-checksum-sha256} from the delivery's own checksum, which S3Proxy is told to ignore as
 * it cannot verify it) against a bare put with no checksum, and {@code Checksum.MD5} against a bare
 * put with the same {@code Content-MD5}. Then the upload throughput of a 50 MB export (multipart,
 * 8 MiB parts, with {@code Content-MD5} per part).
 *
 * <pre>
 * mvn -q -pl destinations/s3,benchmarks compile exec:java -Dexec.mainClass=dev.schedex.benchmarks.S3DeliveryOverhead
 * </pre>
 */
public final class S3DeliveryOverhead {

    private static final String ACCESS = "bench-access";
    private static final String BUCKET = "bench";
    private static final int WARM_UP_ROUNDS = 3;
    private static final int ROUNDS = 21;
    private static final int MIB = 1024 * 1024;

    private S3DeliveryOverhead() {}

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        String secret = "bench-" + UUID.randomUUID();
        BlobStoreContext blobs = ContextBuilder.newBuilder(new TransientApiMetadata())
                .credentials("unused", "unused")
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobs.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, secret)
                .ignoreUnknownHeaders(true) // x-amz-checksum-sha256: accepted, not verified
                .v4MaxNonChunkedRequestSize(64L * MIB)
                .build();
        proxy.start();
        URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        try (S3Client client = S3Client.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, secret)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build()) {
            client.createBucket(b -> b.bucket(BUCKET));
            S3Destination sha256 = S3Destination.builder("bench-sha256")
                    .bucket(BUCKET)
                    .client(client)
                    .build();
            S3Destination md5 = S3Destination.builder("bench-md5")
                    .bucket(BUCKET)
                    .client(client)
                    .checksum(S3Destination.Checksum.MD5)
                    .build();
            System.out.printf(
                    Locale.ROOT,
                    "S3 delivery overhead on S3Proxy %s, %d rounds after %d warm-up, median ms per upload%n",
                    endpoint,
                    ROUNDS,
                    WARM_UP_ROUNDS);
            System.out.printf(
                    Locale.ROOT,
                    "%-8s %-22s %10s %10s %12s %12s%n",
                    "size",
                    "pair",
                    "bare SDK",
                    "S3Dest.",
                    "pair ratio",
                    "best ratio");
            for (int size : new int[] {64 * 1024, MIB, 8 * MIB}) {
                byte[] content = PairedRounds.content(size);
                Delivery delivery = Deliveries.png(Map.of("path", "bench/{date}.{ext}"), Instant.EPOCH, content);
                compare(
                        "default (sha256 hdr)",
                        size,
                        () -> client.putObject(
                                b -> b.bucket(BUCKET).key("bare/" + size).contentType("image/png"),
                                RequestBody.fromBytes(content)),
                        () -> sha256.deliver(delivery));
                compare(
                        "MD5 both",
                        size,
                        () -> client.putObject(
                                b -> b.bucket(BUCKET)
                                        .key("bare-md5/" + size)
                                        .contentType("image/png")
                                        // the bare call hashes its body too, as a caller who wants it checked must
                                        .contentMD5(base64Md5(content)),
                                RequestBody.fromBytes(content)),
                        () -> md5.deliver(delivery));
            }

        } catch (RuntimeException e) {
            // printed here: once main returns, Maven's exec class loader is gone and cannot print it
            e.printStackTrace(System.out);
            throw e;
        } finally {
            proxy.stop();
            blobs.close();
        }
        throughput();
    }

    private static void compare(String pair, int size, Runnable bare, Runnable destination) {
        PairedRounds.Result result = PairedRounds.compare(size, WARM_UP_ROUNDS, ROUNDS, bare, destination);
        System.out.printf(
                Locale.ROOT,
                "%-8s %-22s %10.2f %10.2f %12.3f %12.3f%n",
                size / 1024 + " KiB",
                pair,
                result.bareMs(),
                result.destinationMs(),
                result.pairRatio(),
                result.bestRatio());
    }

    /** Uploads of a 50 MB export on an S3Proxy configured as the tests' (Content-MD5, no ignored headers). */
    private static void throughput() throws Exception {
        String secret = "bench-" + UUID.randomUUID();
        BlobStoreContext blobs = ContextBuilder.newBuilder(new TransientApiMetadata())
                .credentials("unused", "unused")
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobs.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, secret)
                .build();
        proxy.start();
        URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        try (S3Client client = S3Client.builder()
                        .region(Region.US_EAST_1)
                        .endpointOverride(endpoint)
                        .forcePathStyle(true)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, secret)))
                        .httpClientBuilder(UrlConnectionHttpClient.builder())
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .build();
                S3Destination md5 = S3Destination.builder("bench-large")
                        .bucket(BUCKET)
                        .region("us-east-1")
                        .endpoint(endpoint)
                        .credentials(ACCESS, secret)
                        .checksum(S3Destination.Checksum.MD5)
                        .build()) {
            client.createBucket(b -> b.bucket(BUCKET));
            // throughput: a 50 MB export, multipart with the default 16 MiB threshold and 8 MiB parts
            byte[] large =
                    System.getProperty("zeros") != null ? new byte[50_000_000] : PairedRounds.content(50_000_000);
            Delivery big = Deliveries.png(Map.of("path", "bench/large.{ext}"), Instant.EPOCH, large);
            // Checksum.MD5: this S3Proxy cannot take x-amz-checksum-*
            for (int i = 0; i < 2; i++) {
                md5.deliver(big);
            }
            double[] seconds = new double[5];
            for (int i = 0; i < seconds.length; i++) {
                long start = System.nanoTime();
                md5.deliver(big);
                seconds[i] = (System.nanoTime() - start) / 1e9;
            }
            Arrays.sort(seconds);
            double median = seconds[seconds.length / 2];
            System.out.printf(
                    Locale.ROOT,
                    "%n50 MB export (7 parts of 8 MiB or less): median %.2f s, %.0f MB/s (best %.2f s, worst %.2f s)%n",
                    median,
                    50.0 / median,
                    seconds[0],
                    seconds[seconds.length - 1]);
        } catch (RuntimeException e) {
            e.printStackTrace(System.out);
            throw e;
        } finally {
            proxy.stop();
            blobs.close();
        }
    }

    private static String base64Md5(byte[] content) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("MD5").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }
}

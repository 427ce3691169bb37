package dev.schedex.destination.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.spi.Delivered;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.ExportException;
import dev.schedex.testing.Deliveries;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** What the contract does not say: multipart, metadata, and failures against S3Proxy. */
class S3DestinationTest {

    private static final Instant OCCURRENCE = Instant.parse("2026-12-07T08:00:00Z");
    private static final int MIB = 1024 * 1024;

    private static LocalS3 s3;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = LocalS3.start();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    private static byte[] bytes(int size) {
        byte[] content = new byte[size];
        for (int i = 0; i < size; i++) {
            content[i] = (byte) (i * 7 + (i >>> 13));
        }
        return content;
    }

    private static Delivery png(byte[] content) {
        return Deliveries.png(Map.of("path", "{document}/{date}.{ext}"), OCCURRENCE, content);
    }

    /** Records the operation of every call a client makes. */
    static final class Calls implements ExecutionInterceptor {
        final List<String> operations = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            operations.add(context.request().getClass().getSimpleName().replace("Request", ""));
        }
    }

    private static S3Client countingClient(Calls calls) {
        return S3Client.builder()
                .region(software.amazon.awssdk.regions.Region.of(LocalS3.REGION))
                .endpointOverride(s3.endpoint())
                .forcePathStyle(true)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                                LocalS3.ACCESS_KEY, s3.secretKey)))
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                // as docs/destinations/s3.md tells hosts with S3-compatible stores: no aws-chunked trailers
                .requestChecksumCalculation(
                        software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.addExecutionInterceptor(calls))
                .build();
    }

    @Test
    void anExportAboveTheThresholdGoesUpInPartsAndOneBelowInOnePut() throws Exception {
        String bucket = s3.newBucket();
        Calls calls = new Calls();
        try (S3Client client = countingClient(calls);
                S3Destination destination = S3Destination.builder("parts")
                        .bucket(bucket)
                        .client(client)
                        .checksum(S3Destination.Checksum.MD5)
                        .multipartThreshold(6 * MIB)
                        .partSize(5 * MIB)
                        .build()) {
            byte[] large = bytes(11 * MIB + 5);
            Delivered delivered = destination.deliver(png(large));
            assertEquals(
                    List.of(
                            "CreateMultipartUpload",
                            "UploadPart",
                            "UploadPart",
                            "UploadPart",
                            "CompleteMultipartUpload"),
                    calls.operations);
            byte[] stored = s3.admin()
                    .getObjectAsBytes(b -> b.bucket(bucket).key(delivered.location()))
                    .asByteArray();
            assertEquals(Deliveries.sha256(large), Deliveries.sha256(stored));
            assertTrue(
                    s3.admin()
                            .headObject(b -> b.bucket(bucket).key(delivered.location()))
                            .eTag()
                            .endsWith("-3\""),
                    "S3 gives a multipart object an ETag ending in -<parts>");

            calls.operations.clear();
            destination.deliver(png(bytes(6 * MIB - 1)));
            assertEquals(List.of("PutObject"), calls.operations);
        }
    }

    @Test
    void theObjectCarriesTheContentTypeAndTheRunsMetadata() throws Exception {
        String bucket = s3.newBucket();
        for (int size : new int[] {100, 6 * MIB}) {
            try (S3Destination destination = s3.destination("meta", bucket)
                    .keyPrefix("reports")
                    .multipartThreshold(5 * MIB)
                    .partSize(5 * MIB)
                    .build()) {
                byte[] content = bytes(size);
                Delivery delivery =
                        Deliveries.of(Map.of(), Deliveries.SCHEDULE, OCCURRENCE, "pdf", "application/pdf", content);
                Delivered delivered = destination.deliver(delivery);
                assertTrue(delivered.location().startsWith("reports/"), delivered.location());
                HeadObjectResponse head =
                        s3.admin().headObject(b -> b.bucket(bucket).key(delivered.location()));
                assertEquals("application/pdf", head.contentType(), "size " + size);
                assertEquals(
                        Map.of(
                                "schedex-schedule-id", Deliveries.SCHEDULE.toString(),
                                "schedex-occurrence", "2026-12-07T08:00:00Z",
                                "schedex-sha256", Deliveries.sha256(content)),
                        head.metadata(),
                        "size " + size);
            }
        }
    }

    @Test
    void aWrongSecretKeyIsAPermanentFailureThatNamesNoSecret() throws Exception {
        String bucket = s3.newBucket();
        String wrong = "wrong-secret-" + System.nanoTime();
        for (int size : new int[] {10, 6 * MIB}) {
            try (S3Destination destination = s3.destination("reports-s3", bucket)
                    .credentials(LocalS3.ACCESS_KEY, wrong)
                    .multipartThreshold(5 * MIB)
                    .partSize(5 * MIB)
                    .build()) {
                ExportException failure =
                        assertThrows(ExportException.class, () -> destination.deliver(png(bytes(size))));
                assertFalse(failure.isTemporary(), "size " + size + ": " + failure.getMessage());
                assertTrue(
                        failure.getMessage()
                                .startsWith("destination 'reports-s3': access denied by S3 for bucket '" + bucket
                                        + "'; check the credentials the host configured"),
                        failure.getMessage());
                assertFalse(failure.getMessage().contains(wrong));
                assertFalse(failure.getMessage().contains(s3.secretKey));
                assertFalse(destination.toString().contains(wrong));
            }
        }
        assertTrue(s3.admin().listObjectsV2(b -> b.bucket(bucket)).contents().isEmpty());
    }

    @Test
    void aMissingBucketIsAPermanentFailure() throws Exception {
        try (S3Destination destination =
                s3.destination("reports-s3", "no-such-bucket").build()) {
            ExportException failure = assertThrows(ExportException.class, () -> destination.deliver(png(bytes(10))));
            assertFalse(failure.isTemporary(), failure.getMessage());
            assertTrue(
                    failure.getMessage().startsWith("destination 'reports-s3': bucket 'no-such-bucket' does not exist"),
                    failure.getMessage());
        }
    }

    @Test
    void aConnectionCutMidUploadIsTemporaryAndLeavesNoObjectAndNoParts() throws Exception {
        String bucket = s3.newBucket();
        // every connection is cut after 1 MiB from the client: the calls without a body pass
        try (CuttingProxy proxy = new CuttingProxy(s3.endpoint().getPort(), MIB);
                S3Destination destination = s3.destination("reports-s3", bucket)
                        .endpoint(URI.create("http://127.0.0.1:" + proxy.port()))
                        .multipartThreshold(5 * MIB)
                        .partSize(5 * MIB)
                        .build()) {
            for (int size : new int[] {2 * MIB, 11 * MIB}) {
                int cutsBefore = proxy.cuts();
                ExportException failure =
                        assertThrows(ExportException.class, () -> destination.deliver(png(bytes(size))));
                assertTrue(failure.isTemporary(), "size " + size + ": " + failure.getMessage());
                assertTrue(proxy.cuts() > cutsBefore, "the upload was cut");
                assertTrue(
                        s3.admin()
                                .listObjectsV2(b -> b.bucket(bucket))
                                .contents()
                                .isEmpty(),
                        "no object");
                assertTrue(
                        s3.admin()
                                .listMultipartUploads(b -> b.bucket(bucket))
                                .uploads()
                                .isEmpty(),
                        "the multipart upload was aborted");
            }
        }
    }

    @Test
    void aReDeliveryOverwritesTheSameKeyWhateverItsSize() throws Exception {
        String bucket = s3.newBucket();
        try (S3Destination destination = s3.destination("reports-s3", bucket)
                .multipartThreshold(5 * MIB)
                .partSize(5 * MIB)
                .build()) {
            String first = destination.deliver(png(bytes(6 * MIB))).location();
            byte[] second = bytes(100);
            assertEquals(first, destination.deliver(png(second)).location());
            assertEquals(1, s3.admin().listObjectsV2(b -> b.bucket(bucket)).keyCount());
            assertArrayEquals(
                    second,
                    s3.admin()
                            .getObjectAsBytes(b -> b.bucket(bucket).key(first))
                            .asByteArray());
        }
    }

    @Test
    void aStoreWithoutFlexibleChecksumsIsAPermanentFailureThatSaysWhatToChoose() throws Exception {
        String bucket = s3.newBucket();
        try (S3Destination destination = s3.destination("reports-s3", bucket)
                .checksum(S3Destination.Checksum.SHA256)
                .build()) {
            ExportException failure = assertThrows(ExportException.class, () -> destination.deliver(png(bytes(10))));
            assertFalse(failure.isTemporary(), failure.getMessage());
            assertTrue(failure.getMessage().contains("checksum MD5"), failure.getMessage());
        }
    }
}

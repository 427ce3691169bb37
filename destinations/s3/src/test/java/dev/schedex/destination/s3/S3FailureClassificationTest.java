package dev.schedex.destination.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.schedex.spi.ExportException;
import dev.schedex.testing.Deliveries;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * How answers S3Proxy cannot be made to give (throttling, server errors, quotas, a server that never
 * answers) are classified, from a local HTTP server that gives them as S3 does.
 */
class S3FailureClassificationTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    /** A server that answers every request with this status, S3 error code and headers. */
    private URI answering(int status, String code, Map<String, String> headers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.transferTo(OutputStream.nullOutputStream());
            }
            byte[] error = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
                            + "</Code><Message>m</Message><RequestId>r</RequestId></Error>")
                    .getBytes(StandardCharsets.UTF_8);
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(status, error.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(error);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A server that accepts requests and never answers until the test ends. */
    private URI silent() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static ExportException deliveryTo(URI endpoint) {
        // one attempt per call: the service's retry policy, not the SDK's, is what this shows
        try (S3Client client = S3Client.builder()
                        .region(Region.US_EAST_1)
                        .endpointOverride(endpoint)
                        .forcePathStyle(true)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "s3cr3t")))
                        .httpClientBuilder(UrlConnectionHttpClient.builder())
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                        .build();
                S3Destination destination = S3Destination.builder("reports-s3")
                        .bucket("b")
                        .client(client)
                        .build()) {
            ExportException failure = assertThrows(
                    ExportException.class,
                    () -> destination.deliver(
                            Deliveries.png(Map.of(), Instant.parse("2026-12-07T08:00:00Z"), new byte[] {1, 2, 3})));
            assertFalse(failure.getMessage().contains("s3cr3t"), failure.getMessage());
            return failure;
        }
    }

    @Test
    void slowDownIsTemporaryAndKeepsTheServersRetryAfter() throws Exception {
        ExportException failure = deliveryTo(answering(503, "SlowDown", Map.of("Retry-After", "7")));
        assertTrue(failure.isTemporary(), failure.getMessage());
        assertEquals(Optional.of(Duration.ofSeconds(7)), failure.retryAfter());
        assertTrue(failure.getMessage().contains("throttling"), failure.getMessage());
    }

    @Test
    void aServerErrorIsTemporary() throws Exception {
        ExportException failure = deliveryTo(answering(500, "InternalError", Map.of()));
        assertTrue(failure.isTemporary(), failure.getMessage());
        assertEquals(Optional.of(Duration.ZERO), failure.retryAfter());
    }

    @Test
    void anExhaustedQuotaIsPermanent() throws Exception {
        ExportException failure = deliveryTo(answering(403, "QuotaExceeded", Map.of()));
        assertFalse(failure.isTemporary(), failure.getMessage());
        assertTrue(failure.getMessage().contains("quota"), failure.getMessage());
    }

    @Test
    void accessDeniedIsPermanentAndSaysWhatToCheck() throws Exception {
        ExportException failure = deliveryTo(answering(403, "AccessDenied", Map.of()));
        assertFalse(failure.isTemporary(), failure.getMessage());
        assertTrue(
                failure.getMessage()
                        .startsWith("destination 'reports-s3': access denied by S3 for bucket 'b'; check the "
                                + "credentials the host configured"),
                failure.getMessage());
    }

    @Test
    void aServerThatDoesNotAnswerWithinTheRequestTimeoutIsTemporary() throws Exception {
        URI endpoint = silent();
        try (S3Destination destination = S3Destination.builder("reports-s3")
                .bucket("b")
                .region("us-east-1")
                .endpoint(endpoint)
                .credentials("AKIDEXAMPLE", "s3cr3t")
                .requestTimeout(Duration.ofMillis(500))
                .build()) {
            ExportException failure = assertThrows(
                    ExportException.class,
                    () -> destination.deliver(
                            Deliveries.png(Map.of(), Instant.parse("2026-12-07T08:00:00Z"), new byte[] {1})));
            assertTrue(failure.isTemporary(), failure.getMessage());
            assertFalse(failure.getMessage().contains("s3cr3t"), failure.getMessage());
        }
    }

    @Test
    void nothingRefusedIsMistakenForAServerError() throws Exception {
        ExportException failure = deliveryTo(answering(400, "InvalidStorageClass", Map.of()));
        assertFalse(failure.isTemporary(), failure.getMessage());
        assertTrue(failure.getMessage().contains("InvalidStorageClass"), failure.getMessage());
    }
}

package dev.schedex.destination.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.spi.Delivered;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.ExportException;
import dev.schedex.testing.Deliveries;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookDestinationTest {

    static final byte[] SECRET = "0123456789abcdef0123456789abcdef-test".getBytes(StandardCharsets.UTF_8);
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant OCCURRENCE = Instant.parse("2026-12-01T01:00:00Z");
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3, 4};

    final LocalServer server = LocalServer.http();

    @AfterEach
    void stop() {
        server.close();
    }

    WebhookDestination.Builder local() {
        return WebhookDestination.builder("hooks")
                .allowedSchemes("http")
                .allowRange("127.0.0.1/32")
                .signingSecret(SECRET)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    Delivery png(Map<String, String> parameters) {
        return Deliveries.png(parameters, OCCURRENCE, PNG);
    }

    @Test
    void rawModePostsTheExportWithItsTypeHeadersAndAVerifiableSignature() throws Exception {
        Delivered delivered = local().build().deliver(png(Map.of("url", url("/hooks/in?token=s3cret"))));

        LocalServer.Received r = server.received.get(0);
        assertEquals("POST", r.method());
        assertEquals("/hooks/in", r.path());
        assertArrayEquals(PNG, r.body());
        assertEquals("image/png", r.header("Content-Type"));
        assertEquals(Deliveries.SCHEDULE + "-20261201T010000Z", r.header("Idempotency-Key"));
        assertEquals(Deliveries.SCHEDULE.toString(), r.header("Schedex-Schedule"));
        assertEquals("2026-12-01T01:00:00Z", r.header("Schedex-Occurrence"));
        assertTrue(Receiver.verify(SECRET, r.header("Schedex-Signature"), r.body(), NOW, Duration.ofMinutes(5)));
        assertEquals(url("/hooks/in") + " (HTTP 200)", delivered.location(), "no query string in the location");
    }

    @Test
    void theReceiversCheckRejectsATamperedBodyAnotherSecretAndAnOldSignature() throws Exception {
        local().build().deliver(png(Map.of("url", url("/in"))));
        LocalServer.Received r = server.received.get(0);
        String signature = r.header("Schedex-Signature");
        byte[] tampered = r.body().clone();
        tampered[tampered.length - 1] ^= 1;

        assertFalse(Receiver.verify(SECRET, signature, tampered, NOW, Duration.ofMinutes(5)));
        assertFalse(Receiver.verify(
                "another-secret-another-secret-xx".getBytes(StandardCharsets.UTF_8),
                signature,
                r.body(),
                NOW,
                Duration.ofMinutes(5)));
        assertFalse(
                Receiver.verify(SECRET, signature, r.body(), NOW.plus(Duration.ofMinutes(6)), Duration.ofMinutes(5)));
    }

    @Test
    void multipartModeSendsTheMetadataPartAndTheExportPart() throws Exception {
        local().build().deliver(png(Map.of("url", url("/in"), "mode", "multipart")));

        LocalServer.Received r = server.received.get(0);
        String type = r.header("Content-Type");
        assertTrue(type.startsWith("multipart/form-data; boundary="), type);
        String boundary = type.substring(type.indexOf('=') + 1);
        String body = new String(r.body(), StandardCharsets.ISO_8859_1);
        String[] parts = body.split("--" + boundary);
        assertEquals("--\r\n", parts[parts.length - 1]);
        String metadata = parts[1];
        assertTrue(metadata.contains("name=\"metadata\""), metadata);
        assertTrue(metadata.contains("\"idempotencyKey\":\"" + Deliveries.SCHEDULE + "-20261201T010000Z\""), metadata);
        assertTrue(metadata.contains("\"sha256\":\"" + Deliveries.sha256(PNG) + "\""), metadata);
        String file = parts[2];
        assertTrue(file.contains("name=\"file\"; filename=\"doc-1.png\""), file);
        assertTrue(file.contains("Content-Type: image/png"), file);
        byte[] fileBytes =
                file.substring(file.indexOf("\r\n\r\n") + 4, file.length() - 2).getBytes(StandardCharsets.ISO_8859_1);
        assertArrayEquals(PNG, fileBytes);
        assertTrue(Receiver.verify(SECRET, r.header("Schedex-Signature"), r.body(), NOW, Duration.ofMinutes(5)));
    }

    @Test
    void jsonModeSendsTheMetadataWithTheHostsLink() throws Exception {
        local().linkMaker(d -> Optional.of(
                        URI.create("https://files.example.com/" + d.context().idempotencyKey())))
                .build()
                .deliver(png(Map.of("url", url("/in"), "mode", "json")));

        LocalServer.Received r = server.received.get(0);
        assertEquals("application/json", r.header("Content-Type"));
        String json = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(
                json.contains("\"link\":\"https://files.example.com/" + Deliveries.SCHEDULE + "-20261201T010000Z\""),
                json);
        assertTrue(json.contains("\"mediaType\":\"image/png\""), json);
        assertTrue(json.contains("\"size\":" + PNG.length), json);
    }

    @Test
    void theIdempotencyKeyIsTheSameWhenTheOccurrenceIsDeliveredAgain() throws Exception {
        WebhookDestination hooks = local().build();
        hooks.deliver(png(Map.of("url", url("/in"))));
        hooks.deliver(png(Map.of("url", url("/in"))));
        hooks.deliver(Deliveries.png(Map.of("url", url("/in")), OCCURRENCE.plusSeconds(86_400), PNG));

        assertEquals(
                server.received.get(0).header("Idempotency-Key"),
                server.received.get(1).header("Idempotency-Key"));
        assertNotEquals(
                server.received.get(0).header("Idempotency-Key"),
                server.received.get(2).header("Idempotency-Key"));
    }

    @Test
    void tooManyRequestsIsTemporaryAndWaitsAsRetryAfterSays() {
        server.replies.add(new LocalServer.Reply(429, Map.of("Retry-After", "120"), new byte[0]));
        String date =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(90).atZone(ZoneOffset.UTC));
        server.replies.add(new LocalServer.Reply(429, Map.of("Retry-After", date), new byte[0]));
        WebhookDestination hooks = local().build();

        ExportException seconds =
                assertThrows(ExportException.class, () -> hooks.deliver(png(Map.of("url", url("/in")))));
        ExportException httpDate =
                assertThrows(ExportException.class, () -> hooks.deliver(png(Map.of("url", url("/in")))));

        assertTrue(seconds.isTemporary());
        assertEquals(Optional.of(Duration.ofSeconds(120)), seconds.retryAfter());
        assertEquals(Optional.of(Duration.ofSeconds(90)), httpDate.retryAfter());
    }

    @Test
    void aServerErrorIsTemporary() {
        server.replies.add(LocalServer.Reply.of(500, "boom"));
        ExportException e =
                assertThrows(ExportException.class, () -> local().build().deliver(png(Map.of("url", url("/in")))));
        assertTrue(e.isTemporary());
        assertTrue(e.getMessage().contains("500"), e.getMessage());
    }

    @Test
    void notFoundIsPermanentAndQuotesTheAnswersFirstBytesWithoutControlCharacters() {
        server.replies.add(LocalServer.Reply.of(404, "no such hook\r\n\u001b[31mred" + "x".repeat(5000)));
        ExportException e = assertThrows(
                ExportException.class, () -> local().build().deliver(png(Map.of("url", url("/in?key=s3cret")))));

        assertFalse(e.isTemporary());
        assertTrue(e.getMessage().contains("404: no such hook [31mred"), e.getMessage());
        assertFalse(e.getMessage().contains("\u001b") || e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertTrue(e.getMessage().length() < 400, e.getMessage());
        assertTrue(e.getMessage().contains("'hooks'"), e.getMessage());
    }

    @Test
    void aRedirectIsPermanentAndNotFollowed() {
        server.handler = r -> r.path().equals("/in")
                ? new LocalServer.Reply(302, Map.of("Location", url("/elsewhere")), new byte[0])
                : LocalServer.Reply.of(200, "followed");

        ExportException e =
                assertThrows(ExportException.class, () -> local().build().deliver(png(Map.of("url", url("/in")))));

        assertFalse(e.isTemporary());
        assertTrue(e.getMessage().contains("302") && e.getMessage().contains("redirect"), e.getMessage());
        assertEquals(1, server.received.size(), "the redirect's target was not asked");
    }

    @Test
    void aRefusedConnectionIsTemporary() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        ExportException e = assertThrows(
                ExportException.class,
                () -> local().build().deliver(png(Map.of("url", "http://127.0.0.1:" + closed + "/in"))));
        assertTrue(e.isTemporary(), e.getMessage());
    }

    @Test
    void aLongAnswerIsReadOnlyUpToTheBound() throws Exception {
        byte[] huge = new byte[1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        server.replies.add(new LocalServer.Reply(400, Map.of(), huge));
        ExportException e = assertThrows(
                ExportException.class, () -> local().answerLimit(1024).build().deliver(png(Map.of("url", url("/in")))));
        assertFalse(e.isTemporary());
        assertTrue(e.getMessage().contains("400: aaaa"), e.getMessage());
    }

    @Test
    void httpsWorksWithTheHostsTrustAndOnlyHttpsIsAllowedByDefault(@TempDir Path tmp) throws Exception {
        var context = SelfSigned.context(tmp);
        try (LocalServer tls = LocalServer.https(context)) {
            WebhookDestination hooks = WebhookDestination.builder("tls-hooks")
                    .allowRange("127.0.0.1/32")
                    .sslContext(context)
                    .signingSecret(SECRET)
                    .build();
            String https = "https://127.0.0.1:" + tls.port() + "/in";
            String http = "http://127.0.0.1:" + tls.port() + "/in";

            assertEquals(
                    https + " (HTTP 200)",
                    hooks.deliver(png(Map.of("url", https))).location());
            assertArrayEquals(PNG, tls.received.get(0).body());
            assertEquals(
                    "invalid_url", hooks.validate(Map.of("url", http)).get(0).code());
        }
    }

    @Test
    void toStringShowsNoSecret() {
        String text = local().build().toString();
        assertFalse(text.contains(new String(SECRET, StandardCharsets.UTF_8)), text);
    }
}

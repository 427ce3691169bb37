package dev.schedex.destination.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.Violation;
import dev.schedex.spi.ExportException;
import dev.schedex.testing.Deliveries;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An owner must not aim exports at the host's own network: the checks at validation and at delivery. */
class WebhookSsrfTest {

    static final Instant OCCURRENCE = Instant.parse("2026-12-01T01:00:00Z");

    final LocalServer server = LocalServer.http();

    @AfterEach
    void stop() {
        server.close();
    }

    static List<Violation> validate(WebhookDestination d, String url) {
        return d.validate(Map.of("url", url));
    }

    ExportException refusedAtDelivery(WebhookDestination d, String url) {
        return assertThrows(
                ExportException.class, () -> d.deliver(Deliveries.png(Map.of("url", url), OCCURRENCE, new byte[] {1})));
    }

    @Test
    void onlyHttpsIsAllowedByDefault() {
        WebhookDestination d = WebhookDestination.builder("hooks").build();
        List<Violation> v = validate(d, "http://example.com/in");
        assertEquals("invalid_url", v.get(0).code());
        assertTrue(v.get(0).message().contains("https://"), v.get(0).message());
        assertTrue(validate(d, "https://example.com/in").isEmpty());
        assertEquals("invalid_url", validate(d, "ftp://example.com/in").get(0).code());
        assertEquals("invalid_url", validate(d, "file:///etc/passwd").get(0).code());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1/in",
                "https://127.9.9.9/in",
                "https://10.1.2.3/in",
                "https://172.16.0.1/in",
                "https://192.168.1.1/in",
                "https://100.64.0.1/in",
                "https://169.254.169.254/latest/meta-data/",
                "https://0.0.0.0/in",
                "https://224.0.0.1/in",
                "https://[::1]/in",
                "https://[::]/in",
                "https://[fe80::1]/in",
                "https://[fc00::1]/in",
                "https://[fd00:ec2::254]/latest/meta-data/",
                "https://[::ffff:127.0.0.1]/in",
                "https://[::ffff:169.254.169.254]/in",
                "https://[::ffff:a9fe:a9fe]/in",
                "https://[0:0:0:0:0:ffff:7f00:1]/in",
                "https://[::127.0.0.1]/in",
                "https://[64:ff9b::a9fe:a9fe]/in",
                "https://[ff02::1]/in",
                "https://2130706433/in",
                "https://127.1/in",
                "https://0177.0.0.1/in"
            })
    void anIpLiteralOnTheHostsOwnNetworkIsRefusedAtValidation(String url) {
        List<Violation> v = validate(WebhookDestination.builder("hooks").build(), url);
        assertEquals(1, v.size(), url + " " + v);
        assertEquals("invalid_url", v.get(0).code());
    }

    @Test
    void theMetadataAddressIsNamedAsSuch() {
        List<Violation> v = validate(WebhookDestination.builder("hooks").build(), "https://169.254.169.254/");
        assertTrue(v.get(0).message().contains("cloud metadata"), v.get(0).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://203.0.113.7/in", "https://[2606:4700:4700::1111]/in", "https://8.8.8.8/in"})
    void aPublicIpLiteralIsAccepted(String url) {
        assertEquals(List.of(), validate(WebhookDestination.builder("hooks").build(), url));
    }

    @Test
    void userInfoFragmentsAndOverlongUrlsAreRefused() {
        WebhookDestination d = WebhookDestination.builder("hooks").build();
        assertEquals(
                "invalid_url",
                validate(d, "https://user:pw@example.com/in").get(0).code());
        assertEquals(
                "invalid_url", validate(d, "https://example.com/in#x").get(0).code());
        assertEquals(
                "invalid_url",
                validate(d, "https://example.com/" + "a".repeat(2100)).get(0).code());
        assertEquals("invalid_url", validate(d, "/relative").get(0).code());
        assertEquals("required", d.validate(Map.of()).get(0).code());
        assertEquals(
                "unknown_parameter",
                d.validate(Map.of("url", "https://example.com/", "x", "1"))
                        .get(0)
                        .code());
        assertEquals(
                "invalid_mode",
                d.validate(Map.of("url", "https://example.com/", "mode", "xml"))
                        .get(0)
                        .code());
    }

    @Test
    void loopbackLiteralIsAllowedWhenTheHostAllowsItsRange() throws Exception {
        WebhookDestination d = WebhookDestination.builder("hooks")
                .allowedSchemes("http")
                .allowRange("127.0.0.0/8")
                .build();
        String url = "http://127.0.0.1:" + server.port() + "/in";
        assertEquals(List.of(), validate(d, url));
        d.deliver(Deliveries.png(Map.of("url", url), OCCURRENCE, new byte[] {1}));
        assertEquals(1, server.received.size());
    }

    @Test
    void aHostNameResolvingToLoopbackIsRefusedAtDeliveryAndNothingIsSent() {
        WebhookDestination d =
                WebhookDestination.builder("hooks").allowedSchemes("http").build();
        String url = "http://localhost:" + server.port() + "/in";
        assertEquals(List.of(), validate(d, url), "a name is not resolved at validation");

        ExportException e = refusedAtDelivery(d, url);

        assertFalse(e.isTemporary());
        assertTrue(e.getMessage().contains("loopback"), e.getMessage());
        assertEquals(0, server.received.size(), "nothing reached the server");
    }

    @Test
    void aHostNameResolvingToLoopbackIsDeliveredWhenTheHostAllowsTheNameOrTheRange() throws Exception {
        String url = "http://localhost:" + server.port() + "/in";
        WebhookDestination byName = WebhookDestination.builder("hooks")
                .allowedSchemes("http")
                .allowHost("LocalHost")
                .build();
        WebhookDestination byRange = WebhookDestination.builder("hooks")
                .allowedSchemes("http")
                .allowRange("127.0.0.0/8")
                .allowRange("::1/128")
                .build();
        byName.deliver(Deliveries.png(Map.of("url", url), OCCURRENCE, new byte[] {1}));
        byRange.deliver(Deliveries.png(Map.of("url", url), OCCURRENCE, new byte[] {1}));
        assertEquals(2, server.received.size());
    }

    @Test
    void anAllowedRangeDoesNotOpenOtherRanges() {
        WebhookDestination d =
                WebhookDestination.builder("hooks").allowRange("10.0.0.0/8").build();
        assertEquals(List.of(), validate(d, "https://10.9.8.7/in"));
        assertEquals(
                "invalid_url", validate(d, "https://169.254.169.254/").get(0).code());
        assertEquals("invalid_url", validate(d, "https://127.0.0.1/").get(0).code());
    }

    @Test
    void deliveryValidatesTheParametersAgainBeforeSending() {
        WebhookDestination d =
                WebhookDestination.builder("hooks").allowedSchemes("http").build();
        ExportException e = refusedAtDelivery(d, "http://127.0.0.1:" + server.port() + "/in");
        assertFalse(e.isTemporary());
        assertEquals(0, server.received.size());
    }
}

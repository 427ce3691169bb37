package dev.schedex.destination.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.spi.Delivered;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.ExportException;
import dev.schedex.testing.Deliveries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackDestinationTest {

    static final Instant OCCURRENCE = Instant.parse("2026-12-01T01:00:00Z");
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 9, 8, 7};

    final FakeSlack slack = new FakeSlack();

    @AfterEach
    void stop() {
        slack.close();
    }

    SlackDestination.Builder destination() {
        return SlackDestination.builder("team-slack")
                .botToken(FakeSlack.TOKEN)
                .baseUrl(slack.api())
                .allowChannel("C0REPORTS", "reports")
                .allowChannel("C0GONE", "gone");
    }

    Delivery png(Map<String, String> parameters) {
        return Deliveries.png(parameters, OCCURRENCE, PNG);
    }

    @Test
    void uploadsThroughTheExternalFlowToTheChosenChannel() throws Exception {
        Delivered delivered = destination()
                .build()
                .deliver(png(Map.of(
                        "channel", "#reports",
                        "comment", "{title} for {date}",
                        "filename", "{name} {date}.{ext}")));

        assertEquals("slack file F1001 in C0REPORTS", delivered.location());
        assertArrayEquals(PNG, slack.uploaded.get("F1001"), "the bytes Slack holds are the export");
        Map<String, String> completed = slack.completed.get("F1001");
        assertEquals("C0REPORTS", completed.get("channel_id"));
        assertEquals("A title for 2026-12-01", completed.get("initial_comment"));
        assertTrue(
                completed.get("files").contains("\"title\":\"A title (2026-12-01T01:00:00Z)\""),
                completed.get("files"));
        LocalServer.Received ticket = slack.server.received.get(0);
        assertEquals("/api/files.getUploadURLExternal", ticket.path());
        assertEquals(
                "Nightly export 2026-12-01.png", FakeSlack.form(ticket.body()).get("filename"));
        assertEquals(Integer.toString(PNG.length), FakeSlack.form(ticket.body()).get("length"));
        assertTrue(
                slack.server.received.stream().noneMatch(r -> r.path().contains("files.upload")),
                "never the retired call");
    }

    @Test
    void theChannelMustBeOneTheHostAllows() {
        SlackDestination d = destination().build();
        assertEquals(List.of(), d.validate(Map.of("channel", "C0REPORTS")));
        assertEquals(List.of(), d.validate(Map.of("channel", "Reports")));
        assertEquals(
                "not_allowed", d.validate(Map.of("channel", "#random")).get(0).code());
        assertEquals("required", d.validate(Map.of()).get(0).code());
        assertEquals(
                "unknown_placeholder",
                d.validate(Map.of("channel", "reports", "comment", "{nope}"))
                        .get(0)
                        .code());
        assertEquals(
                "unknown_parameter",
                d.validate(Map.of("channel", "reports", "x", "y")).get(0).code());
    }

    @Test
    void aWrongTokenIsPermanentAndSaysSo() {
        SlackDestination d = SlackDestination.builder("team-slack")
                .botToken("xoxb-wrong")
                .baseUrl(slack.api())
                .allowChannel("C0REPORTS")
                .build();
        ExportException e = assertThrows(ExportException.class, () -> d.deliver(png(Map.of("channel", "C0REPORTS"))));
        assertFalse(e.isTemporary());
        assertTrue(e.getMessage().contains("invalid_auth"), e.getMessage());
        assertFalse(e.getMessage().contains("xoxb-wrong"), e.getMessage());
    }

    @Test
    void rateLimitingIsTemporaryWithSlacksWait() {
        slack.rateLimitCalls = 1;
        ExportException e = assertThrows(
                ExportException.class, () -> destination().build().deliver(png(Map.of("channel", "reports"))));
        assertTrue(e.isTemporary());
        assertEquals(Optional.of(Duration.ofSeconds(30)), e.retryAfter());
    }

    @Test
    void aChannelSlackDoesNotKnowIsPermanent() {
        ExportException e = assertThrows(
                ExportException.class, () -> destination().build().deliver(png(Map.of("channel", "gone"))));
        assertFalse(e.isTemporary());
        assertTrue(e.getMessage().contains("channel_not_found"), e.getMessage());
    }

    @Test
    void slacksOtherErrorsArePermanentWithTheirCodeAndItsTransientOnesTemporary() {
        slack.failWith = "not_in_channel";
        ExportException notIn = assertThrows(
                ExportException.class, () -> destination().build().deliver(png(Map.of("channel", "reports"))));
        slack.failWith = "invalid_arguments";
        ExportException other = assertThrows(
                ExportException.class, () -> destination().build().deliver(png(Map.of("channel", "reports"))));
        slack.failWith = "internal_error";
        ExportException internal = assertThrows(
                ExportException.class, () -> destination().build().deliver(png(Map.of("channel", "reports"))));

        assertFalse(notIn.isTemporary());
        assertTrue(notIn.getMessage().contains("invite"), notIn.getMessage());
        assertFalse(other.isTemporary());
        assertTrue(other.getMessage().contains("invalid_arguments"), other.getMessage());
        assertTrue(internal.isTemporary());
    }

    @Test
    void anUploadAddressOffTheApiHostMustPassTheAddressCheckAndGetsNoToken() {
        slack.uploadUrl = id -> "https://169.254.169.254/upload/" + id;
        ExportException metadata = assertThrows(
                ExportException.class, () -> destination().build().deliver(png(Map.of("channel", "reports"))));
        slack.uploadUrl = id -> "http://files.example.com/upload/" + id;
        ExportException plain = assertThrows(
                ExportException.class, () -> destination().build().deliver(png(Map.of("channel", "reports"))));
        slack.uploadUrl = id -> "https://localhost:" + slack.server.port() + "/upload/" + id;
        ExportException loopbackByName = assertThrows(
                ExportException.class, () -> destination().build().deliver(png(Map.of("channel", "reports"))));

        assertFalse(metadata.isTemporary());
        assertTrue(metadata.getMessage().contains("cloud metadata"), metadata.getMessage());
        assertTrue(plain.getMessage().contains("not https"), plain.getMessage());
        assertTrue(loopbackByName.getMessage().contains("loopback"), loopbackByName.getMessage());
        assertTrue(slack.uploaded.isEmpty());
        assertTrue(slack.server.received.stream()
                .filter(r -> r.path().startsWith("/upload"))
                .findAny()
                .isEmpty());
    }

    @Test
    void theUploadCarriesNoTokenAndMessagesNoUploadSignature() {
        slack.uploadUrl = id -> slack.base() + "upload/not-announced?sig=upload-secret";
        ExportException e = assertThrows(
                ExportException.class, () -> destination().build().deliver(png(Map.of("channel", "reports"))));
        assertFalse(e.getMessage().contains("upload-secret"), e.getMessage());
        assertTrue(e.getMessage().contains("404"), e.getMessage());
        LocalServer.Received upload = slack.server.received.get(1);
        assertEquals(null, upload.header("Authorization"));
    }

    @Test
    void toStringShowsNoToken() {
        assertFalse(destination().build().toString().contains(FakeSlack.TOKEN));
    }
}

package dev.schedex.destination.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.spi.Delivered;
import dev.schedex.testing.Deliveries;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Posts a small text file to a real workspace: give a bot token with files:write in
 * SCHEDEX_SLACK_TOKEN and a channel id the bot is in in SCHEDEX_SLACK_CHANNEL.
 */
@EnabledIfEnvironmentVariable(named = "SCHEDEX_SLACK_TOKEN", matches = ".+")
@EnabledIfEnvironmentVariable(named = "SCHEDEX_SLACK_CHANNEL", matches = ".+")
class SlackLiveTest {

    @Test
    void postsAFileToARealChannel() throws Exception {
        String channel = System.getenv("SCHEDEX_SLACK_CHANNEL");
        SlackDestination slack = SlackDestination.builder("live-slack")
                .botToken(System.getenv("SCHEDEX_SLACK_TOKEN"))
                .allowChannel(channel)
                .build();
        Delivered delivered = slack.deliver(Deliveries.of(
                Map.of(
                        "channel",
                        channel,
                        "comment",
                        "schedex live test {date} {time}",
                        "filename",
                        "schedex-{date}.txt"),
                Deliveries.SCHEDULE,
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                "txt",
                "text/plain",
                "hello from schedex\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(delivered.location().startsWith("slack file F"), delivered.location());
    }
}

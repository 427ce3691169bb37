package dev.schedex.destination.http;

import dev.schedex.spi.ExportException;
import dev.schedex.testing.Deliveries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Run in a JVM of its own by {@link DnsRebindingTest}, with {@code -Djdk.net.hosts.file} standing in
 * for a DNS server the attacker controls: {@code rebind.test} first answers a public address, then
 * 127.0.0.1. Prints what each delivery did and how many requests reached the loopback server.
 */
public final class RebindingProbe {

    private RebindingProbe() {}

    public static void main(String[] args) throws Exception {
        Path hosts = Path.of(System.getProperty("jdk.net.hosts.file"));
        try (LocalServer server = LocalServer.http()) {
            WebhookDestination hooks = WebhookDestination.builder("hooks")
                    .allowedSchemes("http")
                    .connectTimeout(Duration.ofSeconds(1))
                    .requestTimeout(Duration.ofSeconds(3))
                    .build();
            Map<String, String> parameters = Map.of("url", "http://rebind.test:" + server.port() + "/in");
            Files.writeString(hosts, "203.0.113.7 rebind.test\n");
            System.out.println("FIRST " + attempt(hooks, parameters));
            Files.writeString(hosts, "127.0.0.1 rebind.test\n");
            System.out.println("SECOND " + attempt(hooks, parameters));
            System.out.println("REACHED " + server.received.size());
        }
    }

    private static String attempt(WebhookDestination hooks, Map<String, String> parameters) {
        try {
            return "delivered "
                    + hooks.deliver(Deliveries.png(parameters, Instant.parse("2026-12-01T01:00:00Z"), new byte[] {1}))
                            .location();
        } catch (ExportException e) {
            return (e.isTemporary() ? "temporary " : "permanent ") + e.getMessage();
        } catch (Exception e) {
            return "other " + e;
        }
    }
}

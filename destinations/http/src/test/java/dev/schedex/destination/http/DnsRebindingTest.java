package dev.schedex.destination.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What docs/destinations/webhooks.md says of DNS rebinding: the client connects to the answer the
 * check saw (the JVM's look-up cache), and without the cache the check sees the new answer. A name
 * that turns into 127.0.0.1 after the check never reaches loopback either way.
 */
class DnsRebindingTest {

    static List<String> probe(Path folder, String... jvmOptions) throws Exception {
        Path hosts = folder.resolve("hosts");
        Files.writeString(hosts, "");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djdk.net.hosts.file=" + hosts);
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RebindingProbe.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), output);
        return output.lines()
                .filter(l -> l.matches("(FIRST|SECOND|REACHED) .*"))
                .toList();
    }

    @Test
    void withTheLookUpCacheTheClientConnectsToTheAddressTheCheckSaw(@TempDir Path folder) throws Exception {
        List<String> lines = probe(folder);

        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("FIRST temporary"), lines.get(0)); // 203.0.113.7 is never reached
        assertTrue(lines.get(1).startsWith("SECOND temporary"), lines.get(1)); // still the cached 203.0.113.7
        assertEquals("REACHED 0", lines.get(2));
    }

    @Test
    void withoutTheCacheTheCheckSeesTheNewAnswerAndRefusesIt(@TempDir Path folder) throws Exception {
        List<String> lines = probe(folder, "-Dsun.net.inetaddr.ttl=0");

        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("FIRST temporary"), lines.get(0));
        assertTrue(lines.get(1).startsWith("SECOND permanent") && lines.get(1).contains("loopback"), lines.get(1));
        assertEquals("REACHED 0", lines.get(2));
    }
}

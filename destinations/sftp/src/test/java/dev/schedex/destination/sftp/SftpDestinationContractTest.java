package dev.schedex.destination.sftp;

import dev.schedex.spi.ExportDestination;
import dev.schedex.testing.StorageDestinationContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage contract against a real SFTP server: key authentication, the host key verified
 * against a known_hosts file, the root {@code /exports} on the server. Leftover temporary files
 * would show among the exports and fail the contract's counts.
 */
class SftpDestinationContractTest extends StorageDestinationContract {

    @TempDir
    Path serverFolder;

    @TempDir
    Path clientFolder;

    private @Nullable TestSftpServer server;
    private @Nullable SftpDestination made;

    @BeforeEach
    void startServer() throws Exception {
        server = new TestSftpServer(serverFolder);
        Files.createDirectories(serverFolder.resolve("exports"));
    }

    @AfterEach
    void stop() throws Exception {
        if (made != null) {
            made.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected ExportDestination newDestination() throws Exception {
        TestSftpServer s = java.util.Objects.requireNonNull(server);
        Path knownHosts = clientFolder.resolve("known_hosts");
        Files.writeString(knownHosts, s.knownHostsLine() + "\n");
        made = SftpDestination.builder("reports-sftp")
                .host("127.0.0.1")
                .port(s.port())
                .username(TestSftpServer.KEY_USER)
                .privateKey(s.clientKey)
                .knownHosts(knownHosts)
                .root("/exports")
                .build();
        return made;
    }

    @Override
    protected Map<String, byte[]> exports() throws Exception {
        TestSftpServer s = java.util.Objects.requireNonNull(server);
        Map<String, byte[]> exports = new LinkedHashMap<>();
        for (String file : s.files()) {
            if (file.startsWith("exports/") && !file.startsWith("exports/.schedex/")) {
                exports.put(file.substring("exports/".length()), Files.readAllBytes(serverFolder.resolve(file)));
            } else if (!file.startsWith("exports/.schedex/")) {
                throw new AssertionError("a file outside the root: " + file);
            }
        }
        return exports;
    }

    @Override
    protected Set<String> secrets() {
        TestSftpServer s = java.util.Objects.requireNonNull(server);
        return Set.of(java.util.Base64.getEncoder()
                .encodeToString(s.clientKey.getPrivate().getEncoded())
                .substring(0, 40));
    }
}

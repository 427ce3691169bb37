package dev.schedex.destination.sftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.destination.sftp.internal.HostKeyCheck;
import dev.schedex.spi.Delivered;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.ExportException;
import dev.schedex.testing.Deliveries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the contract does not cover: authentication, host key checks, failures and their classes. */
class SftpDestinationTest {

    private static final Instant T0 = Instant.parse("2026-03-29T01:30:00Z");
    private static final String FINAL = "exports/doc-1/2026-03-29_03-30-00.png";

    @TempDir
    Path serverFolder;

    @TempDir
    Path clientFolder;

    private @Nullable TestSftpServer server;
    private @Nullable SftpDestination destination;

    @BeforeEach
    void startServer() throws Exception {
        server = new TestSftpServer(serverFolder);
        Files.createDirectories(serverFolder.resolve("exports"));
    }

    @AfterEach
    void stop() throws Exception {
        if (destination != null) {
            destination.close();
        }
        server().close();
    }

    private TestSftpServer server() {
        return Objects.requireNonNull(server);
    }

    private SftpDestination.Builder keyUser() {
        return SftpDestination.builder("reports-sftp")
                .host("127.0.0.1")
                .port(server().port())
                .username(TestSftpServer.KEY_USER)
                .privateKey(server().clientKey)
                .root("/exports");
    }

    private SftpDestination.Builder passwordUser(String password) {
        return SftpDestination.builder("reports-sftp")
                .host("127.0.0.1")
                .port(server().port())
                .username(TestSftpServer.PASSWORD_USER)
                .password(password)
                .root("/exports");
    }

    private SftpDestination use(SftpDestination.Builder builder) {
        destination = builder.build();
        return destination;
    }

    private static Delivery png(byte[] content) {
        return Deliveries.png(Map.of(), T0, content);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void passwordAuthenticationWithAPinnedFingerprintDeliversAndLeavesNoTemporaryFile() throws Exception {
        SftpDestination d = use(passwordUser(TestSftpServer.PASSWORD)
                .hostKeyFingerprint(HostKeyCheck.fingerprint(server().hostKey.getPublic())));
        Delivered delivered = d.deliver(png(utf8("by password")));
        assertEquals("doc-1/2026-03-29_03-30-00.png", delivered.location());
        assertEquals(List.of(FINAL), server().files());
        assertArrayEquals(utf8("by password"), Files.readAllBytes(serverFolder.resolve(FINAL)));
    }

    @Test
    void aHostKeyThatDoesNotMatchIsAPermanentFailureAndWritesNothing() throws Exception {
        SftpDestination d = use(keyUser().hostKey(TestSftpServer.ecKey().getPublic()));
        ExportException refused = assertThrows(ExportException.class, () -> d.deliver(png(utf8("x"))));
        assertFalse(refused.isTemporary(), "a wrong host key is permanent");
        assertTrue(
                refused.getMessage().contains("the server's host key does not match the one configured"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("'reports-sftp'"), refused.getMessage());
        assertEquals(List.of(), server().files());
    }

    @Test
    void aHostMissingFromKnownHostsIsRefused() throws Exception {
        Path knownHosts = clientFolder.resolve("known_hosts");
        // the right key, but for another port: another server as far as known_hosts goes
        Files.writeString(knownHosts, server().knownHostsLine().replace(":" + server().port() + " ", ":2222 ") + "\n");
        SftpDestination d = use(keyUser().knownHosts(knownHosts));
        ExportException refused = assertThrows(ExportException.class, () -> d.deliver(png(utf8("x"))));
        assertFalse(refused.isTemporary());
        assertTrue(refused.getMessage().contains("host key does not match"), refused.getMessage());
        assertEquals(List.of(), server().files());
    }

    @Test
    void aMissingKnownHostsFileRefusesTheServer() throws Exception {
        SftpDestination d = use(keyUser().knownHosts(clientFolder.resolve("no_such_known_hosts")));
        ExportException refused = assertThrows(ExportException.class, () -> d.deliver(png(utf8("x"))));
        assertFalse(refused.isTemporary());
        assertTrue(refused.getMessage().contains("host key does not match"), refused.getMessage());
        assertEquals(List.of(), server().files());
    }

    @Test
    void aChangedKeyInKnownHostsIsRefused() throws Exception {
        Path knownHosts = clientFolder.resolve("known_hosts");
        StringBuilder line = new StringBuilder("[127.0.0.1]:" + server().port() + " ");
        org.apache.sshd.common.config.keys.PublicKeyEntry.appendPublicKeyEntry(
                line, TestSftpServer.ecKey().getPublic());
        Files.writeString(knownHosts, line + "\n");
        SftpDestination d = use(keyUser().knownHosts(knownHosts));
        ExportException refused = assertThrows(ExportException.class, () -> d.deliver(png(utf8("x"))));
        assertFalse(refused.isTemporary());
        assertTrue(refused.getMessage().contains("host key does not match"), refused.getMessage());
        assertEquals(List.of(), server().files());
        assertEquals(line + "\n", Files.readString(knownHosts), "known_hosts is never written");
    }

    @Test
    void aWrongPasswordIsPermanentAndTheMessageDoesNotShowIt() throws Exception {
        SftpDestination d =
                use(passwordUser("not-the-password").hostKey(server().hostKey.getPublic()));
        ExportException refused = assertThrows(ExportException.class, () -> d.deliver(png(utf8("x"))));
        assertFalse(refused.isTemporary(), "refused credentials are permanent");
        assertTrue(refused.getMessage().contains("refused the user name and credentials"), refused.getMessage());
        assertFalse(refused.getMessage().contains("not-the-password"));
        assertFalse(d.toString().contains("not-the-password"));
        assertEquals(List.of(), server().files());
    }

    @Test
    void aMissingRootFolderIsPermanent() throws Exception {
        SftpDestination d =
                use(keyUser().root("/nowhere").hostKey(server().hostKey.getPublic()));
        ExportException refused = assertThrows(ExportException.class, () -> d.deliver(png(utf8("x"))));
        assertFalse(refused.isTemporary());
        assertTrue(refused.getMessage().contains("root folder does not exist"), refused.getMessage());
    }

    @Test
    void permissionDeniedIsPermanentAndLeavesNothing() throws Exception {
        server().listen(new SftpEventListener() {
            @Override
            public void opening(ServerSession session, String remoteHandle, Handle localHandle) throws IOException {
                throw new AccessDeniedException(localHandle.getFile().toString());
            }
        });
        SftpDestination d = use(keyUser().hostKey(server().hostKey.getPublic()));
        ExportException refused = assertThrows(ExportException.class, () -> d.deliver(png(utf8("x"))));
        assertFalse(refused.isTemporary(), "permission denied is permanent");
        assertTrue(refused.getMessage().contains("denied permission"), refused.getMessage());
        assertEquals(List.of(), server().files());
    }

    @Test
    void aRefusedConnectionIsTemporary() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SftpDestination d =
                use(keyUser().port(closedPort).hostKey(server().hostKey.getPublic()));
        ExportException failed = assertThrows(ExportException.class, () -> d.deliver(png(utf8("x"))));
        assertTrue(failed.isTemporary(), failed.getMessage());
    }

    @Test
    void aFailedUploadIsRemovedAndNothingAppearsUnderTheFinalName() throws Exception {
        AtomicBoolean fail = new AtomicBoolean(true);
        server().listen(new SftpEventListener() {
            @Override
            public void writing(
                    ServerSession session,
                    String remoteHandle,
                    FileHandle localHandle,
                    long offset,
                    byte[] data,
                    int dataOffset,
                    int dataLen)
                    throws IOException {
                if (fail.get() && offset > 0) {
                    throw new IOException("the disk is on fire");
                }
            }
        });
        SftpDestination d = use(keyUser().hostKey(server().hostKey.getPublic()));
        ExportException failed = assertThrows(ExportException.class, () -> d.deliver(png(new byte[3 * 1024 * 1024])));
        assertTrue(failed.isTemporary(), failed.getMessage());
        assertEquals(List.of(), server().files(), "the temporary file is removed");
        fail.set(false);
        d.deliver(png(utf8("after the fire")));
        assertEquals(List.of(FINAL), server().files());
    }

    @Test
    void aServerStoppedDuringALargeUploadIsTemporaryAndNothingIsUnderTheFinalName() throws Exception {
        CountDownLatch uploading = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // the server's first write waits until the server has been stopped, so the upload is
        // certainly in flight when the connection goes
        server().listen(new SftpEventListener() {
            @Override
            public void writing(
                    ServerSession session,
                    String remoteHandle,
                    FileHandle localHandle,
                    long offset,
                    byte[] data,
                    int dataOffset,
                    int dataLen)
                    throws IOException {
                uploading.countDown();
                try {
                    stopped.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("stopped");
                }
            }
        });
        SftpDestination d = use(keyUser().hostKey(server().hostKey.getPublic()));
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Delivered> delivery = executor.submit(() -> d.deliver(png(new byte[32 * 1024 * 1024])));
            assertTrue(uploading.await(20, TimeUnit.SECONDS), "the upload started");
            server().stop();
            stopped.countDown();
            ExecutionException failed =
                    assertThrows(ExecutionException.class, () -> delivery.get(60, TimeUnit.SECONDS));
            ExportException export = assertInstanceOf(ExportException.class, failed.getCause());
            assertTrue(export.isTemporary(), export.getMessage());
        } finally {
            stopped.countDown();
            executor.shutdownNow();
        }
        assertFalse(Files.exists(serverFolder.resolve(FINAL)), "nothing under the final name");
        for (String file : server().files()) {
            assertTrue(file.matches("exports/doc-1/\\.schedex-[0-9a-f-]{36}\\.tmp"), file);
        }
    }

    @Test
    void anEncryptedOpenSshKeyAuthenticates() throws Exception {
        OpenSSHKeyEncryptionContext encryption = new OpenSSHKeyEncryptionContext();
        encryption.setCipherName("AES");
        encryption.setCipherType("256");
        encryption.setPassword("key passphrase");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(server().clientKey, "test", encryption, text);
        assertTrue(TestSftpServer.utf8(text).contains("BEGIN OPENSSH PRIVATE KEY"));
        SftpDestination d = use(SftpDestination.builder("reports-sftp")
                .host("127.0.0.1")
                .port(server().port())
                .username(TestSftpServer.KEY_USER)
                .privateKey(TestSftpServer.utf8(text), "key passphrase")
                .hostKey(org.apache.sshd.common.config.keys.PublicKeyEntry.toString(
                        server().hostKey.getPublic()))
                .root("/exports"));
        d.deliver(png(utf8("by key")));
        assertEquals(List.of(FINAL), server().files());
        assertThrows(
                IllegalArgumentException.class,
                () -> SftpDestination.builder("x").privateKey(TestSftpServer.utf8(text), "wrong passphrase"));
    }

    @Test
    void aPemRsaKeyFileAuthenticates() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair rsa = generator.generateKeyPair();
        server().close();
        server = new TestSftpServer(serverFolder, server().hostKey, rsa);
        Path keyFile = clientFolder.resolve("id_rsa");
        Files.writeString(
                keyFile,
                "-----BEGIN PRIVATE KEY-----\n"
                        + java.util.Base64.getMimeEncoder()
                                .encodeToString(rsa.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
        SftpDestination d = use(SftpDestination.builder("reports-sftp")
                .host("127.0.0.1")
                .port(server().port())
                .username(TestSftpServer.KEY_USER)
                .privateKeyFile(keyFile)
                .hostKey(server().hostKey.getPublic())
                .root("/exports"));
        d.deliver(png(utf8("by PEM")));
        assertEquals(List.of(FINAL), server().files());
    }

    @Test
    void aLinkOutOfTheRootIsNotFollowed() throws Exception {
        Files.createDirectories(serverFolder.resolve("elsewhere"));
        Files.createSymbolicLink(serverFolder.resolve("exports/doc-1"), serverFolder.resolve("elsewhere"));
        SftpDestination d = use(keyUser().hostKey(server().hostKey.getPublic()));
        ExportException refused = assertThrows(ExportException.class, () -> d.deliver(png(utf8("x"))));
        assertFalse(refused.isTemporary());
        assertTrue(refused.getMessage().contains("link that leads out of the root"), refused.getMessage());
        assertEquals(List.of(), server().files());
    }

    /** Records the renames and removals the server is asked for, by file name. */
    private static final class Operations implements SftpEventListener {
        final List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void moving(
                ServerSession session, Path from, Path to, java.util.Collection<java.nio.file.CopyOption> o) {
            seen.add("rename " + (from.getFileName().toString().endsWith(".tmp") ? "tmp" : from.getFileName()) + " "
                    + to.getFileName());
        }

        @Override
        public void removing(ServerSession session, Path path, boolean isDirectory) {
            seen.add("remove " + path.getFileName());
        }
    }

    @Test
    void aServerWithPosixRenameReplacesTheFileInOneStep() throws Exception {
        Operations operations = new Operations();
        server().listen(operations);
        SftpDestination d = use(keyUser().hostKey(server().hostKey.getPublic()));
        d.deliver(png(utf8("first")));
        d.deliver(png(utf8("second")));
        assertEquals(
                List.of("rename tmp 2026-03-29_03-30-00.png", "rename tmp 2026-03-29_03-30-00.png"), operations.seen);
        assertEquals(List.of(FINAL), server().files());
        assertArrayEquals(utf8("second"), Files.readAllBytes(serverFolder.resolve(FINAL)));
    }

    @Test
    void anSftp3ServerWithoutPosixRenameGetsRemoveThenRename() throws Exception {
        server().speakSftp3WithoutPosixRename();
        Operations operations = new Operations();
        server().listen(operations);
        SftpDestination d = use(keyUser().hostKey(server().hostKey.getPublic()));
        d.deliver(png(utf8("first")));
        d.deliver(png(utf8("second")));
        assertEquals(
                List.of(
                        "rename tmp 2026-03-29_03-30-00.png",
                        "remove 2026-03-29_03-30-00.png",
                        "rename tmp 2026-03-29_03-30-00.png"),
                operations.seen);
        assertEquals(List.of(FINAL), server().files());
        assertArrayEquals(utf8("second"), Files.readAllBytes(serverFolder.resolve(FINAL)));
    }

    @Test
    void theHostMustSayHowToVerifyTheServer() {
        SftpDestination.Builder unverified = SftpDestination.builder("reports-sftp")
                .host("127.0.0.1")
                .username("u")
                .password("p");
        IllegalStateException e = assertThrows(IllegalStateException.class, unverified::build);
        assertTrue(e.getMessage().contains("verify the server's host key"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> SftpDestination.builder("x").hostKeyFingerprint("abc"));
    }
}

package dev.schedex.destination.dropbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dropbox.core.oauth.DbxCredential;
import dev.schedex.destination.dropbox.internal.ContentHash;
import dev.schedex.spi.Delivered;
import dev.schedex.spi.ExportDestination;
import dev.schedex.spi.ExportException;
import dev.schedex.testing.Deliveries;
import dev.schedex.testing.StorageDestinationContract;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Dropbox destination through the official SDK against {@link FakeDropbox}, a TLS server on
 * 127.0.0.1 that implements and checks the slice of Dropbox's API the destination uses.
 */
class DropboxDestinationTest extends StorageDestinationContract {

    private static final String ROOT = "/Apps/reports";
    private static final String TOKEN = "sl.test-token-" + UUID.randomUUID();
    /** Small, so that the contract's large export goes through an upload session of several calls. */
    private static final int THRESHOLD = 1024 * 1024;

    private static final int CHUNK = 2 * 1024 * 1024 + 5;

    @TempDir
    static Path work;

    private static FakeDropbox dropbox;

    @BeforeAll
    static void start() throws Exception {
        dropbox = new FakeDropbox(work);
    }

    @AfterAll
    static void stop() {
        dropbox.close();
    }

    private static DropboxDestination.Builder configured() {
        return DropboxDestination.builder("team-dropbox")
                .rootFolder(ROOT)
                .host(dropbox.host())
                .proxy(dropbox.proxy())
                .sslSocketFactory(dropbox.sslSocketFactory())
                .clientIdentifier("schedex-tests")
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10))
                .sessionThresholdBytes(THRESHOLD)
                .chunkBytes(CHUNK);
    }

    @Override
    protected ExportDestination newDestination() {
        dropbox.reset(TOKEN);
        return configured().accessToken(TOKEN).build();
    }

    @Override
    protected Map<String, byte[]> exports() {
        Map<String, byte[]> exports = new LinkedHashMap<>();
        dropbox.files().forEach((path, bytes) -> {
            if (path.startsWith(ROOT + "/") && !path.startsWith(ROOT + "/.schedex/")) {
                exports.put(path, bytes);
            }
        });
        return exports;
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(TOKEN);
    }

    private ExportException refused(String content) throws Exception {
        ExportDestination d = destination();
        return assertThrows(
                ExportException.class,
                () -> d.deliver(Deliveries.png(Map.of(), T0, content.getBytes(StandardCharsets.UTF_8))));
    }

    private static void assertNamesDestinationNotToken(ExportException e) {
        assertTrue(e.getMessage().contains("Dropbox destination 'team-dropbox'"), e::getMessage);
        assertFalse(e.getMessage().contains(TOKEN), e::getMessage);
    }

    private static List<String> routes() {
        return dropbox.requests().stream().map(FakeDropbox.Request::route).toList();
    }

    @Test
    void aSmallExportIsOneOverwritingUploadThatCarriesItsContentHash() throws Exception {
        byte[] content = "a small png".getBytes(StandardCharsets.UTF_8);
        Delivered delivered = destination().deliver(Deliveries.png(Map.of(), T0, content));
        assertEquals(ROOT + "/doc-1/2026-03-29_03-30-00.png", delivered.location());
        FakeDropbox.Request upload = dropbox.requests().get(0);
        assertEquals("/2/files/upload", upload.route());
        assertEquals(delivered.location(), upload.arg().get("path"));
        assertEquals("overwrite", upload.arg().get("mode"));
        assertEquals(ContentHash.of(content), upload.arg().get("content_hash"));
    }

    @Test
    void aLargeExportGoesThroughAnUploadSessionFinishedInOverwriteMode() throws Exception {
        byte[] large = new byte[3 * CHUNK + 98];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 7 + (i >>> 13));
        }
        Delivered first = destination().deliver(Deliveries.png(Map.of(), T0, large));
        large[0] ^= 1;
        Delivered again = destination().deliver(Deliveries.png(Map.of(), T0, large));
        assertEquals(first.location(), again.location());
        assertArrayEquals(large, exports().get(again.location()));
        List<String> routes = routes();
        assertEquals(
                List.of(
                        "/2/files/upload_session/start",
                        "/2/files/upload_session/append_v2",
                        "/2/files/upload_session/append_v2",
                        "/2/files/upload_session/finish"),
                routes.subList(0, 4));
        FakeDropbox.Request finish = dropbox.requests().get(3);
        @SuppressWarnings("unchecked")
        Map<String, Object> commit = (Map<String, Object>) finish.arg().get("commit");
        assertEquals("overwrite", commit.get("mode"));
        assertEquals(first.location(), commit.get("path"));
        assertFalse(routes.contains("/2/files/upload"), () -> "routes " + routes);
    }

    @Test
    void aTokenDropboxRefusesIsPermanentAndNamesTheDestinationButNotTheToken() throws Exception {
        destination();
        dropbox.reset("another-token");
        ExportException e = refused("x");
        assertFalse(e.isTemporary());
        assertNamesDestinationNotToken(e);
        assertTrue(e.getMessage().contains("access token"), e::getMessage);
        assertTrue(dropbox.files().isEmpty());
    }

    @Test
    void throttlingIsTemporaryWithDropboxsWait() throws Exception {
        destination();
        dropbox.answerNext(
                429,
                Map.of("Retry-After", "7", "Content-Type", "application/json"),
                "{\"error_summary\": \"too_many_requests/..\", \"error\": {\"reason\": {\".tag\": "
                        + "\"too_many_requests\"}, \"retry_after\": 7}}");
        ExportException e = refused("x");
        assertTrue(e.isTemporary());
        assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
        assertNamesDestinationNotToken(e);
    }

    @Test
    void aServerErrorIsTemporary() throws Exception {
        destination();
        dropbox.answerNext(500, Map.of("Content-Type", "text/plain"), "Internal Server Error");
        ExportException e = refused("x");
        assertTrue(e.isTemporary());
        assertNamesDestinationNotToken(e);
        // and the next attempt, which the retry policy makes, delivers
        destination().deliver(Deliveries.png(Map.of(), T0, "x".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, exports().size());
    }

    @Test
    void anUnavailableServerIsTemporaryWithItsWait() throws Exception {
        destination();
        dropbox.answerNext(503, Map.of("Retry-After", "3", "Content-Type", "text/plain"), "Service Unavailable");
        ExportException e = refused("x");
        assertTrue(e.isTemporary());
        assertEquals(Duration.ofSeconds(3), e.retryAfter().orElseThrow());
    }

    @Test
    void aBadGatewayIsTemporary() throws Exception {
        destination();
        dropbox.answerNext(502, Map.of("Content-Type", "text/plain"), "Bad Gateway");
        assertTrue(refused("x").isTemporary());
    }

    @Test
    void bytesDamagedOnTheWayAreRefusedByTheServerAndTheFailureIsTemporary() throws Exception {
        destination();
        dropbox.damageUploads();
        ExportException e = refused("bytes that will not arrive as sent");
        assertTrue(e.isTemporary());
        assertTrue(e.getMessage().contains("content hash"), e::getMessage);
        assertTrue(dropbox.files().isEmpty(), "nothing stored");
    }

    @Test
    void bytesDamagedOnTheWayInAnUploadSessionAreRefusedAndNothingIsStored() throws Exception {
        ExportDestination d = destination();
        dropbox.damageUploads();
        ExportException e = assertThrows(
                ExportException.class, () -> d.deliver(Deliveries.png(Map.of(), T0, new byte[THRESHOLD + 1])));
        assertTrue(e.isTemporary());
        assertTrue(e.getMessage().contains("content hash"), e::getMessage);
        assertTrue(dropbox.files().isEmpty(), "nothing stored");
    }

    @Test
    void aStoredFileWhoseHashDiffersFromTheExportsIsNoticed() throws Exception {
        destination();
        dropbox.storeDamagedWithoutChecking();
        ExportException e = refused("bytes the server will store changed");
        assertTrue(e.isTemporary());
        assertTrue(e.getMessage().contains("content hash"), e::getMessage);
    }

    @Test
    void aFullAccountIsPermanent() throws Exception {
        destination();
        dropbox.quota(4);
        ExportException e = refused("more than four bytes");
        assertFalse(e.isTemporary());
        assertTrue(e.getMessage().contains("out of space"), e::getMessage);
        assertNamesDestinationNotToken(e);
    }

    @Test
    void aFullAccountIsPermanentForAnUploadSessionToo() throws Exception {
        ExportDestination d = destination();
        dropbox.quota(THRESHOLD);
        ExportException e = assertThrows(
                ExportException.class, () -> d.deliver(Deliveries.png(Map.of(), T0, new byte[THRESHOLD + 1])));
        assertFalse(e.isTemporary());
        assertTrue(e.getMessage().contains("out of space"), e::getMessage);
    }

    @Test
    void aFolderTheAppMayNotWriteIsPermanent() throws Exception {
        destination();
        dropbox.readOnly(ROOT);
        ExportException e = refused("x");
        assertFalse(e.isTemporary());
        assertTrue(e.getMessage().contains("may not write"), e::getMessage);
    }

    @Test
    void aPathDropboxCallsMalformedIsPermanent() throws Exception {
        // templates and root folders cannot make one here, but Dropbox's rules are its own
        destination();
        dropbox.answerNext(
                409,
                Map.of("Content-Type", "application/json"),
                "{\"error_summary\": \"path/malformed_path/.\", \"error\": {\".tag\": \"path\", \"reason\": "
                        + "{\".tag\": \"malformed_path\"}, \"upload_session_id\": \"pid_upload_session:x\"}}");
        ExportException e = refused("x");
        assertFalse(e.isTemporary());
        assertTrue(e.getMessage().contains("does not accept this path"), e::getMessage);
        assertNamesDestinationNotToken(e);
    }

    @Test
    void aFileWhereAFolderShouldBeIsPermanent() throws Exception {
        ExportDestination d = destination();
        d.deliver(Deliveries.png(Map.of("path", "{document}.{ext}"), T0, new byte[1]));
        ExportException e = assertThrows(
                ExportException.class,
                () -> d.deliver(Deliveries.png(Map.of("path", "{document}.{ext}/{time}.{ext}"), T0, new byte[1])));
        assertFalse(e.isTemporary());
        assertTrue(e.getMessage().contains("in the way"), e::getMessage);
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsTemporary() throws Exception {
        ExportDestination d = configured()
                .accessToken(TOKEN)
                .readTimeout(Duration.ofMillis(300))
                .build();
        dropbox.reset(TOKEN);
        dropbox.stallNext();
        try {
            ExportException e =
                    assertThrows(ExportException.class, () -> d.deliver(Deliveries.png(Map.of(), T0, new byte[10])));
            assertTrue(e.isTemporary());
            assertTrue(e.getMessage().contains("did not answer in time"), e::getMessage);
        } finally {
            dropbox.release();
        }
    }

    @Test
    void aServerThatCannotBeReachedIsTemporary() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ExportDestination d = configured()
                .accessToken(TOKEN)
                .proxy(new java.net.Proxy(
                        java.net.Proxy.Type.HTTP,
                        new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort)))
                .build();
        ExportException e =
                assertThrows(ExportException.class, () -> d.deliver(Deliveries.png(Map.of(), T0, new byte[10])));
        assertTrue(e.isTemporary());
        assertTrue(e.getMessage().contains("connection to Dropbox failed"), e::getMessage);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedAtTheConfiguredHostAndTheDeliveryGoesThrough() throws Exception {
        dropbox.reset("not-yet-known");
        dropbox.allowRefresh("refresh-1", "app-key", "app-secret", "expired-token");
        // the credential believes its token good for an hour; Dropbox says it expired
        ExportDestination d = configured()
                .credential(new DbxCredential(
                        "expired-token", System.currentTimeMillis() + 3_600_000, "refresh-1", "app-key", "app-secret"))
                .build();
        Delivered delivered = d.deliver(Deliveries.png(Map.of(), T0, new byte[] {1, 2, 3}));
        assertArrayEquals(new byte[] {1, 2, 3}, dropbox.files().get(delivered.location()));
        assertTrue(routes().contains("/oauth2/token"), () -> "routes " + routes());
        // the refreshed token is kept for the next delivery: no second refresh
        d.deliver(Deliveries.png(Map.of(), T0.plus(Duration.ofDays(1)), new byte[] {4}));
        assertEquals(1, routes().stream().filter("/oauth2/token"::equals).count());
    }

    @Test
    void aCredentialWithoutATokenIsRefreshedBeforeItsFirstCall() throws Exception {
        dropbox.reset("not-yet-known");
        dropbox.allowRefresh("refresh-1", "app-key", "app-secret", "none");
        ExportDestination d = configured()
                .credential(new DbxCredential("", 0L, "refresh-1", "app-key", "app-secret"))
                .build();
        d.deliver(Deliveries.png(Map.of(), T0, new byte[] {1}));
        assertEquals("/oauth2/token", routes().get(0));
        assertEquals(1, dropbox.files().size());
    }

    @Test
    void aRevokedRefreshTokenIsPermanent() throws Exception {
        dropbox.reset("not-yet-known");
        dropbox.allowRefresh("the-current-refresh-token", "app-key", "app-secret", "expired-token");
        ExportDestination d = configured()
                .credential(new DbxCredential("expired-token", 0L, "revoked-refresh-token", "app-key", "app-secret"))
                .build();
        ExportException e =
                assertThrows(ExportException.class, () -> d.deliver(Deliveries.png(Map.of(), T0, new byte[1])));
        assertFalse(e.isTemporary());
        assertTrue(e.getMessage().contains("refresh"), e::getMessage);
        assertFalse(e.getMessage().contains("revoked-refresh-token"), e::getMessage);
        assertFalse(e.getMessage().contains("app-secret"), e::getMessage);
    }

    @Test
    void keepLastNKeepsItsListBelowTheRootAndRemovesWithDeleteV2() throws Exception {
        ExportDestination d = destination();
        for (int day = 0; day < 3; day++) {
            d.deliver(Deliveries.png(Map.of("keep", "1"), T0.plus(Duration.ofDays(day)), new byte[] {(byte) day}));
        }
        String index = ROOT + "/.schedex/" + Deliveries.SCHEDULE + ".files";
        assertEquals(
                "doc-1/2026-03-31_03-30-00.png\n", new String(dropbox.files().get(index), StandardCharsets.UTF_8));
        assertEquals(2, routes().stream().filter("/2/files/delete_v2"::equals).count());
    }

    @Test
    void keepLastNDoesNotRemoveTheFileJustWrittenUnderAnotherCase() throws Exception {
        // Dropbox's paths ignore case: an owner who changes a template's case writes the same file
        ExportDestination d = destination();
        d.deliver(Deliveries.png(Map.of("path", "Reports/{document}.{ext}", "keep", "1"), T0, new byte[] {1}));
        Delivered again =
                d.deliver(Deliveries.png(Map.of("path", "reports/{document}.{ext}", "keep", "1"), T0, new byte[] {2}));
        assertEquals(1, exports().size(), () -> "stored " + exports().keySet());
        assertArrayEquals(new byte[] {2}, exports().values().iterator().next(), again::location);
    }

    @Test
    void theBuilderRefusesWhatDropboxWouldNot() {
        assertThrows(IllegalArgumentException.class, () -> DropboxDestination.builder("no spaces"));
        assertThrows(IllegalArgumentException.class, () -> configured().rootFolder("Apps/reports"));
        assertThrows(IllegalArgumentException.class, () -> configured().rootFolder("/Apps/../x"));
        assertThrows(IllegalArgumentException.class, () -> configured().rootFolder("/Apps//x"));
        assertThrows(IllegalArgumentException.class, () -> configured().sessionThresholdBytes(150_000_001L));
        assertThrows(IllegalArgumentException.class, () -> configured().readTimeout(Duration.ZERO));
        assertThrows(IllegalStateException.class, () -> configured().build());
        assertEquals("", configured().rootFolder("/").accessToken("t").build().rootFolder());
        assertEquals(
                "/Apps/reports",
                configured()
                        .rootFolder("/Apps/reports/")
                        .accessToken("t")
                        .build()
                        .rootFolder());
    }

    @Test
    void aDestinationAtTheRootWritesBelowIt() throws Exception {
        dropbox.reset(TOKEN);
        ExportDestination d = configured().rootFolder("").accessToken(TOKEN).build();
        Delivered delivered = d.deliver(Deliveries.png(Map.of(), T0, new byte[] {9}));
        assertEquals("/doc-1/2026-03-29_03-30-00.png", delivered.location());
        assertEquals(Set.of("/doc-1/2026-03-29_03-30-00.png"), dropbox.files().keySet());
    }

    @Test
    void theStandInRefusesWhatDropboxRefuses() throws Exception {
        // a guard for the fake itself, called through the bare SDK: without overwrite mode a second
        // upload is a conflict (so the contract's replacement test shows overwrite at work), a wrong
        // content hash and a wrong token are refused
        dropbox.reset(TOKEN);
        com.dropbox.core.DbxRequestConfig config = com.dropbox.core.DbxRequestConfig.newBuilder("schedex-tests")
                .withHttpRequestor(new com.dropbox.core.http.StandardHttpRequestor(
                        com.dropbox.core.http.StandardHttpRequestor.Config.builder()
                                .withSslSocketFactory(dropbox.sslSocketFactory())
                                .withProxy(dropbox.proxy())
                                .build()))
                .build();
        com.dropbox.core.v2.DbxClientV2 client = new com.dropbox.core.v2.DbxClientV2(config, TOKEN, dropbox.host());
        client.files().uploadBuilder("/a.txt").uploadAndFinish(new java.io.ByteArrayInputStream(new byte[] {1}));
        com.dropbox.core.v2.files.UploadErrorException conflict = assertThrows(
                com.dropbox.core.v2.files.UploadErrorException.class,
                () -> client.files()
                        .uploadBuilder("/A.txt")
                        .uploadAndFinish(new java.io.ByteArrayInputStream(new byte[] {2})));
        assertTrue(conflict.errorValue.getPathValue().getReason().isConflict(), conflict::toString);
        com.dropbox.core.v2.files.UploadErrorException mismatch = assertThrows(
                com.dropbox.core.v2.files.UploadErrorException.class,
                () -> client.files()
                        .uploadBuilder("/b.txt")
                        .withContentHash(ContentHash.of(new byte[] {1}))
                        .uploadAndFinish(new java.io.ByteArrayInputStream(new byte[] {2})));
        assertTrue(mismatch.errorValue.isContentHashMismatch(), mismatch::toString);
        com.dropbox.core.v2.DbxClientV2 stranger = new com.dropbox.core.v2.DbxClientV2(config, "wrong", dropbox.host());
        assertThrows(
                com.dropbox.core.InvalidAccessTokenException.class,
                () -> stranger.files().deleteV2("/a.txt"));
        assertEquals(Set.of("/a.txt"), dropbox.files().keySet());
    }
}

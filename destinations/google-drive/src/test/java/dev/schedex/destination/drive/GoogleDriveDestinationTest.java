package dev.schedex.destination.drive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.schedex.spi.Delivered;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.ExportDestination;
import dev.schedex.spi.ExportException;
import dev.schedex.testing.Deliveries;
import dev.schedex.testing.StorageDestinationContract;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The destination against {@link FakeDrive}, a local stand-in for the Drive v3 REST API: the storage
 * contract, then Drive's own behaviour (re-delivery as a new revision, folders found again, other
 * files left alone) and the classification of its failures.
 */
class GoogleDriveDestinationTest extends StorageDestinationContract {

    private static final String NAME = "team-drive";
    private static final int CHUNK = 256 * 1024;

    private FakeDrive drive;

    @BeforeEach
    void startDrive() throws Exception {
        drive = new FakeDrive();
    }

    @AfterEach
    void stopDrive() {
        drive.close();
    }

    private GoogleDriveDestination.Builder configured(String token) {
        return GoogleDriveDestination.builder(NAME)
                .credentials(GoogleCredentials.create(
                        new AccessToken(token, Date.from(Instant.now().plus(Duration.ofDays(3650))))))
                .parentFolder(FakeDrive.ROOT)
                .rootUrl(drive.rootUrl())
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(20))
                .chunkSize(4 * CHUNK);
    }

    @Override
    protected ExportDestination newDestination() {
        return configured(FakeDrive.TOKEN).build();
    }

    @Override
    protected Map<String, byte[]> exports() {
        return drive.exports();
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(FakeDrive.TOKEN);
    }

    private static Delivery png(Map<String, String> parameters, Instant occurrence, String content) {
        return Deliveries.png(parameters, occurrence, content.getBytes(StandardCharsets.UTF_8));
    }

    private static String fileId(Delivered delivered) {
        String location = delivered.location();
        return location.substring("https://drive.google.com/file/d/".length(), location.indexOf("/view#"));
    }

    private FakeDrive.StoredFile stored(String id) {
        return drive.files().stream().filter(f -> f.id.equals(id)).findFirst().orElseThrow();
    }

    private long count(String request) {
        return drive.requests().stream().filter(r -> r.startsWith(request)).count();
    }

    // ---- Drive's own behaviour ----

    @Test
    void aReDeliveryUploadsANewRevisionOfTheSameFile() throws Exception {
        Delivered first = destination().deliver(png(Map.of(), T0, "first"));
        Delivered again = destination().deliver(png(Map.of(), T0, "again"));
        assertEquals(fileId(first), fileId(again));
        FakeDrive.StoredFile file = stored(fileId(again));
        assertEquals(2, file.version, "the second delivery is a new revision");
        assertEquals("again", new String(file.content, StandardCharsets.UTF_8));
        assertEquals(1, count("POST /upload/drive/v3/files multipart"), () -> "requests " + drive.requests());
        assertEquals(1, count("PATCH /upload/drive/v3/files/"), () -> "requests " + drive.requests());
    }

    @Test
    void eachFileCarriesTheDeliverysKeyAndScheduleAsAppPropertiesAndItsMediaType() throws Exception {
        Delivery delivery = png(Map.of(), T0, "x");
        FakeDrive.StoredFile file = stored(fileId(destination().deliver(delivery)));
        assertEquals(
                Map.of(
                        GoogleDriveDestination.DELIVERY_PROPERTY,
                                delivery.context().idempotencyKey(),
                        GoogleDriveDestination.SCHEDULE_PROPERTY, Deliveries.SCHEDULE.toString()),
                file.appProperties);
        assertEquals("image/png", file.mimeType);
    }

    @Test
    void aTemplateThatRepeatsANameUpdatesTheSchedulesFileOfThatName() throws Exception {
        Map<String, String> latest = Map.of("path", "latest/{document}.{ext}");
        Delivered monday = destination().deliver(png(latest, T0, "monday"));
        Delivered tuesday = destination().deliver(png(latest, T0.plus(Duration.ofDays(1)), "tuesday"));
        assertEquals(fileId(monday), fileId(tuesday));
        assertEquals(1, exports().size());
    }

    @Test
    void aFileOfTheSameNameThatThisScheduleDidNotWriteIsLeftAlone() throws Exception {
        Delivered own = destination().deliver(png(Map.of("path", "{document}.{ext}"), T0, "ours"));
        String foreign = drive.addForeignFile(FakeDrive.ROOT, "doc-1.png", new byte[] {1, 2, 3});
        destination().deliver(png(Map.of("path", "{document}.{ext}"), T0.plus(Duration.ofDays(1)), "ours again"));
        assertArrayEquals(new byte[] {1, 2, 3}, stored(foreign).content);
        assertEquals("ours again", new String(stored(fileId(own)).content, StandardCharsets.UTF_8));
        Delivery otherSchedule = Deliveries.of(
                Map.of("path", "{document}.{ext}"), java.util.UUID.randomUUID(), T0, "png", "image/png", new byte[] {9
                });
        String theirs = fileId(destination().deliver(otherSchedule));
        assertFalse(theirs.equals(fileId(own)), "another schedule's delivery makes its own file");
    }

    @Test
    void foldersAreFoundAgainByNameNotMadeTwice() throws Exception {
        destination().deliver(png(Map.of("path", "reports/{document}/{date}.{ext}"), T0, "a"));
        destination().deliver(png(Map.of("path", "reports/{document}/{date}.{ext}"), T0.plus(Duration.ofDays(1)), "b"));
        List<String> folders = drive.files().stream()
                .filter(f -> f.mimeType.equals(FakeDrive.FOLDER) && !f.id.equals(FakeDrive.ROOT))
                .map(f -> f.name)
                .sorted()
                .toList();
        assertEquals(List.of("doc-1", "reports"), folders);
    }

    @Test
    void aFolderMadeAtTheSameTimeByAnotherDeliveryIsSharedAndTheDuplicateRemoved() throws Exception {
        drive.raceNextFolderCreation();
        Delivered delivered = destination().deliver(png(Map.of("path", "{document}/{date}.{ext}"), T0, "a"));
        List<FakeDrive.StoredFile> folders = drive.files().stream()
                .filter(f -> f.mimeType.equals(FakeDrive.FOLDER) && !f.id.equals(FakeDrive.ROOT))
                .toList();
        assertEquals(1, folders.size(), "the newer, empty twin is removed");
        assertEquals(List.of(folders.get(0).id), stored(fileId(delivered)).parents, "the file is in the older one");
        assertEquals(1, count("DELETE /drive/v3/files/"));
    }

    @Test
    void aSmallExportGoesInOneMultipartRequestALargeOneInAResumableSessionOfChunks() throws Exception {
        destination().deliver(png(Map.of(), T0, "small"));
        assertEquals(1, count("POST /upload/drive/v3/files multipart"));
        byte[] large = new byte[(int) GoogleDriveDestination.DEFAULT_DIRECT_UPLOAD_LIMIT + 3 * CHUNK + 17];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 7);
        }
        Delivered delivered = destination().deliver(Deliveries.png(Map.of(), T0.plus(Duration.ofDays(1)), large));
        assertEquals(1, count("POST /upload/drive/v3/files resumable"));
        long puts = count("PUT /upload/drive/v3/files");
        assertEquals((large.length + 4L * CHUNK - 1) / (4L * CHUNK), puts, "one PUT per chunk");
        assertArrayEquals(large, exports().get(delivered.location()));
        // and a re-delivery of the large export is a resumable update of the same file
        Delivered again = destination().deliver(Deliveries.png(Map.of(), T0.plus(Duration.ofDays(1)), large));
        assertEquals(fileId(delivered), fileId(again));
        assertEquals(1, count("PATCH /upload/drive/v3/files/"));
    }

    @Test
    void keepLastNMovesOldFilesToTheBinRatherThanDeletingThem() throws Exception {
        for (int day = 0; day < 3; day++) {
            destination().deliver(png(Map.of("keep", "1"), T0.plus(Duration.ofDays(day)), "day " + day));
        }
        assertEquals(1, exports().size());
        assertEquals(
                2,
                drive.files().stream().filter(f -> f.trashed).count(),
                "the two older exports are in the bin, recoverable");
    }

    @Test
    void itsDescriptionNamesTheFolderAndNoCredentials() {
        String text = configured(FakeDrive.TOKEN).sharedDrive("drive-9").build().toString();
        assertEquals("GoogleDriveDestination[team-drive, parent=parent-folder-id, sharedDrive=drive-9]", text);
    }

    @Test
    void aSharedDriveIsSearchedAsThatDrive() throws Exception {
        GoogleDriveDestination shared =
                configured(FakeDrive.TOKEN).sharedDrive("drive-9").build();
        Delivered delivered = shared.deliver(png(Map.of(), T0, "x"));
        assertArrayEquals("x".getBytes(StandardCharsets.UTF_8), exports().get(delivered.location()));
        assertEquals(Optional.of("drive-9"), shared.sharedDriveId());
    }

    // ---- a service account key, exchanged for a token at its token endpoint ----

    private static final java.security.KeyPair KEYS = keyPair();

    private static java.security.KeyPair keyPair() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String serviceAccountJson() {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(KEYS.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        com.google.gson.JsonObject json = new com.google.gson.JsonObject();
        json.addProperty("type", "service_account");
        json.addProperty("project_id", "schedex-test");
        json.addProperty("private_key_id", "key-1");
        json.addProperty("private_key", pem);
        json.addProperty("client_email", "exporter@schedex-test.iam.gserviceaccount.com");
        json.addProperty("client_id", "1234567890");
        json.addProperty("token_uri", drive.tokenUri());
        return json.toString();
    }

    private GoogleDriveDestination withServiceAccount() throws Exception {
        drive.acceptServiceAccount(KEYS.getPublic());
        return GoogleDriveDestination.builder(NAME)
                .serviceAccount(
                        new java.io.ByteArrayInputStream(serviceAccountJson().getBytes(StandardCharsets.UTF_8)))
                .parentFolder(FakeDrive.ROOT)
                .rootUrl(drive.rootUrl())
                .build();
    }

    @Test
    void aServiceAccountKeyIsExchangedForATokenWithTheDriveFileScope() throws Exception {
        Delivered delivered = withServiceAccount().deliver(png(Map.of(), T0, "signed"));
        assertArrayEquals("signed".getBytes(StandardCharsets.UTF_8), exports().get(delivered.location()));
        assertEquals(1, count("POST /token"), () -> "requests " + drive.requests());
    }

    @Test
    void aServiceAccountKeyThatIsRefusedIsAPermanentFailureThatShowsNoKey() throws Exception {
        GoogleDriveDestination destination = withServiceAccount();
        drive.refuseTokens("invalid_grant");
        ExportException e = refused(destination, png(Map.of(), T0, "x"));
        assertFalse(e.isTemporary());
        assertTrue(e.getMessage().contains("access token"), e::getMessage);
        assertFalse(e.getMessage().contains("PRIVATE KEY"), e::getMessage);
        assertFalse(destination.toString().contains("exporter@"), destination::toString);
        assertTrue(exports().isEmpty());
    }

    // ---- failures ----

    private ExportException refused(ExportDestination destination, Delivery delivery) {
        ExportException e = assertThrows(ExportException.class, () -> destination.deliver(delivery));
        assertTrue(e.getMessage().contains("'" + NAME + "'"), () -> "names the destination: " + e.getMessage());
        assertFalse(e.getMessage().contains(FakeDrive.TOKEN), () -> "shows the token: " + e.getMessage());
        return e;
    }

    @Test
    void aWrongTokenIsAPermanentFailureThatShowsNoToken() {
        ExportException e = refused(configured("wrong-token").build(), png(Map.of(), T0, "x"));
        assertFalse(e.isTemporary());
        assertTrue(e.getMessage().contains("credentials"), e::getMessage);
        assertFalse(e.getMessage().contains("wrong-token"), e::getMessage);
    }

    @Test
    void aMissingParentFolderIsAPermanentFailureNamingIt() {
        ExportDestination missing =
                configured(FakeDrive.TOKEN).parentFolder("no-such-folder").build();
        for (String template : List.of("{document}/{date}.{ext}", "{document}.{ext}")) {
            ExportException e = refused(missing, png(Map.of("path", template), T0, "x"));
            assertFalse(e.isTemporary(), template);
            assertTrue(e.getMessage().contains("'no-such-folder'"), e::getMessage);
        }
        assertTrue(exports().isEmpty());
    }

    @Test
    void throttlingIsTemporaryAndWaitsAsLongAsRetryAfterSays() throws Exception {
        drive.failNext(FakeDrive.Request::isList, 429, "rateLimitExceeded", Map.of("Retry-After", "7"));
        ExportException e = refused(destination(), png(Map.of(), T0, "x"));
        assertTrue(e.isTemporary());
        assertEquals(Optional.of(Duration.ofSeconds(7)), e.retryAfter());
    }

    @Test
    void aUserRateLimitIsTemporary() throws Exception {
        drive.failNext(FakeDrive.Request::isUpload, 403, "userRateLimitExceeded", Map.of());
        ExportException e = refused(destination(), png(Map.of(), T0, "x"));
        assertTrue(e.isTemporary());
        assertEquals(Optional.of(Duration.ZERO), e.retryAfter());
    }

    @Test
    void aFullQuotaIsPermanentAndSaysSo() throws Exception {
        drive.failNext(FakeDrive.Request::isUpload, 403, "storageQuotaExceeded", Map.of());
        ExportException e = refused(destination(), png(Map.of(), T0, "x"));
        assertFalse(e.isTemporary());
        assertTrue(e.getMessage().contains("quota"), e::getMessage);
    }

    @Test
    void missingPermissionIsPermanent() throws Exception {
        drive.failNext(FakeDrive.Request::isList, 403, "insufficientPermissions", Map.of());
        ExportException e = refused(destination(), png(Map.of(), T0, "x"));
        assertFalse(e.isTemporary());
        assertTrue(e.getMessage().contains("insufficientPermissions"), e::getMessage);
    }

    @Test
    void aServerErrorIsTemporaryAndLeavesNoFile() throws Exception {
        drive.failNext(FakeDrive.Request::isUpload, 500, "backendError", Map.of());
        ExportException e = refused(destination(), png(Map.of(), T0, "x"));
        assertTrue(e.isTemporary());
        assertTrue(exports().isEmpty());
    }

    @Test
    void aResumableUploadThatFailsMidwayLeavesNoFileAndIsTemporary() throws Exception {
        drive.failNext(r -> r.method().equals("PUT"), 503, "backendError", Map.of("Retry-After", "3"));
        byte[] large = new byte[(int) GoogleDriveDestination.DEFAULT_DIRECT_UPLOAD_LIMIT + 1];
        ExportException e =
                assertThrows(ExportException.class, () -> destination().deliver(Deliveries.png(Map.of(), T0, large)));
        assertTrue(e.isTemporary());
        assertEquals(Optional.of(Duration.ofSeconds(3)), e.retryAfter());
        assertTrue(exports().isEmpty(), "nothing half-uploaded is visible");
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsATemporaryFailure() {
        drive.hangNext(FakeDrive.Request::isUpload);
        ExportDestination impatient =
                configured(FakeDrive.TOKEN).readTimeout(Duration.ofMillis(300)).build();
        ExportException e = refused(impatient, png(Map.of(), T0, "x"));
        assertTrue(e.isTemporary());
        assertTrue(e.getMessage().contains("in time"), e::getMessage);
    }
}

package dev.schedex.destination.drive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.drive.Drive;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.schedex.spi.Delivered;
import dev.schedex.testing.Deliveries;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Against a real Google Drive, only when the environment gives a service account key file ({@code
 * SCHEDEX_DRIVE_SERVICE_ACCOUNT}) and the id of a folder shared with that account as an editor
 * ({@code SCHEDEX_DRIVE_FOLDER}); {@code SCHEDEX_DRIVE_SHARED_DRIVE} optionally names the shared
 * drive the folder is in. It writes below a new folder named after a random schedule and removes that
 * folder afterwards.
 */
@EnabledIfEnvironmentVariable(named = "SCHEDEX_DRIVE_SERVICE_ACCOUNT", matches = ".+")
@EnabledIfEnvironmentVariable(named = "SCHEDEX_DRIVE_FOLDER", matches = ".+")
class GoogleDriveLiveTest {

    @Test
    void aDeliveryAndItsReDeliveryLeaveOneFileWithTheSecondBytes() throws Exception {
        Path key = Path.of(System.getenv("SCHEDEX_DRIVE_SERVICE_ACCOUNT"));
        String folder = System.getenv("SCHEDEX_DRIVE_FOLDER");
        String sharedDrive = System.getenv("SCHEDEX_DRIVE_SHARED_DRIVE");
        GoogleDriveDestination.Builder builder = GoogleDriveDestination.builder("live-drive")
                .parentFolder(folder)
                .scope(GoogleDriveDestination.Scope.DRIVE);
        try (InputStream json = Files.newInputStream(key)) {
            builder.serviceAccount(json);
        }
        if (sharedDrive != null && !sharedDrive.isBlank()) {
            builder.sharedDrive(sharedDrive);
        }
        GoogleDriveDestination destination = builder.build();
        UUID schedule = UUID.randomUUID();
        Map<String, String> parameters = Map.of("path", schedule + "/{document}/{date}_{time}.{ext}");
        Instant occurrence = Instant.parse("2026-03-29T01:30:00Z");
        Delivered first = destination.deliver(
                Deliveries.of(parameters, schedule, occurrence, "png", "image/png", new byte[] {1, 2, 3}));
        byte[] large = new byte[(int) GoogleDriveDestination.DEFAULT_DIRECT_UPLOAD_LIMIT + 1000];
        large[large.length - 1] = 42;
        Delivered again =
                destination.deliver(Deliveries.of(parameters, schedule, occurrence, "png", "image/png", large));
        assertEquals(first.location(), again.location());

        GoogleCredentials credentials;
        try (InputStream json = Files.newInputStream(key)) {
            credentials =
                    ServiceAccountCredentials.fromStream(json).createScoped("https://www.googleapis.com/auth/drive");
        }
        Drive drive = new Drive.Builder(
                        new NetHttpTransport(),
                        GsonFactory.getDefaultInstance(),
                        new HttpCredentialsAdapter(credentials))
                .setApplicationName("schedex-live-test")
                .build();
        String id = again.location()
                .substring(
                        "https://drive.google.com/file/d/".length(),
                        again.location().indexOf("/view#"));
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        drive.files().get(id).setSupportsAllDrives(true).executeMediaAndDownloadTo(content);
        assertArrayEquals(large, content.toByteArray());
        Drive.Files.List list = drive.files()
                .list()
                .setQ("name = '" + schedule + "' and '" + folder + "' in parents and trashed = false")
                .setSupportsAllDrives(true)
                .setIncludeItemsFromAllDrives(true);
        if (sharedDrive != null && !sharedDrive.isBlank()) {
            list.setCorpora("drive").setDriveId(sharedDrive);
        }
        String top = list.execute().getFiles().get(0).getId();
        drive.files().delete(top).setSupportsAllDrives(true).execute();
    }
}

package dev.schedex.destination.dropbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dropbox.core.DbxException;
import com.dropbox.core.DbxRequestConfig;
import com.dropbox.core.v2.DbxClientV2;
import com.dropbox.core.v2.files.FileMetadata;
import com.dropbox.core.v2.files.ListFolderErrorException;
import com.dropbox.core.v2.files.ListFolderResult;
import com.dropbox.core.v2.files.Metadata;
import dev.schedex.spi.ExportDestination;
import dev.schedex.spi.ExportException;
import dev.schedex.testing.Deliveries;
import dev.schedex.testing.StorageDestinationContract;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The contract against a real Dropbox account, when {@code SCHEDEX_DROPBOX_TOKEN} holds an access
 * token of an app with {@code files.content.write} and {@code files.content.read} (an app-folder app
 * is enough). Each test writes below a new folder {@code /schedex-live-test/<uuid>} and removes it.
 */
@EnabledIfEnvironmentVariable(named = "SCHEDEX_DROPBOX_TOKEN", matches = ".+")
class DropboxLiveTest extends StorageDestinationContract {

    private static final String TOKEN = System.getenv().getOrDefault("SCHEDEX_DROPBOX_TOKEN", "");
    private final String root = "/schedex-live-test/" + UUID.randomUUID();
    private final DbxClientV2 client =
            new DbxClientV2(DbxRequestConfig.newBuilder("schedex-live-test").build(), TOKEN);

    @Override
    protected ExportDestination newDestination() {
        return DropboxDestination.builder("live-dropbox")
                .accessToken(TOKEN)
                .rootFolder(root)
                // a 6 MiB export goes through a session of two calls
                .sessionThresholdBytes(4 * 1024 * 1024)
                .chunkBytes(4 * 1024 * 1024)
                .build();
    }

    @Override
    protected Map<String, byte[]> exports() throws Exception {
        Map<String, byte[]> exports = new LinkedHashMap<>();
        ListFolderResult page;
        try {
            page = client.files().listFolderBuilder(root).withRecursive(true).start();
        } catch (ListFolderErrorException e) {
            return exports; // nothing written yet
        }
        while (true) {
            for (Metadata entry : page.getEntries()) {
                String path = entry.getPathDisplay();
                if (entry instanceof FileMetadata && path != null && !path.startsWith(root + "/.schedex/")) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    client.files().download(path).download(bytes);
                    exports.put(path, bytes.toByteArray());
                }
            }
            if (!page.getHasMore()) {
                return exports;
            }
            page = client.files().listFolderContinue(page.getCursor());
        }
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(TOKEN);
    }

    @AfterEach
    void removeTheFolder() {
        try {
            client.files().deleteV2(root);
        } catch (DbxException e) {
            // never written, or already gone
        }
    }

    @Test
    void aTokenDropboxRefusesIsPermanent() {
        ExportDestination d = DropboxDestination.builder("live-dropbox")
                .accessToken("sl.not-a-token")
                .rootFolder(root)
                .build();
        ExportException e =
                assertThrows(ExportException.class, () -> d.deliver(Deliveries.png(Map.of(), T0, new byte[] {1})));
        assertFalse(e.isTemporary());
    }
}

package dev.schedex.destination.drive;

import com.google.api.client.googleapis.media.MediaHttpUploader;
import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.drive.Drive;
import com.google.api.services.drive.DriveScopes;
import com.google.api.services.drive.model.File;
import com.google.api.services.drive.model.FileList;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.schedex.RegisteredNames;
import dev.schedex.Violation;
import dev.schedex.destination.StorageParameters;
import dev.schedex.destination.drive.internal.DriveFailures;
import dev.schedex.destination.drive.internal.DriveQuery;
import dev.schedex.destination.drive.internal.DriveRequests;
import dev.schedex.spi.Delivered;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportDestination;
import dev.schedex.spi.ExportException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers exports as files into a Google Drive folder (in My Drive or a shared drive) that the host
 * configures, through Google's Drive v3 client. A schedule gives the {@link StorageParameters}: a
 * {@link dev.schedex.destination.PathTemplate} whose folders are found or created by name below the
 * parent folder, and an optional keep-last-N.
 *
 * <h2>Idempotency</h2>
 * Drive allows many files of one name in a folder, so a name alone cannot make a re-delivery replace.
 * Every file this destination writes carries two app properties (private to the OAuth client that
 * wrote them): {@value #DELIVERY_PROPERTY}, the delivery's {@link ExportContext#idempotencyKey()},
 * and {@value #SCHEDULE_PROPERTY}, the schedule's id. A delivery first looks in the target folder for
 * a file of the schedule with its key (an earlier attempt of the same occurrence) or with its name (an
 * earlier occurrence whose name the template repeats); if there is one, it uploads a new revision of
 * that file ({@code files.update} with media), keeping its id and link; otherwise it creates the file.
 *
 * <h2>Nothing partial</h2>
 * Small exports go in one multipart request, larger ones in a resumable upload session; Drive shows a
 * file, or a file's new revision, only once its upload is complete.
 *
 * <h2>Keep-last-N</h2>
 * After a delivery with {@code keep}, the schedule's files are listed by their {@value
 * #SCHEDULE_PROPERTY} app property, newest created first; the one just written and the next newest
 * stay, the rest are moved to the bin (recoverable for 30 days). Removal that fails is a warning on
 * the run, not a failure: the next delivery lists again and catches up.
 *
 * <p>Thread-safe. {@code toString()} shows the name and folder, never the credentials.
 */
public final class GoogleDriveDestination implements ExportDestination {

    /** The app property holding the delivery's idempotency key. */
    public static final String DELIVERY_PROPERTY = "schedexKey";

    /** The app property holding the schedule's id. */
    public static final String SCHEDULE_PROPERTY = "schedexSchedule";

    /** Drive's API root, used unless the host sets another. */
    public static final String DEFAULT_ROOT_URL = "https://www.googleapis.com/";

    /** The application name sent in the User-Agent unless the host sets another. */
    public static final String DEFAULT_APPLICATION_NAME = "schedex";

    /** How long a connection may take to open unless the host sets another limit. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** How long a read or write may wait unless the host sets another limit. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    /** Exports up to this size go in one multipart request, larger ones in a resumable session. */
    public static final long DEFAULT_DIRECT_UPLOAD_LIMIT = 5L * 1024 * 1024;

    /** The size of a resumable upload's chunks unless the host sets another. */
    public static final int DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024;

    private static final String DESCRIPTION = "the Google Drive destination";
    private static final String FILE_LINK = "https://drive.google.com/file/d/";
    /** Drive's largest page. */
    private static final int PAGE_SIZE = 1000;
    /** Enough pages for {@link StorageParameters#MAX_KEEP} files and more; a bound on every listing. */
    private static final int MAX_PAGES = 20;

    private static final Logger LOG = LoggerFactory.getLogger(GoogleDriveDestination.class);

    private final String name;
    private final String parentFolderId;
    private final @Nullable String driveId;
    private final long directUploadLimit;
    private final int chunkSize;
    private final Drive drive;

    private GoogleDriveDestination(Builder builder, GoogleCredentials credentials, String parentFolderId) {
        this.name = builder.name;
        this.parentFolderId = parentFolderId;
        this.driveId = builder.driveId;
        this.directUploadLimit = builder.directUploadLimit;
        this.chunkSize = builder.chunkSize;
        GoogleCredentials scoped =
                credentials.createScopedRequired() ? credentials.createScoped(builder.scope.uri()) : credentials;
        this.drive = new Drive.Builder(
                        new NetHttpTransport(),
                        GsonFactory.getDefaultInstance(),
                        new DriveRequests(scoped, builder.connectTimeout, builder.readTimeout))
                .setApplicationName(builder.applicationName)
                .setRootUrl(builder.rootUrl)
                .build();
    }

    /**
     * @param name the name schedules give it by: 1 to 50 letters, digits, {@code .}, {@code -} or
     *     {@code _}, starting with a letter or digit
     * @return a builder; credentials and the parent folder are required
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    @Override
    public String name() {
        return name;
    }

    /** @return the id of the folder (or shared drive) all exports go below */
    public String parentFolderId() {
        return parentFolderId;
    }

    /** @return the shared drive the parent folder is in, if the host said so */
    public Optional<String> sharedDriveId() {
        return Optional.ofNullable(driveId);
    }

    @Override
    public List<Violation> validate(Map<String, String> parameters) {
        return StorageParameters.check(parameters, DESCRIPTION);
    }

    @Override
    public Delivered deliver(Delivery delivery) throws IOException {
        Map<String, String> parameters = delivery.parameters();
        String path = StorageParameters.pathFor(delivery, name);
        String[] segments = path.split("/", -1);
        String folderId = parentFolderId;
        for (int i = 0; i < segments.length - 1; i++) {
            folderId = folder(folderId, segments[i]);
        }
        String fileId = write(folderId, segments[segments.length - 1], delivery);
        LOG.debug("destination {} wrote {} as file {}", name, path, fileId);
        OptionalInt keep = StorageParameters.keep(parameters);
        if (keep.isPresent()) {
            prune(delivery.context(), fileId, keep.getAsInt());
        }
        return new Delivered(FILE_LINK + fileId + "/view#" + path);
    }

    /** The folder of that name in the parent, made if missing. */
    private String folder(String parentId, String folderName) {
        Optional<String> found = oldestFolder(parentId, folderName);
        if (found.isPresent()) {
            return found.get();
        }
        File metadata = new File()
                .setName(folderName)
                .setMimeType(DriveQuery.FOLDER_MIME_TYPE)
                .setParents(List.of(parentId));
        String created = call(
                        "creating folder '" + folderName + "'",
                        () -> drive.files()
                                .create(metadata)
                                .setSupportsAllDrives(true)
                                .setFields("id")
                                .execute())
                .getId();
        // two deliveries (of different schedules) may create the same folder at once; both then use
        // the older one, and the newer, still empty, is removed
        String oldest = oldestFolder(parentId, folderName).orElse(created);
        if (!oldest.equals(created)) {
            try {
                drive.files().delete(created).setSupportsAllDrives(true).execute();
            } catch (IOException e) {
                LOG.debug("destination {} could not remove a duplicate empty folder {}", name, created, e);
            }
        }
        return oldest;
    }

    private Optional<String> oldestFolder(String parentId, String folderName) {
        List<File> folders = call(
                "looking for folder '" + folderName + "'",
                () -> list(DriveQuery.folder(folderName, parentId), "id", "createdTime", 1));
        return folders.stream().map(File::getId).findFirst();
    }

    /** Creates the file, or a new revision of the one an earlier delivery left; returns its id. */
    private String write(String folderId, String fileName, Delivery delivery) {
        ExportContext context = delivery.context();
        String key = context.idempotencyKey();
        String scheduleId = context.scheduleId().toString();
        List<File> earlier = call(
                "looking for an earlier delivery of '" + fileName + "'",
                () -> list(
                        DriveQuery.replaced(folderId, SCHEDULE_PROPERTY, scheduleId, DELIVERY_PROPERTY, key, fileName),
                        "id,appProperties",
                        "createdTime",
                        1));
        Optional<File> replaced = earlier.stream()
                .filter(f -> f.getAppProperties() != null
                        && key.equals(f.getAppProperties().get(DELIVERY_PROPERTY)))
                .findFirst()
                .or(() -> earlier.stream().findFirst());
        ByteArrayContent media = new ByteArrayContent(delivery.mediaType(), delivery.content());
        File metadata = new File()
                .setName(fileName)
                .setMimeType(delivery.mediaType())
                .setAppProperties(Map.of(DELIVERY_PROPERTY, key, SCHEDULE_PROPERTY, scheduleId));
        if (replaced.isPresent()) {
            String id = replaced.get().getId();
            return call("uploading '" + fileName + "'", () -> {
                        Drive.Files.Update update = drive.files()
                                .update(id, metadata, media)
                                .setSupportsAllDrives(true)
                                .setFields("id");
                        configure(update.getMediaHttpUploader(), delivery.size());
                        update.setDisableGZipContent(true);
                        return update.execute();
                    })
                    .getId();
        }
        metadata.setParents(List.of(folderId));
        return call("uploading '" + fileName + "'", () -> {
                    Drive.Files.Create create = drive.files()
                            .create(metadata, media)
                            .setSupportsAllDrives(true)
                            .setFields("id");
                    configure(create.getMediaHttpUploader(), delivery.size());
                    create.setDisableGZipContent(true);
                    return create.execute();
                })
                .getId();
    }

    private void configure(MediaHttpUploader uploader, long size) {
        // exports (PNG, PDF) are compressed already: gzip would cost time and save nothing
        uploader.setDirectUploadEnabled(size <= directUploadLimit)
                .setChunkSize(chunkSize)
                .setDisableGZipContent(true);
    }

    /** Keeps the newest {@code keep} files of the schedule, the one just written always among them. */
    private void prune(ExportContext context, String writtenId, int keep) {
        try {
            List<File> files = call(
                    "listing the schedule's files",
                    () -> list(
                            DriveQuery.scheduleFiles(
                                    SCHEDULE_PROPERTY, context.scheduleId().toString()),
                            "id",
                            "createdTime desc",
                            MAX_PAGES));
            int kept = 1;
            for (File file : files) {
                if (file.getId().equals(writtenId)) {
                    continue;
                }
                if (kept < keep) {
                    kept++;
                    continue;
                }
                call(
                        "moving an old export to the bin",
                        () -> drive.files()
                                .update(file.getId(), new File().setTrashed(true))
                                .setSupportsAllDrives(true)
                                .setFields("id")
                                .execute());
            }
        } catch (ExportException e) {
            LOG.warn("destination {} could not remove old exports of schedule {}", name, context.scheduleId(), e);
            context.warn(e.getMessage() + "; old exports stay until the next delivery");
        }
    }

    /** One {@code files.list}, page by page, at most {@code maxPages} pages. */
    private List<File> list(String query, String fields, String orderBy, int maxPages) throws IOException {
        List<File> files = new ArrayList<>();
        @Nullable String pageToken = null;
        for (int page = 0; page < maxPages; page++) {
            Drive.Files.List request = drive.files()
                    .list()
                    .setQ(query)
                    .setOrderBy(orderBy)
                    .setPageSize(PAGE_SIZE)
                    .setFields("nextPageToken,files(" + fields + ")")
                    .setSupportsAllDrives(true)
                    .setIncludeItemsFromAllDrives(true);
            if (driveId != null) {
                request.setCorpora("drive").setDriveId(driveId);
            }
            if (pageToken != null) {
                request.setPageToken(pageToken);
            }
            FileList result = request.execute();
            if (result.getFiles() != null) {
                files.addAll(result.getFiles());
            }
            pageToken = result.getNextPageToken();
            if (pageToken == null) {
                break;
            }
        }
        return files;
    }

    private <T> T call(String action, DriveCall<T> call) {
        try {
            return Objects.requireNonNull(call.run(), action);
        } catch (IOException e) {
            throw DriveFailures.classify(name, parentFolderId, action, e, Instant.now());
        }
    }

    @FunctionalInterface
    private interface DriveCall<T> {
        T run() throws IOException;
    }

    @Override
    public String toString() {
        return "GoogleDriveDestination[" + name + ", parent=" + parentFolderId
                + (driveId == null ? "" : ", sharedDrive=" + driveId) + "]";
    }

    /** The OAuth scope the destination asks for when the credentials need one. */
    public enum Scope {
        /** Only files and folders this application created or was given: the narrowest that works. */
        DRIVE_FILE(DriveScopes.DRIVE_FILE),
        /** Every file the account can see: needed to write into a folder a person made and shared. */
        DRIVE(DriveScopes.DRIVE);

        private final String uri;

        Scope(String uri) {
            this.uri = uri;
        }

        /** @return the scope's URI */
        public String uri() {
            return uri;
        }
    }

    /** Configures a {@link GoogleDriveDestination}; not thread-safe. */
    public static final class Builder {

        private final String name;
        private @Nullable GoogleCredentials credentials;
        private Scope scope = Scope.DRIVE_FILE;
        private @Nullable String parentFolderId;
        private @Nullable String driveId;
        private String applicationName = DEFAULT_APPLICATION_NAME;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private String rootUrl = DEFAULT_ROOT_URL;
        private long directUploadLimit = DEFAULT_DIRECT_UPLOAD_LIMIT;
        private int chunkSize = DEFAULT_CHUNK_SIZE;

        private Builder(String name) {
            RegisteredNames.check("destination", name);
            this.name = name;
        }

        /**
         * @param credentials credentials the host made (application default, a service account,
         *     impersonation, a user's OAuth token); scoped with {@link #scope(Scope)} if they need a scope
         * @return this builder
         */
        public Builder credentials(GoogleCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * @param json a service account key, as JSON; read here and not closed
         * @return this builder
         * @throws IOException if it cannot be read or is not a service account key (the message does
         *     not quote the key)
         */
        public Builder serviceAccount(InputStream json) throws IOException {
            this.credentials = ServiceAccountCredentials.fromStream(Objects.requireNonNull(json, "json"));
            return this;
        }

        /**
         * @param scope the OAuth scope to ask for; {@link Scope#DRIVE_FILE} unless set
         * @return this builder
         */
        public Builder scope(Scope scope) {
            this.scope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        /**
         * @param folderId the id of the folder all exports go below (the last part of its web
         *     address), or of a shared drive's root; required
         * @return this builder
         */
        public Builder parentFolder(String folderId) {
            this.parentFolderId = requireText(folderId, "folderId");
            return this;
        }

        /**
         * @param driveId the shared drive the parent folder is in, so that listings search that drive
         * @return this builder
         */
        public Builder sharedDrive(String driveId) {
            this.driveId = requireText(driveId, "driveId");
            return this;
        }

        /**
         * @param applicationName the name sent in the User-Agent header; {@value
         *     #DEFAULT_APPLICATION_NAME} unless set
         * @return this builder
         */
        public Builder applicationName(String applicationName) {
            this.applicationName = requireText(applicationName, "applicationName");
            return this;
        }

        /**
         * @param timeout how long a connection may take to open, at least a millisecond
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * @param timeout how long a read of an answer, or a write of a request, may wait
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /**
         * Points the client at another address than Google's API root: for tests (a local stand-in
         * for Drive) and for a proxy that forwards to Google. Not for schedule owners.
         *
         * @param rootUrl an http or https URL; a missing final {@code /} is added
         * @return this builder
         */
        public Builder rootUrl(String rootUrl) {
            String url = requireText(rootUrl, "rootUrl");
            if (!url.startsWith("https://") && !url.startsWith("http://")) {
                throw new IllegalArgumentException("rootUrl must be an http or https URL");
            }
            this.rootUrl = url.endsWith("/") ? url : url + "/";
            return this;
        }

        /**
         * @param limit the largest export sent in one multipart request; larger ones use a resumable
         *     session; {@link #DEFAULT_DIRECT_UPLOAD_LIMIT} unless set
         * @return this builder
         */
        public Builder directUploadLimit(long limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("directUploadLimit must not be negative");
            }
            this.directUploadLimit = limit;
            return this;
        }

        /**
         * @param bytes a resumable upload's chunk size: a positive multiple of 256 KiB; {@link
         *     #DEFAULT_CHUNK_SIZE} unless set
         * @return this builder
         */
        public Builder chunkSize(int bytes) {
            if (bytes <= 0 || bytes % MediaHttpUploader.MINIMUM_CHUNK_SIZE != 0) {
                throw new IllegalArgumentException("chunkSize must be a positive multiple of "
                        + MediaHttpUploader.MINIMUM_CHUNK_SIZE + ", was " + bytes);
            }
            this.chunkSize = bytes;
            return this;
        }

        /**
         * @return the destination
         * @throws IllegalStateException if the credentials or the parent folder are missing
         */
        public GoogleDriveDestination build() {
            GoogleCredentials given = credentials;
            String parent = parentFolderId;
            if (given == null) {
                throw new IllegalStateException("destination '" + name + "' needs credentials");
            }
            if (parent == null) {
                throw new IllegalStateException("destination '" + name + "' needs a parent folder");
            }
            return new GoogleDriveDestination(this, given, parent);
        }

        private static String requireText(String value, String what) {
            if (Objects.requireNonNull(value, what).isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value.strip();
        }

        private static Duration positive(Duration timeout, String what) {
            if (Objects.requireNonNull(timeout, what).toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(what + " must be 1 ms to 24 days, was " + timeout);
            }
            return timeout;
        }
    }
}

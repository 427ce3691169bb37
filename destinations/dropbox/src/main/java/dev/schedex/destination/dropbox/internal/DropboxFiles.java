package dev.schedex.destination.dropbox.internal;

import com.dropbox.core.DbxDownloader;
import com.dropbox.core.DbxException;
import com.dropbox.core.DbxHost;
import com.dropbox.core.DbxRequestConfig;
import com.dropbox.core.InvalidAccessTokenException;
import com.dropbox.core.oauth.DbxCredential;
import com.dropbox.core.v2.files.CommitInfo;
import com.dropbox.core.v2.files.DbxUserFilesRequests;
import com.dropbox.core.v2.files.DeleteError;
import com.dropbox.core.v2.files.DeleteErrorException;
import com.dropbox.core.v2.files.DownloadError;
import com.dropbox.core.v2.files.DownloadErrorException;
import com.dropbox.core.v2.files.FileMetadata;
import com.dropbox.core.v2.files.LookupError;
import com.dropbox.core.v2.files.UploadError;
import com.dropbox.core.v2.files.UploadErrorException;
import com.dropbox.core.v2.files.UploadSessionAppendError;
import com.dropbox.core.v2.files.UploadSessionAppendErrorException;
import com.dropbox.core.v2.files.UploadSessionAppendV2Uploader;
import com.dropbox.core.v2.files.UploadSessionCursor;
import com.dropbox.core.v2.files.UploadSessionFinishError;
import com.dropbox.core.v2.files.UploadSessionFinishErrorException;
import com.dropbox.core.v2.files.UploadSessionFinishUploader;
import com.dropbox.core.v2.files.UploadSessionStartErrorException;
import com.dropbox.core.v2.files.UploadSessionStartUploader;
import com.dropbox.core.v2.files.UploadUploader;
import com.dropbox.core.v2.files.WriteMode;
import dev.schedex.spi.ExportException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * The few files routes the destination uses, each with its failures classified: an upload in
 * {@link WriteMode#OVERWRITE} (one call, or an upload session above a threshold) whose content hash
 * the server checks, a download and a delete. Thread-safe.
 */
public final class DropboxFiles {

    private final CredentialClient client;
    private final DbxUserFilesRequests files;
    private final Failures failures;
    private final long sessionThresholdBytes;
    private final int chunkBytes;

    /**
     * @param config                the SDK's request settings (HTTP client, timeouts, no automatic retries)
     * @param credential            the credential, owned by this object from now on
     * @param host                  the Dropbox hosts to call
     * @param failures              how to word failures
     * @param sessionThresholdBytes above how many bytes an upload uses an upload session
     * @param chunkBytes            the bytes sent per call of an upload session
     */
    public DropboxFiles(
            DbxRequestConfig config,
            DbxCredential credential,
            DbxHost host,
            Failures failures,
            long sessionThresholdBytes,
            int chunkBytes) {
        this.client = new CredentialClient(config, credential, host);
        this.files = new DbxUserFilesRequests(client);
        this.failures = failures;
        this.sessionThresholdBytes = sessionThresholdBytes;
        this.chunkBytes = chunkBytes;
    }

    /**
     * Writes a file, replacing any file at that path; nothing is visible under the path until
     * Dropbox has the whole file and checked its hash.
     *
     * @param path    the Dropbox path
     * @param content the bytes
     * @throws ExportException if Dropbox refuses, classified
     */
    public void upload(String path, byte[] content) {
        String action = "uploading " + path;
        String hash = ContentHash.of(content);
        FileMetadata stored;
        try {
            stored = uploadOnce(path, content, hash, action);
        } catch (ExportException e) {
            // the SDK refreshes a token before it expires, and on other routes after Dropbox says
            // it expired, but not on upload routes, where the JDK's streaming mode also hides the
            // 401's body (the AuthError is absent): a refreshable credential is refreshed once here
            if (!(e.getCause() instanceof InvalidAccessTokenException) || !client.canRefreshAccessToken()) {
                throw e;
            }
            try {
                client.refreshAccessToken();
            } catch (DbxException r) {
                throw failures.of(r, action);
            }
            stored = uploadOnce(path, content, hash, action);
        }
        String reported = stored.getContentHash();
        // the server checked the hash sent with the bytes; this checks the file it says it stored
        if (reported != null && !reported.equals(hash)) {
            throw failures.storedHashDiffers(action, hash, reported);
        }
    }

    private FileMetadata uploadOnce(String path, byte[] content, String hash, String action) {
        return content.length > sessionThresholdBytes
                ? uploadInSession(path, content, action)
                : uploadInOneCall(path, content, hash, action);
    }

    private FileMetadata uploadInOneCall(String path, byte[] content, String hash, String action) {
        try (UploadUploader uploader = files.uploadBuilder(path)
                .withMode(WriteMode.OVERWRITE)
                .withContentHash(hash)
                .start()) {
            return uploader.uploadAndFinish(new ByteArrayInputStream(content));
        } catch (UploadErrorException e) {
            throw uploadFailure(e.errorValue, e, action);
        } catch (DbxException e) {
            throw failures.of(e, action);
        } catch (IOException e) {
            throw failures.of(e, action);
        }
    }

    private ExportException uploadFailure(UploadError error, DbxException e, String action) {
        if (error.isContentHashMismatch()) {
            return failures.hashMismatch(action, e);
        }
        if (error.isPath()) {
            return failures.of(error.getPathValue().getReason(), e, action);
        }
        if (error.isPayloadTooLarge()) {
            return new ExportException(
                    failures.destination() + " failed " + action
                            + ": Dropbox refused the upload as too large for one call; the host must lower the "
                            + "destination's session threshold",
                    e);
        }
        return failures.of(e, action);
    }

    private FileMetadata uploadInSession(String path, byte[] content, String action) {
        int first = Math.min(chunkBytes, content.length);
        String sessionId;
        try (UploadSessionStartUploader uploader = files.uploadSessionStartBuilder()
                .withContentHash(ContentHash.of(content, 0, first))
                .start()) {
            sessionId = uploader.uploadAndFinish(part(content, 0, first)).getSessionId();
        } catch (UploadSessionStartErrorException e) {
            throw e.errorValue == com.dropbox.core.v2.files.UploadSessionStartError.CONTENT_HASH_MISMATCH
                    ? failures.hashMismatch(action, e)
                    : failures.of(e, action);
        } catch (DbxException e) {
            throw failures.of(e, action);
        } catch (IOException e) {
            throw failures.of(e, action);
        }
        int offset = first;
        while (content.length - offset > chunkBytes) {
            try (UploadSessionAppendV2Uploader uploader = files.uploadSessionAppendV2Builder(
                            new UploadSessionCursor(sessionId, offset))
                    .withContentHash(ContentHash.of(content, offset, chunkBytes))
                    .start()) {
                uploader.uploadAndFinish(part(content, offset, chunkBytes));
            } catch (UploadSessionAppendErrorException e) {
                throw appendFailure(e.errorValue, e, action);
            } catch (DbxException e) {
                throw failures.of(e, action);
            } catch (IOException e) {
                throw failures.of(e, action);
            }
            offset += chunkBytes;
        }
        int last = content.length - offset;
        CommitInfo commit =
                CommitInfo.newBuilder(path).withMode(WriteMode.OVERWRITE).build();
        try (UploadSessionFinishUploader uploader = files.uploadSessionFinish(
                new UploadSessionCursor(sessionId, offset), commit, ContentHash.of(content, offset, last))) {
            return uploader.uploadAndFinish(part(content, offset, last));
        } catch (UploadSessionFinishErrorException e) {
            throw finishFailure(e.errorValue, e, action);
        } catch (DbxException e) {
            throw failures.of(e, action);
        } catch (IOException e) {
            throw failures.of(e, action);
        }
    }

    private ExportException appendFailure(UploadSessionAppendError error, DbxException e, String action) {
        if (error.isContentHashMismatch()) {
            return failures.hashMismatch(action, e);
        }
        // an expired session or one that lost our place: a new attempt starts a new session
        return ExportException.temporary(
                failures.destination() + " failed " + action + ": Dropbox lost the upload session (" + error.tag()
                        + "); will start again",
                Duration.ZERO,
                e);
    }

    private ExportException finishFailure(UploadSessionFinishError error, DbxException e, String action) {
        if (error.isContentHashMismatch()) {
            return failures.hashMismatch(action, e);
        }
        if (error.isPath()) {
            return failures.of(error.getPathValue(), e, action);
        }
        return ExportException.temporary(
                failures.destination() + " failed " + action + ": Dropbox could not finish the upload session ("
                        + error.tag() + "); will start again",
                Duration.ZERO,
                e);
    }

    private static InputStream part(byte[] content, int offset, int length) {
        return new ByteArrayInputStream(content, offset, length);
    }

    /**
     * @param path     the Dropbox path of a small file
     * @param maxBytes the most bytes it may have
     * @return its bytes, or empty if there is no file there
     * @throws ExportException if Dropbox refuses, classified, or the file is larger
     */
    public Optional<byte[]> download(String path, int maxBytes) {
        String action = "reading " + path;
        try (DbxDownloader<FileMetadata> downloader = files.download(path)) {
            byte[] bytes = downloader.getInputStream().readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new ExportException(failures.destination() + " failed " + action + ": it is larger than "
                        + maxBytes + " bytes; remove it to start the list of this schedule's files afresh");
            }
            return Optional.of(bytes);
        } catch (DownloadErrorException e) {
            DownloadError error = e.errorValue;
            if (error.isPath() && error.getPathValue().isNotFound()) {
                return Optional.empty();
            }
            throw lookupFailure(error.isPath() ? error.getPathValue() : null, e, action);
        } catch (DbxException e) {
            throw failures.of(e, action);
        } catch (IOException e) {
            throw failures.of(e, action);
        }
    }

    /**
     * Removes a file; a file that is not there is fine.
     *
     * @param path the Dropbox path
     * @throws ExportException if Dropbox refuses, classified
     */
    public void deleteIfPresent(String path) {
        String action = "removing " + path;
        try {
            files.deleteV2(path);
        } catch (DeleteErrorException e) {
            DeleteError error = e.errorValue;
            if (error.isPathLookup() && error.getPathLookupValue().isNotFound()) {
                return;
            }
            if (error.isPathWrite()) {
                throw failures.of(error.getPathWriteValue(), e, action);
            }
            throw lookupFailure(error.isPathLookup() ? error.getPathLookupValue() : null, e, action);
        } catch (DbxException e) {
            throw failures.of(e, action);
        }
    }

    private ExportException lookupFailure(
            @org.jspecify.annotations.Nullable LookupError error, DbxException e, String action) {
        if (error != null && (error.isMalformedPath() || error.isNotFile() || error.isRestrictedContent())) {
            return new ExportException(
                    failures.destination() + " failed " + action + ": Dropbox refused the path (" + error.tag()
                            + "); check the destination's root folder",
                    e);
        }
        return failures.of(e, action);
    }
}

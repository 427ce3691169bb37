package dev.schedex.destination.dropbox;

import com.dropbox.core.DbxHost;
import com.dropbox.core.DbxRequestConfig;
import com.dropbox.core.http.StandardHttpRequestor;
import com.dropbox.core.oauth.DbxCredential;
import dev.schedex.RegisteredNames;
import dev.schedex.Violation;
import dev.schedex.destination.PathTemplate;
import dev.schedex.destination.Retention;
import dev.schedex.destination.StorageParameters;
import dev.schedex.destination.dropbox.internal.DropboxFiles;
import dev.schedex.destination.dropbox.internal.Failures;
import dev.schedex.spi.Delivered;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.ExportDestination;
import java.net.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers exports as files into a Dropbox folder, with the official Dropbox SDK. The host builds it
 * under a name with the credentials and the root folder ({@code /Apps/reports}, or the app folder's
 * root); a schedule gives the {@link StorageParameters}: a {@link PathTemplate} below the root and an
 * optional keep-last-N.
 *
 * <p><b>Idempotent.</b> The same occurrence expands to the same path, and every upload is in {@code
 * overwrite} mode, so a re-delivery replaces the file (Dropbox keeps the earlier one as a revision,
 * not as a second file). <b>Nothing partial.</b> A file appears only when Dropbox has all of it: one
 * call up to the {@linkplain Builder#sessionThresholdBytes(long) session threshold}, above it an
 * upload session whose parts stay invisible until it is finished. <b>Checked.</b> Every call carries
 * Dropbox's content hash of its bytes, which the server checks before it keeps them, and the hash
 * Dropbox reports for the stored file is compared with the export's.
 *
 * <p>Failures are classified: a token Dropbox refuses, a full account, a folder the app may not write
 * and a path Dropbox does not accept are permanent; throttling (with Dropbox's wait), server errors,
 * dropped connections and timeouts are temporary. Messages name the destination, never a token.
 * Keep-last-N keeps the list of a schedule's files in {@code .schedex/} below the root, as {@link
 * Retention} says. Thread-safe.
 */
public final class DropboxDestination implements ExportDestination {

    /** The most bytes Dropbox takes in one upload call (its documented 150 MB). */
    public static final long MAX_CALL_BYTES = 150_000_000L;

    private static final Logger LOGGER = LoggerFactory.getLogger(DropboxDestination.class);
    private static final String DESCRIPTION = "the Dropbox destination";
    /** A keep-last-N list of {@value StorageParameters#MAX_KEEP} paths of at most 1 KiB each fits. */
    private static final int MAX_INDEX_BYTES = 16 * 1024 * 1024;

    private final String name;
    private final String root;
    private final String apiHost;
    private final DropboxFiles files;

    private DropboxDestination(Builder b, DbxCredential credential) {
        this.name = b.name;
        this.root = b.rootFolder;
        this.apiHost = b.host.getApi();
        StandardHttpRequestor.Config.Builder http = StandardHttpRequestor.Config.builder()
                .withConnectTimeout(b.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .withReadTimeout(b.readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (b.proxy != null) {
            http.withProxy(b.proxy);
        }
        if (b.sslSocketFactory != null) {
            http.withSslSocketFactory(b.sslSocketFactory);
        }
        DbxRequestConfig config = DbxRequestConfig.newBuilder(b.clientIdentifier)
                .withHttpRequestor(new StandardHttpRequestor(http.build()))
                // the service's retry policy decides when to try again, with Dropbox's wait
                .withAutoRetryDisabled()
                .build();
        this.files = new DropboxFiles(
                config,
                credential,
                b.host,
                new Failures("Dropbox destination '" + name + "'"),
                b.sessionThresholdBytes,
                b.chunkBytes);
    }

    /**
     * @param name the name schedules give the destination by: 1 to 50 letters, digits, {@code .},
     *     {@code -} or {@code _}, starting with a letter or digit
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    @Override
    public String name() {
        return name;
    }

    /** @return the root folder exports go below, such as {@code /Apps/reports}; empty for the app's root */
    public String rootFolder() {
        return root;
    }

    @Override
    public List<Violation> validate(Map<String, String> parameters) {
        return StorageParameters.check(parameters, DESCRIPTION);
    }

    /**
     * Uploads the export to the root folder plus the expanded template, replacing the file there,
     * then applies keep-last-N.
     *
     * @return the file's Dropbox path, such as {@code /Apps/reports/doc-1/2026-03-29_03-30-00.png}
     */
    @Override
    public Delivered deliver(Delivery delivery) {
        Map<String, String> parameters = delivery.parameters();
        String relative = StorageParameters.pathFor(delivery, name);
        String path = root + "/" + relative;
        files.upload(path, delivery.content());
        OptionalInt keep = StorageParameters.keep(parameters);
        if (keep.isPresent()) {
            applyRetention(delivery.context().scheduleId(), relative, keep.getAsInt());
        }
        LOGGER.debug("{}: delivered {} bytes to {}", name, delivery.size(), path);
        return new Delivered(path);
    }

    /** Keeps the newest {@code keep} files of a schedule, as {@link Retention} says. */
    private void applyRetention(UUID scheduleId, String written, int keep) {
        String index = root + "/" + Retention.indexPath(scheduleId);
        List<String> before =
                files.download(index, MAX_INDEX_BYTES).map(Retention::decode).orElse(List.of());
        Retention.Pruned pruned = Retention.afterWriting(before, written, keep);
        for (String old : pruned.removed()) {
            // the list is ours, but a path in it that a template could not make is not followed; and
            // Dropbox's paths ignore case, so an old entry that differs from the new only in case
            // names the file just written
            if (PathTemplate.check(StorageParameters.PATH, old).isEmpty()
                    && !old.toLowerCase(Locale.ROOT).equals(written.toLowerCase(Locale.ROOT))) {
                files.deleteIfPresent(root + "/" + old);
            }
        }
        files.upload(index, Retention.encode(pruned.kept()));
    }

    @Override
    public String toString() {
        return "DropboxDestination[" + name + ", root=" + (root.isEmpty() ? "/" : root) + ", host=" + apiHost + "]";
    }

    /**
     * Everything the host configures. Credentials are required: {@link #accessToken(String)} or
     * {@link #credential(DbxCredential)}.
     */
    public static final class Builder {

        private final String name;
        private @Nullable DbxCredential credential;
        private String rootFolder = "";
        private String clientIdentifier = "schedex-destination-dropbox";
        private Duration connectTimeout = Duration.ofSeconds(20);
        private Duration readTimeout = Duration.ofSeconds(60);
        private DbxHost host = DbxHost.DEFAULT;
        private @Nullable SSLSocketFactory sslSocketFactory;
        private @Nullable Proxy proxy;
        private long sessionThresholdBytes = 128L * 1024 * 1024;
        private int chunkBytes = 16 * 1024 * 1024;

        private Builder(String name) {
            RegisteredNames.check("destination", name);
            this.name = name;
        }

        /**
         * A long-lived access token (or a short-lived one the host replaces by building anew); not
         * refreshed.
         *
         * @param accessToken the token
         * @return this builder
         */
        public Builder accessToken(String accessToken) {
            if (accessToken.isBlank()) {
                throw new IllegalArgumentException("the access token is blank");
            }
            this.credential = new DbxCredential(accessToken);
            return this;
        }

        /**
         * A credential with a refresh token, app key and (for a confidential app) app secret: the SDK
         * refreshes the access token before it expires and when Dropbox says it expired, at the
         * configured {@link #host(DbxHost)}. The destination keeps its own copy; give an expiry of 0
         * to have it refreshed before the first call.
         *
         * @param credential the credential
         * @return this builder
         */
        public Builder credential(DbxCredential credential) {
            this.credential = new DbxCredential(
                    credential.getAccessToken(),
                    credential.getExpiresAt(),
                    credential.getRefreshToken(),
                    credential.getAppKey(),
                    credential.getAppSecret());
            return this;
        }

        /**
         * @param rootFolder the folder every export goes below, such as {@code /Apps/reports}; {@code
         *     ""} or {@code /} for the root (an app-folder app's root is its own folder)
         * @return this builder
         */
        public Builder rootFolder(String rootFolder) {
            String folder = rootFolder.endsWith("/") ? rootFolder.substring(0, rootFolder.length() - 1) : rootFolder;
            if (!folder.isEmpty()) {
                if (!folder.startsWith("/") || folder.contains("\\")) {
                    throw new IllegalArgumentException(
                            "the root folder must start with '/' and use '/' between folders; was '" + rootFolder
                                    + "'");
                }
                for (String segment : folder.substring(1).split("/", -1)) {
                    if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                        throw new IllegalArgumentException(
                                "the root folder has an empty, '.' or '..' segment: '" + rootFolder + "'");
                    }
                }
            }
            this.rootFolder = folder;
            return this;
        }

        /**
         * @param clientIdentifier how the app names itself to Dropbox (its user agent), such as {@code
         *     acme-reports/2.1}
         * @return this builder
         */
        public Builder clientIdentifier(String clientIdentifier) {
            if (clientIdentifier.isBlank()) {
                throw new IllegalArgumentException("the client identifier is blank");
            }
            this.clientIdentifier = clientIdentifier;
            return this;
        }

        /**
         * @param connectTimeout how long to wait for a connection to Dropbox; default 20 seconds
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connect timeout");
            return this;
        }

        /**
         * @param readTimeout how long to wait for Dropbox's next bytes in an answer; default 60 seconds
         * @return this builder
         */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = positive(readTimeout, "read timeout");
            return this;
        }

        /**
         * @param host the Dropbox hosts to call; {@link DbxHost#DEFAULT} unless the host points the
         *     destination at a stand-in (a test server, a proxy)
         * @return this builder
         */
        public Builder host(DbxHost host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * @param proxy the proxy to reach Dropbox through, for a host that reaches the internet only
         *     through one (an HTTP proxy tunnels TLS with {@code CONNECT}); a direct connection unless
         *     given
         * @return this builder
         */
        public Builder proxy(Proxy proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /**
         * @param sslSocketFactory the TLS sockets to use, for a host whose Dropbox traffic goes through
         *     a TLS-inspecting proxy with its own authority, or a test server; the JDK's default
         *     (which trusts the JDK's authorities) unless given
         * @return this builder
         */
        public Builder sslSocketFactory(SSLSocketFactory sslSocketFactory) {
            this.sslSocketFactory = Objects.requireNonNull(sslSocketFactory, "sslSocketFactory");
            return this;
        }

        /**
         * @param sessionThresholdBytes above how many bytes an export is sent in an upload session
         *     rather than one call; 1 to {@link DropboxDestination#MAX_CALL_BYTES}, default 128 MiB
         * @return this builder
         */
        public Builder sessionThresholdBytes(long sessionThresholdBytes) {
            if (sessionThresholdBytes < 1 || sessionThresholdBytes > MAX_CALL_BYTES) {
                throw new IllegalArgumentException("the session threshold must be 1 to " + MAX_CALL_BYTES
                        + " bytes, was " + sessionThresholdBytes);
            }
            this.sessionThresholdBytes = sessionThresholdBytes;
            return this;
        }

        /**
         * @param chunkBytes the bytes each call of an upload session sends; 1 to {@link
         *     DropboxDestination#MAX_CALL_BYTES}, default 16 MiB (Dropbox suggests multiples of 4 MiB)
         * @return this builder
         */
        public Builder chunkBytes(int chunkBytes) {
            if (chunkBytes < 1 || chunkBytes > MAX_CALL_BYTES) {
                throw new IllegalArgumentException(
                        "the chunk size must be 1 to " + MAX_CALL_BYTES + " bytes, was " + chunkBytes);
            }
            this.chunkBytes = chunkBytes;
            return this;
        }

        /**
         * @return the destination
         * @throws IllegalStateException if no credentials were given
         */
        public DropboxDestination build() {
            DbxCredential given = credential;
            if (given == null) {
                throw new IllegalStateException(
                        "Dropbox destination '" + name + "' needs credentials: accessToken(...) or credential(...)");
            }
            return new DropboxDestination(this, given);
        }

        private static Duration positive(Duration d, String what) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("the " + what + " must be positive, was " + d);
            }
            return d;
        }

        /** @return what this builder would build, without the credentials */
        @Override
        public String toString() {
            return "DropboxDestination.Builder[" + name + ", root=" + rootFolder + "]";
        }
    }
}

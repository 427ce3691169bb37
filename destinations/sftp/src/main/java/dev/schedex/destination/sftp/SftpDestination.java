package dev.schedex.destination.sftp;

import dev.schedex.RegisteredNames;
import dev.schedex.Violation;
import dev.schedex.destination.Retention;
import dev.schedex.destination.StorageParameters;
import dev.schedex.destination.sftp.internal.Failures;
import dev.schedex.destination.sftp.internal.HostKeyCheck;
import dev.schedex.destination.sftp.internal.KeyLoading;
import dev.schedex.destination.sftp.internal.RemotePaths;
import dev.schedex.spi.Delivered;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.ExportDestination;
import dev.schedex.spi.ExportException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.SftpModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.Attributes;
import org.apache.sshd.sftp.client.SftpClient.CopyMode;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;
import org.apache.sshd.sftp.client.impl.AbstractSftpClient;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes exports as files below a root folder on an SFTP server, with Apache MINA sshd's client. The
 * host configures the server, the user and its key or password, how the server's host key is
 * verified (a known_hosts file, or pinned keys or fingerprints: there is no "accept any key"), the
 * root folder and the timeouts; a schedule gives the {@link StorageParameters} (a path template
 * relative to the root and an optional keep-last-N).
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>Nothing partial under the final name.</b> The export is written to {@code
 *       .schedex-<uuid>.tmp} in its target folder and then renamed over the final name: with the
 *       {@code posix-rename@openssh.com} extension when the server offers it (OpenSSH does), an
 *       atomic replace; with SFTP version 5 or later, a rename with the overwrite flag; otherwise the
 *       old file is removed and the new one renamed, and for that moment no file is under the name
 *       (never a partial one). A failed delivery removes its temporary file while the connection
 *       lasts; a connection that drops mid-upload can leave one behind, never the final name.</li>
 *   <li><b>Idempotent.</b> The path is expanded from the occurrence, so a re-delivery (a retry, a
 *       take-over) writes the same name and replaces the file.</li>
 *   <li><b>Inside the root.</b> Templates cannot leave it; the root is resolved with the server's
 *       {@code realpath}, and a folder on the way that is a symbolic link is followed only if its
 *       {@code realpath} is still below the root.</li>
 *   <li><b>One SSH session per delivery.</b> Each delivery connects, exchanges keys, authenticates,
 *       opens an SFTP channel and closes it all again (politely after a success, at once after a
 *       failure): a few milliseconds on a local network, a few
 *       round trips more over a long one; nothing is held open between runs. The {@link SshClient}
 *       (its threads) is started once, in {@link Builder#build()}, and stopped by {@link #close()}.</li>
 * </ul>
 *
 * <p>Thread-safe: each delivery has its own session.
 */
public final class SftpDestination implements ExportDestination, AutoCloseable {

    /** The port used when the host gives none. */
    public static final int DEFAULT_PORT = 22;

    /** How long connecting (TCP) may take unless the host says otherwise. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** How long the key exchange and authentication may take unless the host says otherwise. */
    public static final Duration DEFAULT_AUTH_TIMEOUT = Duration.ofSeconds(15);

    /** How long the server may stay silent on an open session unless the host says otherwise. */
    public static final Duration DEFAULT_IO_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(SftpDestination.class);
    private static final String DESCRIPTION = "the SFTP destination";
    /** An index lists at most {@link StorageParameters#MAX_KEEP} paths; anything far larger is not ours. */
    private static final int MAX_INDEX_BYTES = 16 * 1024 * 1024;
    /** How many links in a row a folder on the way may be; more is refused, as the kernel's ELOOP. */
    private static final int MAX_LINK_HOPS = 8;

    private final String name;
    private final String host;
    private final int port;
    private final String username;
    private final List<KeyPair> keys;
    private final @Nullable String password;
    private final String root;
    private final String verification;
    private final Duration connectTimeout;
    private final Duration authTimeout;
    private final Duration ioTimeout;
    private final SshClient client;

    private SftpDestination(Builder b, String host, String username, HostKeyCheck check, String verification) {
        this.name = b.name;
        this.host = host;
        this.port = b.port;
        this.username = username;
        this.keys = List.copyOf(b.keys);
        this.password = b.password;
        this.root = b.root;
        this.verification = verification;
        this.connectTimeout = b.connectTimeout;
        this.authTimeout = b.authTimeout;
        this.ioTimeout = b.ioTimeout;
        SshClient c = SshClient.setUpDefaultClient();
        c.setServerKeyVerifier(check);
        // only what the host configured: no ~/.ssh/config, no default identities, no agent
        c.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        c.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        CoreModuleProperties.IO_CONNECT_TIMEOUT.set(c, b.connectTimeout);
        CoreModuleProperties.AUTH_TIMEOUT.set(c, b.authTimeout);
        CoreModuleProperties.IDLE_TIMEOUT.set(c, b.ioTimeout);
        CoreModuleProperties.NIO2_READ_TIMEOUT.set(c, b.ioTimeout);
        CoreModuleProperties.WINDOW_TIMEOUT.set(c, b.ioTimeout);
        CoreModuleProperties.CHANNEL_OPEN_TIMEOUT.set(c, b.ioTimeout);
        SftpModuleProperties.SFTP_CHANNEL_OPEN_TIMEOUT.set(c, b.ioTimeout);
        AbstractSftpClient.SFTP_CLIENT_CMD_TIMEOUT.set(c, b.ioTimeout);
        c.start();
        this.client = c;
    }

    /**
     * @param name the name schedules give this destination by: 1 to 50 letters, digits, {@code .},
     *     {@code -} or {@code _}
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Violation> validate(Map<String, String> parameters) {
        return StorageParameters.check(parameters, DESCRIPTION);
    }

    @Override
    public Delivered deliver(Delivery delivery) throws IOException {
        Map<String, String> parameters = delivery.parameters();
        String relative = StorageParameters.pathFor(delivery, name);
        if (!RemotePaths.safeRelative(relative)) {
            throw new ExportException(prefix() + "refusing to write '" + relative + "': it is outside the root folder");
        }
        ClientSession session = null;
        boolean succeeded = false;
        String doing = "connecting to the server";
        try {
            session =
                    client.connect(username, host, port).verify(connectTimeout).getSession();
            for (KeyPair key : keys) {
                session.addPublicKeyIdentity(key);
            }
            if (password != null) {
                session.addPasswordIdentity(password);
            }
            doing = "authenticating";
            session.auth().verify(authTimeout);
            doing = "opening the SFTP channel";
            try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                doing = "finding the root folder";
                String rootPath = rootFolder(sftp);
                doing = "creating folders";
                String folder = folders(sftp, rootPath, relative);
                String target = RemotePaths.join(folder, relative.substring(relative.lastIndexOf('/') + 1));
                Attributes existing = lstat(sftp, target);
                if (existing != null && (existing.isDirectory() || existing.isSymbolicLink())) {
                    throw new ExportException(
                            prefix() + "refusing to write '" + relative + "': a link or folder is in the way");
                }
                doing = "uploading";
                writeAtomically(sftp, folder, target, existing != null, delivery.content());
                OptionalInt keep = StorageParameters.keep(parameters);
                if (keep.isPresent()) {
                    doing = "applying keep-last-N";
                    retain(sftp, rootPath, delivery.context().scheduleId(), relative, keep.getAsInt());
                }
            }
            LOG.debug("destination {} wrote {} ({} bytes)", name, relative, delivery.size());
            succeeded = true;
            return new Delivered(relative);
        } catch (IOException | RuntimeException e) {
            throw Failures.classify(name, session, doing, e);
        } finally {
            if (session != null) {
                close(session, succeeded);
            }
        }
    }

    /**
     * After a delivery, says goodbye as SSH expects (a server logs a dropped connection as an
     * error), within the I/O timeout; after a failure, just drops the connection.
     */
    private void close(ClientSession session, boolean politely) {
        if (politely) {
            try {
                if (session.close(false).await(ioTimeout)) {
                    return;
                }
            } catch (IOException e) {
                LOG.debug("destination {}: closing the session failed", name, e);
            }
        }
        session.close(true);
    }

    private String prefix() {
        return "destination '" + name + "': ";
    }

    private String rootFolder(SftpClient sftp) throws IOException {
        try {
            String real = sftp.canonicalPath(root);
            if (!sftp.stat(real).isDirectory()) {
                throw new ExportException(prefix() + "the configured root folder is not a folder on the server");
            }
            return real;
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE
                    || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH) {
                throw new ExportException(
                        prefix() + "the configured root folder does not exist on the server; the host must "
                                + "create it or configure another",
                        e);
            }
            throw e;
        }
    }

    /** Creates the folders of {@code relative} below the root, and returns the last one's path. */
    private String folders(SftpClient sftp, String rootPath, String relative) throws IOException {
        String current = rootPath;
        boolean creating = false;
        for (String folder : RemotePaths.folders(relative)) {
            current = RemotePaths.join(current, folder);
            if (!creating) {
                Attributes found = lstat(sftp, current);
                if (found == null) {
                    creating = true;
                } else if (found.isSymbolicLink()) {
                    if (!linkStaysInside(sftp, rootPath, current)) {
                        throw new ExportException(
                                prefix() + "refusing to write '" + relative
                                        + "': a folder on the way is a link that leads out of the root folder, or to no folder");
                    }
                } else if (!found.isDirectory()) {
                    throw new ExportException(prefix() + "refusing to write '" + relative + "': a file is in the way");
                }
            }
            if (creating) {
                try {
                    sftp.mkdir(current);
                } catch (SftpException e) {
                    // another delivery may have made it meanwhile
                    Attributes made = lstat(sftp, current);
                    if (made == null || !made.isDirectory()) {
                        throw e;
                    }
                }
            }
        }
        return current;
    }

    /** True if every folder of {@code relative} exists and none is a link that leads out of the root. */
    private static boolean foldersStayInside(SftpClient sftp, String rootPath, String relative) throws IOException {
        String current = rootPath;
        for (String folder : RemotePaths.folders(relative)) {
            current = RemotePaths.join(current, folder);
            Attributes found = lstat(sftp, current);
            if (found == null
                    || (found.isSymbolicLink() && !linkStaysInside(sftp, rootPath, current))
                    || (!found.isSymbolicLink() && !found.isDirectory())) {
                return false;
            }
        }
        return true;
    }

    /**
     * True if the link at {@code link} leads to a folder below the root. A server whose {@code
     * realpath} resolves links (OpenSSH's does) answers in one round trip; for one that only
     * normalises the path (Apache MINA's), the link is followed with {@code readlink}, at most
     * {@value #MAX_LINK_HOPS} links in a row.
     */
    private static boolean linkStaysInside(SftpClient sftp, String rootPath, String link) throws IOException {
        String real = sftp.canonicalPath(link);
        if (!real.equals(link)) {
            Attributes target = stat(sftp, real);
            return RemotePaths.within(rootPath, real) && target != null && target.isDirectory();
        }
        String path = link;
        for (int hop = 0; hop < MAX_LINK_HOPS; hop++) {
            String target = sftp.readLink(path);
            String next = RemotePaths.normalise(
                    target.startsWith("/") ? target : RemotePaths.join(RemotePaths.parent(path), target));
            if (!RemotePaths.within(rootPath, next)) {
                return false;
            }
            Attributes found = lstat(sftp, next);
            if (found == null) {
                return false;
            }
            if (!found.isSymbolicLink()) {
                return found.isDirectory();
            }
            path = next;
        }
        return false;
    }

    private void writeAtomically(SftpClient sftp, String folder, String target, boolean replacing, byte[] content)
            throws IOException {
        String temporary = RemotePaths.join(folder, ".schedex-" + UUID.randomUUID() + ".tmp");
        boolean renamed = false;
        try {
            try (OutputStream out = sftp.write(temporary, OpenMode.Write, OpenMode.Create, OpenMode.Exclusive)) {
                out.write(content);
            }
            rename(sftp, temporary, target, replacing);
            renamed = true;
        } finally {
            if (!renamed && sftp.isOpen()) {
                try {
                    sftp.remove(temporary);
                } catch (IOException e) {
                    LOG.debug("destination {} could not remove {}", name, temporary, e);
                }
            }
        }
    }

    private static void rename(SftpClient sftp, String from, String to, boolean replacing) throws IOException {
        OpenSSHPosixRenameExtension posix = sftp.getExtension(OpenSSHPosixRenameExtension.class);
        if (posix.isSupported()) {
            posix.posixRename(from, to);
        } else if (sftp.getVersion() >= SftpConstants.SFTP_V5) {
            sftp.rename(from, to, CopyMode.Overwrite);
        } else {
            // SFTP 3's rename never replaces: the only non-atomic step, and no partial file is ever visible
            if (replacing) {
                sftp.remove(to);
            }
            sftp.rename(from, to);
        }
    }

    private static @Nullable Attributes stat(SftpClient sftp, String path) throws IOException {
        try {
            return sftp.stat(path);
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE
                    || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH) {
                return null;
            }
            throw e;
        }
    }

    private static @Nullable Attributes lstat(SftpClient sftp, String path) throws IOException {
        try {
            return sftp.lstat(path);
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE
                    || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH) {
                return null;
            }
            throw e;
        }
    }

    /** Keeps the newest {@code keep} files of a schedule, as {@link Retention} says. */
    private void retain(SftpClient sftp, String rootPath, UUID scheduleId, String written, int keep)
            throws IOException {
        String records = folders(sftp, rootPath, Retention.indexPath(scheduleId));
        String index = RemotePaths.join(rootPath, Retention.indexPath(scheduleId));
        Attributes existing = lstat(sftp, index);
        List<String> listed = List.of();
        if (existing != null && existing.isRegularFile()) {
            try (InputStream in = sftp.read(index)) {
                listed = Retention.decode(in.readNBytes(MAX_INDEX_BYTES));
            }
        }
        Retention.Pruned pruned = Retention.afterWriting(listed, written, keep);
        for (String old : pruned.removed()) {
            if (!RemotePaths.safeRelative(old)) {
                continue;
            }
            String path = RemotePaths.join(rootPath, old);
            Attributes found = lstat(sftp, path);
            if (found == null || !found.isRegularFile()) {
                continue;
            }
            if (!foldersStayInside(sftp, rootPath, old)) {
                continue;
            }
            try {
                sftp.remove(path);
            } catch (SftpException e) {
                if (e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_FILE) {
                    throw e;
                }
            }
        }
        writeAtomically(sftp, records, index, existing != null, Retention.encode(pruned.kept()));
    }

    /** Stops the SSH client and its threads; deliveries after this fail. */
    @Override
    public void close() throws IOException {
        client.stop();
    }

    @Override
    public String toString() {
        return "SftpDestination[" + name + ", " + username + "@" + host + ":" + port + ", root " + root + ", "
                + verification + "]";
    }

    /**
     * What the host configures. Required: {@link #host}, {@link #username}, a private key or a
     * password, and one way to verify the server's host key ({@link #knownHosts}, {@link
     * #hostKey(PublicKey)} or {@link #hostKeyFingerprint}).
     */
    public static final class Builder {

        private final String name;
        private @Nullable String host;
        private int port = DEFAULT_PORT;
        private @Nullable String username;
        private final List<KeyPair> keys = new ArrayList<>();
        private @Nullable String password;
        private @Nullable Path knownHosts;
        private final List<PublicKey> hostKeys = new ArrayList<>();
        private final List<String> fingerprints = new ArrayList<>();
        private String root = ".";
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration authTimeout = DEFAULT_AUTH_TIMEOUT;
        private Duration ioTimeout = DEFAULT_IO_TIMEOUT;

        private Builder(String name) {
            RegisteredNames.check("destination", name);
            this.name = name;
        }

        /**
         * @param host the server's host name or address
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * @param port the server's port, {@value SftpDestination#DEFAULT_PORT} unless given
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("port must be 1 to 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * @param username the user to log in as
         * @return this builder
         */
        public Builder username(String username) {
            this.username = Objects.requireNonNull(username, "username");
            return this;
        }

        /**
         * Authenticates with a key pair; may be given more than once, and with a password.
         *
         * @param key the client's key pair
         * @return this builder
         */
        public Builder privateKey(KeyPair key) {
            keys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /**
         * Authenticates with an unencrypted private key.
         *
         * @param text the key in OpenSSH ({@code BEGIN OPENSSH PRIVATE KEY}) or PEM form
         * @return this builder
         * @throws IllegalArgumentException if it cannot be read (the message does not quote it)
         */
        public Builder privateKey(String text) {
            keys.addAll(KeyLoading.privateKeys(Objects.requireNonNull(text, "text"), null, "the private key"));
            return this;
        }

        /**
         * Authenticates with an encrypted private key.
         *
         * @param text       the key in OpenSSH or PEM form
         * @param passphrase its passphrase
         * @return this builder
         * @throws IllegalArgumentException if it cannot be read or the passphrase is wrong
         */
        public Builder privateKey(String text, String passphrase) {
            keys.addAll(KeyLoading.privateKeys(
                    Objects.requireNonNull(text, "text"),
                    Objects.requireNonNull(passphrase, "passphrase"),
                    "the private key"));
            return this;
        }

        /**
         * Authenticates with an unencrypted private key file, read now.
         *
         * @param file the key file, in OpenSSH or PEM form
         * @return this builder
         * @throws IOException if it cannot be read
         */
        public Builder privateKeyFile(Path file) throws IOException {
            keys.addAll(KeyLoading.privateKeys(
                    Files.readString(file, StandardCharsets.UTF_8), null, "the private key file " + file));
            return this;
        }

        /**
         * Authenticates with an encrypted private key file, read now.
         *
         * @param file       the key file, in OpenSSH or PEM form
         * @param passphrase its passphrase
         * @return this builder
         * @throws IOException if it cannot be read
         */
        public Builder privateKeyFile(Path file, String passphrase) throws IOException {
            keys.addAll(KeyLoading.privateKeys(
                    Files.readString(file, StandardCharsets.UTF_8),
                    Objects.requireNonNull(passphrase, "passphrase"),
                    "the private key file " + file));
            return this;
        }

        /**
         * Authenticates with a password (also answering a keyboard-interactive password prompt).
         *
         * @param password the password
         * @return this builder
         */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * Verifies the server's host key against an OpenSSH known_hosts file (hashed entries and
         * {@code [host]:port} entries included). A host that is not in it, or whose key differs, is
         * refused; the file is read, never written.
         *
         * @param file the known_hosts file
         * @return this builder
         */
        public Builder knownHosts(Path file) {
            this.knownHosts = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Accepts a server that presents this host key; may be given more than once (a server's RSA
         * and Ed25519 keys, or the old and new key during a change).
         *
         * @param key the server's public host key
         * @return this builder
         */
        public Builder hostKey(PublicKey key) {
            hostKeys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /**
         * Accepts a server that presents this host key.
         *
         * @param publicKeyLine the key as in a {@code .pub} file: {@code ssh-ed25519 AAAA... comment}
         * @return this builder
         * @throws IllegalArgumentException if it cannot be read
         */
        public Builder hostKey(String publicKeyLine) {
            hostKeys.add(KeyLoading.publicKey(Objects.requireNonNull(publicKeyLine, "publicKeyLine")));
            return this;
        }

        /**
         * Accepts a server whose host key has this SHA-256 fingerprint, as {@code ssh-keygen -lf} prints
         * it; may be given more than once.
         *
         * @param fingerprint such as {@code SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8}
         * @return this builder
         * @throws IllegalArgumentException if it is not a SHA-256 fingerprint
         */
        public Builder hostKeyFingerprint(String fingerprint) {
            if (HostKeyCheck.normalise(Objects.requireNonNull(fingerprint, "fingerprint"))
                    .isEmpty()) {
                throw new IllegalArgumentException(
                        "a host key fingerprint is 'SHA256:' and base64, as ssh-keygen -lf prints it");
            }
            fingerprints.add(fingerprint);
            return this;
        }

        /**
         * @param root the folder on the server all exports go below, absolute or relative to the
         *     user's login folder; the login folder unless given. It must exist.
         * @return this builder
         */
        public Builder root(String root) {
            Objects.requireNonNull(root, "root");
            if (root.isBlank() || root.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("root must be a folder's path on the server");
            }
            this.root = root;
            return this;
        }

        /**
         * @param timeout how long opening the TCP connection may take
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * @param timeout how long the key exchange and authentication may take
         * @return this builder
         */
        public Builder authTimeout(Duration timeout) {
            this.authTimeout = positive(timeout, "authTimeout");
            return this;
        }

        /**
         * @param timeout how long the server may stay silent while a request is waiting for its
         *     answer, or while the upload waits for room in its window
         * @return this builder
         */
        public Builder ioTimeout(Duration timeout) {
            this.ioTimeout = positive(timeout, "ioTimeout");
            return this;
        }

        private static Duration positive(Duration timeout, String what) {
            Objects.requireNonNull(timeout, what);
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, was " + timeout);
            }
            return timeout;
        }

        /**
         * Checks the configuration and starts the SSH client (no connection is made yet).
         *
         * @return the destination; close it when the service stops
         * @throws IllegalStateException if something required is missing
         */
        public SftpDestination build() {
            if (host == null || username == null) {
                throw new IllegalStateException("destination '" + name + "': host and username are required");
            }
            if (keys.isEmpty() && password == null) {
                throw new IllegalStateException(
                        "destination '" + name + "': give a private key or a password to authenticate with");
            }
            boolean pinned = !hostKeys.isEmpty() || !fingerprints.isEmpty();
            if ((knownHosts == null) == !pinned) {
                throw new IllegalStateException("destination '" + name + "': give exactly one way to verify the "
                        + "server's host key: a known_hosts file, or host keys and fingerprints");
            }
            HostKeyCheck check;
            String verification;
            if (knownHosts != null) {
                check = HostKeyCheck.knownHosts(knownHosts);
                verification = "known_hosts " + knownHosts;
            } else {
                check = HostKeyCheck.pinned(hostKeys, fingerprints);
                verification = (hostKeys.size() + fingerprints.size()) + " pinned host key(s)";
            }
            return new SftpDestination(this, host, username, check, verification);
        }
    }
}

package dev.schedex.destination.sftp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server (Apache MINA sshd) on 127.0.0.1 and a free port, serving a folder: a generated
 * EC host key, user {@value #KEY_USER} by the client key {@link #clientKey}, user {@value
 * #PASSWORD_USER} by {@value #PASSWORD}. Tests add listeners to fail or hold SFTP requests.
 */
final class TestSftpServer implements AutoCloseable {

    static final String KEY_USER = "alice";
    static final String PASSWORD_USER = "bob";
    static final String PASSWORD = "correct-horse-battery";

    final KeyPair hostKey;
    final KeyPair clientKey;
    final Path folder;
    private final SshServer server;
    private final List<SftpEventListener> listeners = new CopyOnWriteArrayList<>();

    TestSftpServer(Path folder) throws IOException, GeneralSecurityException {
        this(folder, ecKey(), ecKey());
    }

    TestSftpServer(Path folder, KeyPair hostKey, KeyPair clientKey) throws IOException {
        this.folder = folder;
        this.hostKey = hostKey;
        this.clientKey = clientKey;
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator(
                (user, key, session) -> KEY_USER.equals(user) && KeyUtils.compareKeys(key, this.clientKey.getPublic()));
        server.setPasswordAuthenticator(
                (user, password, session) -> PASSWORD_USER.equals(user) && PASSWORD.equals(password));
        server.setKeyboardInteractiveAuthenticator(null);
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(new Delegating());
        server.setSubsystemFactories(List.of(sftp));
        server.setFileSystemFactory(new VirtualFileSystemFactory(folder));
        server.start();
    }

    static KeyPair ecKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    int port() {
        return server.getPort();
    }

    void listen(SftpEventListener listener) {
        listeners.add(listener);
    }

    /** Stops at once, dropping every connection. */
    void stop() throws IOException {
        server.stop(true);
    }

    /** @return a known_hosts line for this server's host key on its port */
    String knownHostsLine() throws IOException {
        StringBuilder line = new StringBuilder("[127.0.0.1]:" + port() + " ");
        PublicKeyEntry.appendPublicKeyEntry(line, hostKey.getPublic());
        return line.toString();
    }

    /** @return every file below the folder, relative, with {@code /} */
    List<String> files() throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    static String utf8(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** Makes the server speak SFTP 3 only and offer no {@code posix-rename@openssh.com}, as old servers do. */
    void speakSftp3WithoutPosixRename() {
        org.apache.sshd.sftp.SftpModuleProperties.SFTP_VERSION.set(server, 3);
        org.apache.sshd.sftp.SftpModuleProperties.OPENSSH_EXTENSIONS.set(server, "fsync@openssh.com=1");
    }

    /** Passes every event to the listeners the test added. */
    private final class Delegating implements SftpEventListener {

        @Override
        public void opening(
                org.apache.sshd.server.session.ServerSession session,
                String remoteHandle,
                org.apache.sshd.sftp.server.Handle localHandle)
                throws IOException {
            for (SftpEventListener l : listeners) {
                l.opening(session, remoteHandle, localHandle);
            }
        }

        @Override
        public void moving(
                org.apache.sshd.server.session.ServerSession session,
                Path from,
                Path to,
                java.util.Collection<java.nio.file.CopyOption> options)
                throws IOException {
            for (SftpEventListener l : listeners) {
                l.moving(session, from, to, options);
            }
        }

        @Override
        public void removing(org.apache.sshd.server.session.ServerSession session, Path path, boolean isDirectory)
                throws IOException {
            for (SftpEventListener l : listeners) {
                l.removing(session, path, isDirectory);
            }
        }

        @Override
        public void writing(
                org.apache.sshd.server.session.ServerSession session,
                String remoteHandle,
                org.apache.sshd.sftp.server.FileHandle localHandle,
                long offset,
                byte[] data,
                int dataOffset,
                int dataLen)
                throws IOException {
            for (SftpEventListener l : listeners) {
                l.writing(session, remoteHandle, localHandle, offset, data, dataOffset, dataLen);
            }
        }
    }
}

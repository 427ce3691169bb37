package dev.schedex.destination.sftp.internal;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;

/**
 * Verifies the server's host key against what the host configured (a known_hosts file, or keys or
 * SHA-256 fingerprints), and marks a session whose key was refused, so that the failure that
 * follows (the key exchange ends the session) can be told apart from a dropped connection.
 */
public final class HostKeyCheck implements ServerKeyVerifier {

    /** Set on a session whose server key was refused. */
    public static final AttributeKey<Boolean> REFUSED = new AttributeKey<>();

    private final ServerKeyVerifier check;

    private HostKeyCheck(ServerKeyVerifier check) {
        this.check = check;
    }

    /**
     * @param knownHosts an OpenSSH known_hosts file; hosts not in it, and keys that differ from
     *     its entry, are refused (the file is never written)
     * @return the check
     */
    public static HostKeyCheck knownHosts(Path knownHosts) {
        KnownHostsServerKeyVerifier verifier =
                new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, knownHosts);
        // refuse a changed key instead of asking anyone (the default also refuses, but says so only in a log)
        verifier.setModifiedServerKeyAcceptor((session, address, entry, expected, actual) -> false);
        return new HostKeyCheck(verifier);
    }

    /**
     * @param keys         keys any of which the server may present
     * @param fingerprints SHA-256 fingerprints as {@code ssh-keygen -l} prints them ({@code
     *     SHA256:base64}), any of which the server's key may have
     * @return the check
     */
    public static HostKeyCheck pinned(List<PublicKey> keys, List<String> fingerprints) {
        Set<String> accepted =
                fingerprints.stream().map(HostKeyCheck::normalise).collect(Collectors.toSet());
        List<PublicKey> pinned = List.copyOf(keys);
        return new HostKeyCheck((session, address, key) -> pinned.stream().anyMatch(k -> KeyUtils.compareKeys(k, key))
                || accepted.contains(normalise(fingerprint(key))));
    }

    /**
     * @param key a public key
     * @return its SHA-256 fingerprint as {@code ssh-keygen -l} prints it
     */
    public static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    /**
     * @param fingerprint a fingerprint as given
     * @return it without padding and with the algorithm's name in upper case, or empty if it is not a
     *     SHA-256 fingerprint
     */
    public static String normalise(String fingerprint) {
        String f = fingerprint.strip();
        int colon = f.indexOf(':');
        if (colon < 0 || !f.substring(0, colon).toUpperCase(Locale.ROOT).equals("SHA256")) {
            return "";
        }
        String value = f.substring(colon + 1);
        while (value.endsWith("=")) {
            value = value.substring(0, value.length() - 1);
        }
        return value.isEmpty() ? "" : "SHA256:" + value;
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        boolean accepted = check.verifyServerKey(session, remoteAddress, serverKey);
        if (!accepted) {
            session.setAttribute(REFUSED, Boolean.TRUE);
        }
        return accepted;
    }
}

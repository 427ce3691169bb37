package dev.schedex.destination.sftp.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.jspecify.annotations.Nullable;

/**
 * Reads the keys a host configures from their text. Messages never quote the text: a private key's
 * text is a secret, and a public key's does not help a person find which one was wrong.
 */
public final class KeyLoading {

    private KeyLoading() {}

    /**
     * @param text       a private key in OpenSSH ({@code BEGIN OPENSSH PRIVATE KEY}) or PEM (PKCS#1,
     *     PKCS#8, SEC1) form
     * @param passphrase its passphrase if it is encrypted
     * @param what       what to call it in a message, such as "the private key"
     * @return the key pairs in it, at least one
     * @throws IllegalArgumentException if none can be read
     */
    public static List<KeyPair> privateKeys(String text, @Nullable String passphrase, String what) {
        FilePasswordProvider password =
                passphrase == null ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(passphrase);
        List<KeyPair> pairs = new ArrayList<>();
        try {
            Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(
                    null,
                    NamedResource.ofName("private key"),
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                    password);
            if (loaded != null) {
                loaded.forEach(pairs::add);
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(
                    what + " cannot be read (" + e.getClass().getSimpleName()
                            + "); give an OpenSSH or PEM private key, and its passphrase if it has one",
                    e);
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException(what
                    + " holds no private key; give an OpenSSH or PEM private key, and its passphrase if it has one");
        }
        return List.copyOf(pairs);
    }

    /**
     * @param line a public key as in an {@code .pub} file or a known_hosts entry without the host:
     *     {@code ssh-ed25519 AAAA... comment}
     * @return the key
     * @throws IllegalArgumentException if it cannot be read
     */
    public static PublicKey publicKey(String line) {
        try {
            PublicKeyEntry entry = PublicKeyEntry.parsePublicKeyEntry(line.strip());
            PublicKey key = entry.resolvePublicKey(null, null, PublicKeyEntryResolver.FAILING);
            if (key == null) {
                throw new IllegalArgumentException("a host key of an unsupported type was given");
            }
            return key;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "a host key cannot be read; give it as in a .pub file: 'ssh-ed25519 AAAA...'", e);
        }
    }
}

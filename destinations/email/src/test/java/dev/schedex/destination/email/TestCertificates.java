package dev.schedex.destination.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed server certificates for the tests' mail servers, made once per test JVM with the JDK's
 * keytool: one that names 127.0.0.1 (GreenMail's own certificate names no host, so a client that
 * checks the server's name, as the destination does, refuses it), and one that names another host.
 */
final class TestCertificates {

    static final String PASSWORD = "changeit";

    private static Path directory;

    private TestCertificates() {}

    /** @return a PKCS#12 key store whose one key's certificate names 127.0.0.1 and localhost */
    static synchronized Path forLoopback() {
        return make("loopback", "SAN=ip:127.0.0.1,dns:localhost");
    }

    /** @return a PKCS#12 key store whose certificate names only mail.example.org */
    static synchronized Path forOtherHost() {
        return make("other", "SAN=dns:mail.example.org");
    }

    /** @param store a key store made here @return its certificate */
    static X509Certificate certificate(Path store) {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD.toCharArray());
            return (X509Certificate) keys.getCertificate("server");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path make(String name, String extension) {
        try {
            if (directory == null) {
                directory = Files.createTempDirectory("schedex-email-tls");
                directory.toFile().deleteOnExit();
            }
            Path store = directory.resolve(name + ".p12");
            if (Files.exists(store)) {
                return store;
            }
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(List.of(
                            keytool.toString(),
                            "-genkeypair",
                            "-alias",
                            "server",
                            "-keyalg",
                            "EC",
                            "-groupname",
                            "secp256r1",
                            "-sigalg",
                            "SHA256withECDSA",
                            "-dname",
                            "CN=" + name + " test mail server",
                            "-ext",
                            extension,
                            "-validity",
                            "2",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            store.toString(),
                            "-storepass",
                            PASSWORD,
                            "-keypass",
                            PASSWORD))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            store.toFile().deleteOnExit();
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

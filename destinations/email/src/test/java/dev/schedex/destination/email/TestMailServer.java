package dev.schedex.destination.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import javax.imageio.ImageIO;

/**
 * GreenMail, a real SMTP server in the test JVM, on 127.0.0.1 with random ports for SMTP and SMTPS,
 * with one account. Its SMTPS certificate is one of {@link TestCertificates} (GreenMail reads the key
 * store from system properties once per JVM), so that a client checking the server's name accepts it
 * once it trusts that certificate.
 */
final class TestMailServer implements AutoCloseable {

    static final String USER = "reports";
    static final String PASSWORD = "s3cret-Pa55";
    static final String SENDER = "reports@example.com";

    private static final Path KEY_STORE = TestCertificates.forLoopback();

    static {
        System.setProperty("greenmail.tls.keystore.file", KEY_STORE.toString());
        System.setProperty("greenmail.tls.keystore.password", TestCertificates.PASSWORD);
        System.setProperty("greenmail.tls.key.password", TestCertificates.PASSWORD);
    }

    final GreenMail greenMail;

    TestMailServer() {
        ServerSetup smtp = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
        ServerSetup smtps = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort();
        // a bound, not a measurement: the first TLS server in a JVM loads its key store, slow on a busy machine
        smtp.setServerStartupTimeout(60_000);
        smtps.setServerStartupTimeout(60_000);
        greenMail = new GreenMail(new ServerSetup[] {smtp, smtps});
        greenMail.start();
        greenMail.setUser(SENDER, USER, PASSWORD);
    }

    int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    int smtpsPort() {
        return greenMail.getSmtps().getPort();
    }

    /** @return the certificate GreenMail shows on SMTPS */
    static X509Certificate certificate() {
        return TestCertificates.certificate(KEY_STORE);
    }

    /** @return a builder for plain SMTP to this server with the account's credentials, open to example.com */
    EmailDestination.Builder plain(String name) {
        return EmailDestination.builder(name)
                .host("127.0.0.1")
                .port(smtpPort())
                .plainTextWithoutTls()
                .credentials(USER, PASSWORD)
                .sender("Reports <" + SENDER + ">")
                .heloName("client.example.com")
                .allowDomains("example.com");
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /** @return a small real PNG, 3 by 2 pixels */
    static byte[] png() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xff0000);
        image.setRGB(2, 1, 0x00ff00);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

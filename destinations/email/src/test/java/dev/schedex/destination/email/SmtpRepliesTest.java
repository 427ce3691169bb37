package dev.schedex.destination.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.spi.ExportException;
import dev.schedex.testing.Deliveries;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * What real servers answer that GreenMail does not, from a scripted server on 127.0.0.1: each kind of
 * refusal is permanent or temporary as the SMTP reply code says, and a connection that is refused,
 * dropped or silent is temporary.
 */
class SmtpRepliesTest {

    private static final Instant OCCURRENCE = Instant.parse("2024-03-01T01:00:00Z");

    private static EmailDestination.Builder to(int port) {
        return EmailDestination.builder("relay")
                .host("127.0.0.1")
                .port(port)
                .plainTextWithoutTls()
                .sender("reports@example.com")
                .heloName("client.example.com")
                .allowDomains("example.com");
    }

    private static ExportException failure(ScriptedSmtpServer server, Map<String, String> parameters) {
        return failure(to(server.port()).build(), parameters);
    }

    private static ExportException failure(EmailDestination destination, Map<String, String> parameters) {
        return assertThrows(
                ExportException.class,
                () -> destination.deliver(Deliveries.png(parameters, OCCURRENCE, new byte[] {1, 2, 3})));
    }

    private static UnaryOperator<String> replying(String commandStart, String reply) {
        return command -> command.toUpperCase(java.util.Locale.ROOT).startsWith(commandStart)
                ? reply
                : ScriptedSmtpServer.accepting(command);
    }

    @Test
    void aRefusedRecipientFailsPermanentlyNamingItAndNothingIsSent() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.replying(command -> command.contains("<gone@example.com>")
                ? "550 5.1.1 <gone@example.com>: Recipient address rejected: User unknown"
                : ScriptedSmtpServer.accepting(command))) {

            ExportException e = failure(server, Map.of("to", "bob@example.com, gone@example.com"));

            assertFalse(e.isTemporary(), e.getMessage());
            assertTrue(
                    e.getMessage()
                            .startsWith("destination 'relay': the mail server refused the recipient gone@example.com"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("550 5.1.1"), e.getMessage());
            assertFalse(server.commands().contains(ScriptedSmtpServer.END_OF_DATA), "no message was sent");
        }
    }

    @Test
    void aMessageTooLargeForTheServerFailsPermanently() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.replying(replying(
                ScriptedSmtpServer.END_OF_DATA.toUpperCase(java.util.Locale.ROOT),
                "552 5.3.4 Message size exceeds fixed limit"))) {

            ExportException e = failure(server, Map.of("to", "bob@example.com"));

            assertFalse(e.isTemporary(), e.getMessage());
            assertTrue(e.getMessage().contains("refused the message as too large"), e.getMessage());
        }
    }

    @Test
    void aTemporaryRefusalIsRetried() throws IOException {
        try (ScriptedSmtpServer server =
                ScriptedSmtpServer.replying(replying("RCPT", "451 4.7.1 Greylisted, try again later"))) {

            ExportException e = failure(server, Map.of("to", "bob@example.com"));

            assertTrue(e.isTemporary(), e.getMessage());
            assertTrue(e.getMessage().contains("try again later"), e.getMessage());
        }
    }

    @Test
    void aServerRefusingTheMessageFailsPermanently() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.replying(
                replying(ScriptedSmtpServer.END_OF_DATA.toUpperCase(java.util.Locale.ROOT), "554 5.7.1 Spam"))) {

            ExportException e = failure(server, Map.of("to", "bob@example.com"));

            assertFalse(e.isTemporary(), e.getMessage());
            assertTrue(e.getMessage().contains("554 5.7.1 Spam"), e.getMessage());
        }
    }

    @Test
    void aBusyServerIsRetried() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.replying(replying(
                ScriptedSmtpServer.END_OF_DATA.toUpperCase(java.util.Locale.ROOT), "421 4.3.2 Shutting down"))) {

            assertTrue(failure(server, Map.of("to", "bob@example.com")).isTemporary());
        }
    }

    @Test
    void aServerThatClosesTheConnectionAtOnceIsRetried() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.closingAtOnce()) {

            ExportException e = failure(server, Map.of("to", "bob@example.com"));

            assertTrue(e.isTemporary(), e.getMessage());
            assertEquals(
                    "destination 'relay': the mail server at 127.0.0.1:" + server.port() + " closed the connection",
                    e.getMessage());
        }
    }

    @Test
    void aServerThatDropsTheConnectionDuringTheMessageIsRetried() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.replying(
                replying(ScriptedSmtpServer.END_OF_DATA.toUpperCase(java.util.Locale.ROOT), null))) {

            ExportException e = failure(server, Map.of("to", "bob@example.com"));

            assertTrue(e.isTemporary(), e.getMessage());
            assertTrue(e.getMessage().endsWith(" closed the connection"), e.getMessage());
        }
    }

    @Test
    void aRefusedConnectionIsRetried() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }

        ExportException e = failure(to(port).build(), Map.of("to", "bob@example.com"));

        assertTrue(e.isTemporary(), e.getMessage());
        assertEquals(
                "destination 'relay': could not connect to the mail server at 127.0.0.1:" + port
                        + " (connection refused)",
                e.getMessage());
    }

    @Test
    void aServerThatNeverAnswersTimesOutAndIsRetried() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            EmailDestination destination = to(silent.getLocalPort())
                    .readTimeout(Duration.ofMillis(300))
                    .build();

            ExportException e = failure(destination, Map.of("to", "bob@example.com"));

            assertTrue(e.isTemporary(), e.getMessage());
            assertTrue(e.getMessage().contains("did not answer in time"), e.getMessage());
        }
    }

    private static SSLContext serverTls(Path store) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, TestCertificates.PASSWORD.toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, TestCertificates.PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        return tls;
    }

    @Test
    void startTlsUpgradesTheConnectionBeforeTheLoginAndTheMessage() throws Exception {
        Path store = TestCertificates.forLoopback();
        try (ScriptedSmtpServer server =
                ScriptedSmtpServer.replyingWithStartTls(serverTls(store), ScriptedSmtpServer::accepting)) {
            EmailDestination destination = to(server.port())
                    .startTls()
                    .trustCertificate(TestCertificates.certificate(store))
                    .credentials("reports", "s3cret")
                    .build();

            destination.deliver(Deliveries.png(Map.of("to", "bob@example.com"), OCCURRENCE, new byte[] {1}));

            List<String> commands = server.commands();
            int startTls = commands.indexOf("STARTTLS");
            assertEquals(List.of("EHLO client.example.com", "STARTTLS"), commands.subList(0, 2), commands.toString());
            assertTrue(commands.stream().skip(startTls).anyMatch(c -> c.startsWith("AUTH ")), commands.toString());
            assertTrue(commands.contains(ScriptedSmtpServer.END_OF_DATA), commands.toString());
        }
    }

    @Test
    void startTlsToAServerWithAnUntrustedCertificateIsRefusedBeforeTheLogin() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.replyingWithStartTls(
                serverTls(TestCertificates.forLoopback()), ScriptedSmtpServer::accepting)) {
            EmailDestination destination = to(server.port())
                    .startTls()
                    .credentials("reports", "s3cret")
                    .build();

            ExportException e = failure(destination, Map.of("to", "bob@example.com"));

            assertFalse(e.isTemporary(), e.getMessage());
            assertTrue(e.getMessage().contains("certificate that is not trusted"), e.getMessage());
            assertEquals(List.of("EHLO client.example.com", "STARTTLS"), server.commands());
        }
    }

    @Test
    void theTimeoutsApplyOverImplicitTlsToo() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            EmailDestination destination = to(silent.getLocalPort())
                    .implicitTls()
                    .readTimeout(Duration.ofMillis(300))
                    .build();

            ExportException e = failure(destination, Map.of("to", "bob@example.com"));

            assertTrue(e.isTemporary(), e.getMessage());
            assertTrue(e.getMessage().contains("did not answer in time"), e.getMessage());
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefusedPermanently() throws Exception {
        Path store = TestCertificates.forOtherHost();
        try (ScriptedSmtpServer server =
                ScriptedSmtpServer.replyingOverTls(serverTls(store), ScriptedSmtpServer::accepting)) {
            EmailDestination destination = to(server.port())
                    .implicitTls()
                    .trustCertificate(TestCertificates.certificate(store))
                    .build();

            ExportException e = failure(destination, Map.of("to", "bob@example.com"));

            assertFalse(e.isTemporary(), e.getMessage());
            assertTrue(e.getMessage().contains("does not name it"), e.getMessage());
            assertEquals(List.of(), server.commands(), "nothing was said over a connection to the wrong host");
        }
    }
}

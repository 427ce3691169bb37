package dev.schedex.destination.email;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.spi.Delivered;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.ExportContext;
import dev.schedex.spi.ExportException;
import dev.schedex.testing.Deliveries;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The email destination against GreenMail: what arrives, over plain SMTP and implicit TLS, and what fails how. */
class EmailDestinationTest {

    private static final Instant OCCURRENCE = Instant.parse("2024-03-01T01:00:00Z");
    private static final Map<String, String> TO_BOB = Map.of("to", "bob@example.com");

    private static TestMailServer server;

    @BeforeAll
    static void startServer() {
        server = new TestMailServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void emptyMailboxes() throws Exception {
        server.greenMail.purgeEmailFromAllMailboxes();
    }

    private static MimeMessage onlyMessage() {
        assertTrue(server.greenMail.waitForIncomingEmail(10_000, 1), "a message arrives");
        MimeMessage[] received = server.greenMail.getReceivedMessages();
        assertEquals(1, received.length, "one message for one recipient");
        return received[0];
    }

    private static byte[] bytes(Part part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static String text(Part part) throws Exception {
        return new String(bytes(part), StandardCharsets.UTF_8);
    }

    /** Every leaf part, depth first, with the content types of the multiparts on the way. */
    private static void walk(Part part, List<String> types, List<Part> leaves) throws Exception {
        String type = part.getContentType().toLowerCase(java.util.Locale.ROOT);
        types.add(type.split(";")[0].strip());
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), types, leaves);
            }
        } else {
            leaves.add(part);
        }
    }

    @Test
    void aPngArrivesAttachedAndShownInlineUnderTheMessageIdOfItsOccurrence() throws Exception {
        byte[] png = TestMailServer.png();
        EmailDestination destination = server.plain("reports-mail").build();
        Delivery delivery = Deliveries.png(
                Map.of(
                        "to",
                        "Bob <bob@example.com>",
                        "cc",
                        "carol@example.com",
                        "subject",
                        "{name} - {title} ({date})"),
                OCCURRENCE,
                png);

        Delivered delivered = destination.deliver(delivery);

        String messageId = "<" + delivery.context().idempotencyKey() + "@schedex.example.com>";
        assertEquals("mail " + messageId + " to 2 recipients", delivered.location());
        assertTrue(server.greenMail.waitForIncomingEmail(10_000, 2));
        MimeMessage message = server.greenMail.getReceivedMessagesForDomain("example.com")[0];
        assertEquals(messageId, message.getMessageID());
        assertEquals("Nightly export - A title (2024-03-01)", message.getSubject());
        assertEquals("2024-03-01T01:00:00Z", message.getHeader("X-Schedex-Occurrence", null));
        assertEquals(new InternetAddress("Reports <reports@example.com>"), message.getFrom()[0]);
        assertEquals(
                List.of(new InternetAddress("Bob <bob@example.com>")),
                List.of(message.getRecipients(Message.RecipientType.TO)));
        assertEquals(
                List.of(new InternetAddress("carol@example.com")),
                List.of(message.getRecipients(Message.RecipientType.CC)));

        List<String> types = new ArrayList<>();
        List<Part> leaves = new ArrayList<>();
        walk(message, types, leaves);
        assertEquals(
                List.of(
                        "multipart/mixed",
                        "multipart/alternative",
                        "text/plain",
                        "multipart/related",
                        "text/html",
                        "image/png",
                        "image/png"),
                types);
        Part plain = leaves.get(0);
        Part html = leaves.get(1);
        Part inline = leaves.get(2);
        Part attachment = leaves.get(3);
        assertTrue(text(plain).contains("The scheduled export \"Nightly export\" of A title for 2024-03-01."));
        assertTrue(text(plain).contains("Attached: A_title.png"));
        String contentId = ((jakarta.mail.internet.MimeBodyPart) inline).getContentID();
        assertTrue(contentId.startsWith("<") && contentId.endsWith(">"), contentId);
        assertTrue(
                text(html).contains("<img src=\"cid:" + contentId.substring(1, contentId.length() - 1) + "\""),
                text(html));
        assertEquals(Part.INLINE, inline.getDisposition());
        assertArrayEquals(png, bytes(inline));
        assertEquals(Part.ATTACHMENT, attachment.getDisposition());
        assertEquals("A_title.png", attachment.getFileName());
        assertArrayEquals(png, bytes(attachment), "the attachment's bytes are the export's");
    }

    @Test
    void anotherFormatIsAttachedUnderItsMediaTypeAndTheOwnersFileName() throws Exception {
        byte[] csv = "a,b\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8);
        EmailDestination destination = server.plain("reports-mail").build();

        destination.deliver(Deliveries.of(
                Map.of("to", "bob@example.com", "filename", "{document}_{date}.{ext}", "body", "Numbers & <more>"),
                Deliveries.SCHEDULE,
                OCCURRENCE,
                "csv",
                "text/csv",
                csv));

        MimeMessage message = onlyMessage();
        List<String> types = new ArrayList<>();
        List<Part> leaves = new ArrayList<>();
        walk(message, types, leaves);
        assertEquals(List.of("multipart/mixed", "multipart/alternative", "text/plain", "text/html", "text/csv"), types);
        assertTrue(text(leaves.get(1)).contains("<p>Numbers &amp; &lt;more&gt;</p>"), "the body is escaped in HTML");
        assertEquals("doc-1_2024-03-01.csv", leaves.get(2).getFileName());
        assertArrayEquals(csv, bytes(leaves.get(2)));
    }

    @Test
    void aReDeliveryOfTheSameOccurrenceSendsTheSameMessageId() throws Exception {
        EmailDestination destination = server.plain("reports-mail").build();
        Delivery delivery = Deliveries.png(TO_BOB, OCCURRENCE, TestMailServer.png());

        destination.deliver(delivery);
        destination.deliver(delivery);
        destination.deliver(Deliveries.png(TO_BOB, OCCURRENCE.plusSeconds(86_400), TestMailServer.png()));

        assertTrue(server.greenMail.waitForIncomingEmail(10_000, 3));
        List<String> ids = new ArrayList<>();
        for (MimeMessage m : server.greenMail.getReceivedMessages()) {
            ids.add(m.getMessageID());
        }
        assertEquals(ids.get(0), ids.get(1), "the same occurrence, the same Message-ID");
        assertFalse(ids.get(0).equals(ids.get(2)), "another occurrence, another Message-ID");
    }

    @Test
    void aTitleWithLineBreaksCannotAddHeadersOrRecipients() throws Exception {
        EmailDestination destination = server.plain("reports-mail").build();
        Delivery delivery = new Delivery(
                Map.of("to", "bob@example.com", "subject", "Report {title}"),
                new ExportContext(Deliveries.SCHEDULE, "Nightly\r\nX-Evil: 1", "alice", OCCURRENCE, Deliveries.ZONE),
                "doc-1",
                "Q1\r\nBcc: mallory@example.com\r\n\r\nfake body\u0000\u2028",
                "png",
                "image/png",
                Deliveries.sha256(TestMailServer.png()),
                TestMailServer.png());

        destination.deliver(delivery);

        MimeMessage message = onlyMessage();
        assertEquals("Report Q1  Bcc: mallory@example.com    fake body", message.getSubject());
        assertNull(message.getHeader("Bcc"));
        assertNull(message.getHeader("X-Evil"));
        assertEquals(1, server.greenMail.getReceivedMessages().length, "nobody else got a copy");
        assertEquals(List.of(new InternetAddress("bob@example.com")), Arrays.asList(message.getAllRecipients()));
    }

    @Test
    void aWrongPasswordFailsPermanentlyWithoutShowingIt() {
        EmailDestination destination = server.plain("reports-mail")
                .credentials(TestMailServer.USER, "wrong-password")
                .build();

        ExportException e = assertThrows(
                ExportException.class, () -> destination.deliver(Deliveries.png(TO_BOB, OCCURRENCE, new byte[] {1})));

        assertFalse(e.isTemporary(), e.getMessage());
        assertTrue(
                e.getMessage()
                        .startsWith("destination 'reports-mail': the mail server refused the user name or password"),
                e.getMessage());
        assertFalse(e.getMessage().contains("wrong-password"));
        assertFalse(destination.toString().contains(TestMailServer.PASSWORD));
    }

    @Test
    void aServerWithoutStartTlsIsRefusedWhenStartTlsIsRequired() {
        EmailDestination destination = server.plain("reports-mail").startTls().build();

        ExportException e = assertThrows(
                ExportException.class, () -> destination.deliver(Deliveries.png(TO_BOB, OCCURRENCE, new byte[] {1})));

        assertFalse(e.isTemporary(), e.getMessage());
        assertTrue(e.getMessage().contains("does not offer STARTTLS"), e.getMessage());
        assertEquals(0, server.greenMail.getReceivedMessages().length);
    }

    @Test
    void aServerThatStopsIsATemporaryFailure() {
        TestMailServer stopped = new TestMailServer();
        EmailDestination destination = stopped.plain("reports-mail").build();
        stopped.close();

        ExportException e = assertThrows(
                ExportException.class, () -> destination.deliver(Deliveries.png(TO_BOB, OCCURRENCE, new byte[] {1})));

        assertTrue(e.isTemporary(), e.getMessage());
        assertTrue(e.getMessage().startsWith("destination 'reports-mail': "), e.getMessage());
    }

    @Nested
    class OverImplicitTls {

        @Test
        void aServerWhoseCertificateIsTrustedGetsTheMessage() throws Exception {
            EmailDestination destination = server.plain("tls-mail")
                    .implicitTls()
                    .port(server.smtpsPort())
                    .trustCertificate(TestMailServer.certificate())
                    .build();

            destination.deliver(Deliveries.png(TO_BOB, OCCURRENCE, TestMailServer.png()));

            assertEquals("Nightly export: A title (2024-03-01)", onlyMessage().getSubject());
        }

        @Test
        void aServerWhoseCertificateIsNotTrustedIsRefusedPermanently() {
            EmailDestination destination = server.plain("tls-mail")
                    .implicitTls()
                    .port(server.smtpsPort())
                    .build();

            ExportException e = assertThrows(
                    ExportException.class,
                    () -> destination.deliver(Deliveries.png(TO_BOB, OCCURRENCE, new byte[] {1})));

            assertFalse(e.isTemporary(), e.getMessage());
            assertTrue(e.getMessage().contains("certificate that is not trusted"), e.getMessage());
            assertEquals(0, server.greenMail.getReceivedMessages().length);
        }
    }

    @Nested
    class AboveTheAttachmentLimit {

        private final byte[] export = TestMailServer.png();

        @Test
        void withoutALinkMakerTheDeliveryFailsPermanentlyAndNothingIsSent() {
            EmailDestination destination = server.plain("reports-mail")
                    .maxAttachmentSize(export.length - 1)
                    .build();

            ExportException e = assertThrows(
                    ExportException.class, () -> destination.deliver(Deliveries.png(TO_BOB, OCCURRENCE, export)));

            assertFalse(e.isTemporary());
            assertTrue(
                    e.getMessage()
                            .startsWith("destination 'reports-mail': the export is " + export.length + " B, "
                                    + "larger than the " + (export.length - 1) + " B this destination attaches"),
                    e.getMessage());
            assertEquals(0, server.greenMail.getReceivedMessages().length);
        }

        @Test
        void aLinkMakersLinkIsSentInsteadOfTheExport() throws Exception {
            List<Delivery> asked = Collections.synchronizedList(new ArrayList<>());
            URI link = URI.create("https://files.example.com/exports/a.png?X-Amz-Signature=abc123");
            EmailDestination destination = server.plain("reports-mail")
                    .maxAttachmentSize(export.length - 1)
                    .linkMaker(d -> {
                        asked.add(d);
                        return Optional.of(link);
                    })
                    .build();

            Delivered delivered = destination.deliver(Deliveries.png(TO_BOB, OCCURRENCE, export));

            assertEquals(1, asked.size());
            assertFalse(delivered.location().contains("X-Amz-Signature"));
            List<String> types = new ArrayList<>();
            List<Part> leaves = new ArrayList<>();
            walk(onlyMessage(), types, leaves);
            assertEquals(List.of("multipart/mixed", "multipart/alternative", "text/plain", "text/html"), types);
            assertTrue(text(leaves.get(0)).contains(link.toString()), text(leaves.get(0)));
            assertTrue(text(leaves.get(1))
                    .contains("<a href=\"https://files.example.com/exports/a.png?X-Amz-Signature=abc123\">"));
        }

        @Test
        void aLinkThatIsNotAWebLinkIsNotSent() {
            EmailDestination destination = server.plain("reports-mail")
                    .maxAttachmentSize(export.length - 1)
                    .linkMaker(d -> Optional.of(URI.create("javascript:alert(1)")))
                    .build();

            ExportException e = assertThrows(
                    ExportException.class, () -> destination.deliver(Deliveries.png(TO_BOB, OCCURRENCE, export)));

            assertFalse(e.isTemporary());
            assertTrue(e.getMessage().endsWith("a link that is not http or https"), e.getMessage());
            assertEquals(0, server.greenMail.getReceivedMessages().length);
        }

        @Test
        void aLinkMakerWithoutALinkFailsPermanently() {
            EmailDestination destination = server.plain("reports-mail")
                    .maxAttachmentSize(export.length - 1)
                    .linkMaker(d -> Optional.empty())
                    .build();

            ExportException e = assertThrows(
                    ExportException.class, () -> destination.deliver(Deliveries.png(TO_BOB, OCCURRENCE, export)));

            assertFalse(e.isTemporary());
            assertTrue(e.getMessage().endsWith("no link could be made for it"), e.getMessage());
        }
    }

    @Test
    void aPngAboveTheInlineLimitIsOnlyAttached() throws Exception {
        byte[] png = TestMailServer.png();
        EmailDestination destination =
                server.plain("reports-mail").maxInlineImageSize(png.length - 1).build();

        destination.deliver(Deliveries.png(TO_BOB, OCCURRENCE, png));

        List<String> types = new ArrayList<>();
        List<Part> leaves = new ArrayList<>();
        walk(onlyMessage(), types, leaves);
        assertEquals(
                List.of("multipart/mixed", "multipart/alternative", "text/plain", "text/html", "image/png"), types);
        assertFalse(text(leaves.get(1)).contains("cid:"));
    }
}

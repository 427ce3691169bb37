package dev.schedex.destination.email;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.ExportRun;
import dev.schedex.ExportSchedule;
import dev.schedex.ExportScheduleService;
import dev.schedex.NewExportSchedule;
import dev.schedex.RunStatus;
import dev.schedex.ValidationException;
import dev.schedex.schedule.Schedule;
import dev.schedex.spi.ExportFormat;
import dev.schedex.store.InMemoryScheduleStore;
import dev.schedex.testing.Documents;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The destination registered with a real {@link ExportScheduleService}: the owner's parameters are
 * refused when the schedule is created, not when it runs, and a run mails the export.
 */
class ThroughTheServiceTest {

    private static final byte[] PNG = TestMailServer.png();

    private static TestMailServer server;
    private ExportScheduleService service;

    @BeforeAll
    static void startServer() {
        server = new TestMailServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        server.greenMail.purgeEmailFromAllMailboxes();
        Documents documents = new Documents();
        documents.put("alice", "doc-1", "v1");
        service = ExportScheduleService.builder()
                .store(new InMemoryScheduleStore())
                .documentSource(documents)
                .discoverFormats(false)
                .format(ExportFormat.of(
                        "png", "image/png", "png", (document, settings, context, out) -> out.write(PNG)))
                .destination(server.plain("team-mail")
                        .allowAddresses("partner@elsewhere.org")
                        .maxRecipients(3)
                        .build())
                .build();
    }

    private static NewExportSchedule request(Map<String, String> parameters) {
        return NewExportSchedule.builder()
                .ownerId("alice")
                .documentId("doc-1")
                .name("Morning drawing")
                .schedule(Schedule.daily(LocalTime.of(7, 0)))
                .zone("Europe/Berlin")
                .format("png", Map.of())
                .destination("team-mail", parameters)
                .build();
    }

    private Set<String> refused(Map<String, String> parameters) {
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(request(parameters)));
        return e.violations().stream().map(v -> v.field() + ":" + v.code()).collect(Collectors.toSet());
    }

    @Test
    void aRecipientOutsideThePolicyIsRefusedWhenTheScheduleIsCreated() {
        assertEquals(
                Set.of("destination.to:recipient_not_allowed"),
                refused(Map.of("to", "bob@example.com, eve@evil.example")));
        assertEquals(
                Set.of("destination.cc:recipient_not_allowed"),
                refused(Map.of("to", "bob@example.com", "cc", "bob@example.com.evil.example")));
        assertEquals(Set.of("destination.to:required"), refused(Map.of("subject", "x")));
        assertEquals(
                Set.of("destination.cc:too_many_recipients"),
                refused(Map.of("to", "a@example.com, b@example.com", "cc", "c@example.com, partner@elsewhere.org")));
        assertEquals(0, server.greenMail.getReceivedMessages().length);
    }

    @Test
    void aLineBreakInTheSubjectIsRefusedWhenTheScheduleIsCreated() {
        Set<String> violations = refused(Map.of("to", "bob@example.com", "subject", "Hi\r\nBcc: eve@evil.example"));

        assertTrue(violations.contains("destination.subject:control_character"), violations.toString());
    }

    @Test
    void aRunMailsTheExportAndItsHistorySaysWhereItWent() throws Exception {
        ExportSchedule schedule =
                service.create(request(Map.of("to", "bob@example.com", "cc", "PARTNER@elsewhere.org")));

        ExportRun run = service.runNow("alice", schedule.id());

        assertEquals(RunStatus.SUCCEEDED, run.status(), run.message().orElse(""));
        assertTrue(
                run.location()
                        .orElseThrow()
                        .matches("mail <" + schedule.id() + "-\\d{8}T\\d{6}Z@schedex\\.example\\.com> to 2 recipients"),
                run.location().orElseThrow());
        assertTrue(server.greenMail.waitForIncomingEmail(10_000, 2));
        MimeMessage message = server.greenMail.getReceivedMessagesForDomain("example.com")[0];
        assertEquals(
                "Morning drawing: Title of doc-1 ("
                        + message.getHeader("X-Schedex-Occurrence", null).substring(0, 10) + ")",
                message.getSubject());
        Multipart mixed = (Multipart) message.getContent();
        try (InputStream in = mixed.getBodyPart(1).getInputStream()) {
            assertArrayEquals(PNG, in.readAllBytes());
        }
        assertEquals(List.of(), List.of(server.greenMail.getReceivedMessagesForDomain("evil.example")));
    }
}

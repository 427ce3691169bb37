package dev.schedex.destination.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.Violation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an owner may give the email destination, checked before a schedule is stored. */
class ParametersTest {

    private final EmailDestination destination = EmailDestination.builder("mail")
            .host("smtp.example.com")
            .sender("reports@example.com")
            .allowDomains("Example.com")
            .allowAddresses("partner@elsewhere.org")
            .maxRecipients(3)
            .build();

    private List<String> problems(Map<String, String> parameters) {
        return destination.validate(parameters).stream()
                .map(v -> v.field() + ":" + v.code())
                .toList();
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> parameters = new HashMap<>(Map.of("to", "bob@example.com"));
        parameters.put(key, value);
        return parameters;
    }

    @Test
    void recipientsWithinThePolicyAreAccepted() {
        assertEquals(List.of(), problems(Map.of("to", "Bob <bob@EXAMPLE.com>, partner@elsewhere.org")));
        assertEquals(List.of(), problems(Map.of("to", "bob@example.com", "cc", "\"Carol, C.\" <carol@example.com>")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bob",
                "bob@",
                "bob@example.com carol@example.com",
                "team: bob@example.com;",
                "\"bob@example.com\"@evil.example",
                "bob@[127.0.0.1]",
                "bob@example.com>, <eve@evil.example",
                ","
            })
    void anythingButPlainAddressesIsRefused(String to) {
        List<Violation> violations = destination.validate(Map.of("to", to));

        assertTrue(!violations.isEmpty(), to);
        assertTrue(violations.stream().allMatch(v -> v.field().equals("to")), violations.toString());
    }

    @Test
    void addressesOutsideThePolicyAreRefusedNamingTheirKey() {
        assertEquals(List.of("to:recipient_not_allowed"), problems(Map.of("to", "eve@sub.example.com")));
        assertEquals(List.of("cc:recipient_not_allowed"), problems(with("cc", "other@elsewhere.org")));
        Violation v = destination.validate(Map.of("to", "eve@evil.example")).get(0);
        assertEquals(
                "'eve@evil.example' is not among the recipients this destination may send to; allowed are "
                        + "addresses at example.com and one address the host allowed",
                v.message());
    }

    @Test
    void theSameRecipientTwiceCountsOnceAgainstTheMaximum() {
        assertEquals(
                List.of(),
                problems(Map.of("to", "a@example.com, A@example.com", "cc", "b@example.com, c@example.com")));
        assertEquals(
                List.of("cc:too_many_recipients"),
                problems(Map.of("to", "a@example.com", "cc", "b@example.com, c@example.com, d@example.com")));
    }

    @Test
    void templatesAreCheckedForPlaceholdersLengthAndLineBreaks() {
        assertEquals(List.of("subject:unknown_placeholder"), problems(with("subject", "{nope}")));
        assertEquals(List.of("subject:too_long"), problems(with("subject", "x".repeat(201))));
        assertEquals(List.of("subject:control_character"), problems(with("subject", "a\nBcc: x@evil.example")));
        assertEquals(List.of("body:too_long"), problems(with("body", "x".repeat(2001))));
        assertEquals(List.of("body:unknown_placeholder"), problems(with("body", "{secret}")));
    }

    @Test
    void theFileNameIsANameNotAPath() {
        assertEquals(List.of("filename:not_a_file_name"), problems(with("filename", "../{title}.{ext}")));
        assertEquals(List.of("filename:not_a_file_name"), problems(with("filename", "a/b.{ext}")));
        assertEquals(List.of("filename:hidden_file"), problems(with("filename", ".{ext}")));
        assertEquals(List.of(), problems(with("filename", "{document}-{date}.{ext}")));
    }

    @Test
    void unknownParametersAreRefused() {
        assertEquals(List.of("bcc:unknown_parameter"), problems(with("bcc", "eve@evil.example")));
    }

    @Test
    void aDestinationWithoutARecipientPolicyCannotBeBuilt() {
        EmailDestination.Builder builder =
                EmailDestination.builder("mail").host("smtp.example.com").sender("reports@example.com");

        assertThrows(IllegalArgumentException.class, builder::build);
    }

    @Test
    void itsDescriptionShowsNoSecret() {
        EmailDestination withLogin = EmailDestination.builder("mail")
                .host("smtp.example.com")
                .credentials("reports", "hunter2-very-secret")
                .sender("reports@example.com")
                .allowDomains("example.com")
                .build();

        assertEquals(
                "EmailDestination[mail, smtp://smtp.example.com:587 (STARTTLS required), from reports@example.com,"
                        + " with login]",
                withLogin.toString());
    }
}

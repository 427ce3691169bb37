package dev.schedex.destination.email.internal;

import dev.schedex.Violation;
import dev.schedex.destination.PathTemplate;
import dev.schedex.destination.Placeholders;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The owner's parameters of an email destination, checked against the host's recipient policy and
 * read in one place, so that a delivery reads exactly what validation accepted.
 */
public final class EmailParameters {

    /** The recipients' key. */
    public static final String TO = "to";

    /** The copy recipients' key. */
    public static final String CC = "cc";

    /** The subject template's key. */
    public static final String SUBJECT = "subject";

    /** The body template's key. */
    public static final String BODY = "body";

    /** The attachment's file-name template's key. */
    public static final String FILENAME = "filename";

    /** The subject when the owner gives none. */
    public static final String DEFAULT_SUBJECT = "{name}: {title} ({date})";

    /** The body when the owner gives none. */
    public static final String DEFAULT_BODY = "The scheduled export \"{name}\" of {title} for {date}.";

    /** The attachment's file name when the owner gives none. */
    public static final String DEFAULT_FILENAME = "{title}.{ext}";

    /** The longest subject template, in characters. */
    public static final int MAX_SUBJECT = 200;

    /** The longest body template, in characters. */
    public static final int MAX_BODY = 2000;

    private static final Set<String> KEYS = Set.of(TO, CC, SUBJECT, BODY, FILENAME);

    private EmailParameters() {}

    /**
     * @param parameters  the owner's parameters
     * @param policy      the host's recipient policy
     * @param destination what to call the destination in messages
     * @return every problem found, each naming its key; empty if fine
     */
    public static List<Violation> check(Map<String, String> parameters, RecipientPolicy policy, String destination) {
        List<Violation> violations = new ArrayList<>();
        for (String key : parameters.keySet()) {
            if (!KEYS.contains(key)) {
                violations.add(new Violation(
                        key,
                        "unknown_parameter",
                        destination + " has no parameter '" + key + "'; it takes to, cc, subject, body and filename"));
            }
        }
        Map<String, InternetAddress> all = new LinkedHashMap<>();
        String to = parameters.getOrDefault(TO, "");
        if (to.isBlank()) {
            violations.add(new Violation(TO, "required", "at least one recipient is required in 'to'"));
        } else {
            addresses(TO, to, policy, violations).forEach(a -> all.putIfAbsent(key(a), a));
        }
        String cc = parameters.get(CC);
        if (cc != null && !cc.isBlank()) {
            addresses(CC, cc, policy, violations).forEach(a -> all.putIfAbsent(key(a), a));
        }
        if (all.size() > policy.maxRecipients()) {
            violations.add(new Violation(
                    cc != null && !cc.isBlank() ? CC : TO,
                    "too_many_recipients",
                    all.size() + " recipients in to and cc; " + destination + " allows at most "
                            + policy.maxRecipients()));
        }
        template(SUBJECT, parameters.getOrDefault(SUBJECT, DEFAULT_SUBJECT), MAX_SUBJECT, violations);
        template(BODY, parameters.getOrDefault(BODY, DEFAULT_BODY), MAX_BODY, violations);
        String filename = parameters.getOrDefault(FILENAME, DEFAULT_FILENAME);
        if (filename.contains("/")) {
            violations.add(new Violation(
                    FILENAME,
                    "not_a_file_name",
                    "filename '" + abbreviated(filename) + "' must be a name, not a path"));
        } else {
            PathTemplate.check(FILENAME, filename).ifPresent(violations::add);
        }
        return violations;
    }

    /** @param parameters accepted parameters @return the recipients in 'to' */
    public static List<InternetAddress> to(Map<String, String> parameters) {
        return parse(parameters.getOrDefault(TO, ""));
    }

    /** @param parameters accepted parameters @return the recipients in 'cc', if any */
    public static List<InternetAddress> cc(Map<String, String> parameters) {
        String cc = parameters.getOrDefault(CC, "");
        return cc.isBlank() ? List.of() : parse(cc);
    }

    /** @param parameters accepted parameters @return the subject template */
    public static String subject(Map<String, String> parameters) {
        return parameters.getOrDefault(SUBJECT, DEFAULT_SUBJECT);
    }

    /** @param parameters accepted parameters @return the body template */
    public static String body(Map<String, String> parameters) {
        return parameters.getOrDefault(BODY, DEFAULT_BODY);
    }

    /** @param parameters accepted parameters @return the attachment's file-name template */
    public static PathTemplate filename(Map<String, String> parameters) {
        return PathTemplate.of(parameters.getOrDefault(FILENAME, DEFAULT_FILENAME));
    }

    /**
     * @param address an address
     * @return the key two spellings of the same mailbox share: the address with its domain in lower
     *     case (local parts may be case-sensitive, but nobody relies on it, so they are compared
     *     ignoring case as well)
     */
    static String key(InternetAddress address) {
        return address.getAddress().toLowerCase(Locale.ROOT);
    }

    private static List<InternetAddress> addresses(
            String field, String value, RecipientPolicy policy, List<Violation> violations) {
        InternetAddress[] parsed;
        try {
            parsed = InternetAddress.parse(value, true);
        } catch (AddressException e) {
            violations.add(new Violation(
                    field,
                    "invalid_address",
                    "'" + abbreviated(value) + "' is not a comma-separated list of mail addresses: " + e.getMessage()));
            return List.of();
        }
        List<InternetAddress> accepted = new ArrayList<>();
        for (InternetAddress address : parsed) {
            Optional<String> problem = problem(address);
            if (problem.isPresent()) {
                violations.add(new Violation(field, "invalid_address", problem.get()));
            } else if (!policy.allows(address.getAddress())) {
                violations.add(new Violation(
                        field,
                        "recipient_not_allowed",
                        "'" + address.getAddress() + "' is not among the recipients this destination may send to; "
                                + policy.describe()));
            } else {
                accepted.add(address);
            }
        }
        if (parsed.length == 0) {
            violations.add(new Violation(field, "invalid_address", "'" + abbreviated(value) + "' names no address"));
        }
        return accepted;
    }

    private static Optional<String> problem(InternetAddress address) {
        if (address.isGroup()) {
            return Optional.of("'" + abbreviated(address.toString()) + "' is a group; give each address instead");
        }
        try {
            address.validate();
        } catch (AddressException e) {
            return Optional.of(
                    "'" + abbreviated(address.toString()) + "' is not a valid mail address: " + e.getMessage());
        }
        String mailbox = address.getAddress();
        int at = mailbox.lastIndexOf('@');
        if (at <= 0 || at == mailbox.length() - 1 || mailbox.startsWith("\"") || mailbox.contains("[")) {
            return Optional.of("'" + abbreviated(mailbox) + "' must be a plain address such as name@example.com");
        }
        return Optional.empty();
    }

    private static List<InternetAddress> parse(String value) {
        try {
            return List.of(InternetAddress.parse(value, true));
        } catch (AddressException e) {
            throw new IllegalArgumentException("addresses were not validated: " + e.getMessage(), e);
        }
    }

    private static void template(String field, String template, int max, List<Violation> violations) {
        if (template.length() > max) {
            violations.add(new Violation(
                    field, "too_long", field + " is " + template.length() + " characters long; at most " + max));
            return;
        }
        for (int i = 0; i < template.length(); i++) {
            if (Character.isISOControl(template.charAt(i))) {
                violations.add(new Violation(
                        field, "control_character", field + " must not contain control characters (line breaks)"));
                return;
            }
        }
        Placeholders.unknown(template)
                .ifPresent(unknown -> violations.add(new Violation(
                        field,
                        "unknown_placeholder",
                        "unknown placeholder {" + unknown + "} in " + field + "; known are " + Placeholders.known())));
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}

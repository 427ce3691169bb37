package dev.schedex.destination.email.internal;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whom a host lets schedules send to: whole domains (exactly, not their subdomains), single
 * addresses, and how many recipients one schedule may have. Compared ignoring case.
 *
 * @param domains       the domains any address of which is allowed, in lower case
 * @param addresses     the single addresses allowed, in lower case
 * @param maxRecipients the most recipients (to and cc together) of one schedule
 */
public record RecipientPolicy(Set<String> domains, Set<String> addresses, int maxRecipients) {

    /** Copies the sets in lower case and checks that something is allowed. */
    public RecipientPolicy {
        domains = lowerCase(domains);
        addresses = lowerCase(addresses);
        if (domains.isEmpty() && addresses.isEmpty()) {
            throw new IllegalArgumentException("a recipient policy needs at least one allowed domain or address");
        }
        if (maxRecipients < 1) {
            throw new IllegalArgumentException("maxRecipients must be at least 1, was " + maxRecipients);
        }
    }

    /**
     * @param address a plain address, {@code local@domain}
     * @return whether schedules may send to it
     */
    public boolean allows(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        if (addresses.contains(lower)) {
            return true;
        }
        int at = lower.lastIndexOf('@');
        return at > 0 && domains.contains(lower.substring(at + 1));
    }

    /** @return what is allowed, for a message to the owner */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (!domains.isEmpty()) {
            text.append("addresses at ").append(String.join(", ", new TreeSet<>(domains)));
        }
        if (!addresses.isEmpty()) {
            if (text.length() > 0) {
                text.append(" and ");
            }
            text.append(
                    addresses.size() == 1
                            ? "one address the host allowed"
                            : addresses.size() + " addresses the host allowed");
        }
        return "allowed are " + text;
    }

    private static Set<String> lowerCase(Set<String> values) {
        TreeSet<String> lower = new TreeSet<>();
        for (String value : values) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            if (v.isEmpty()) {
                throw new IllegalArgumentException("an allowed domain or address must not be blank");
            }
            lower.add(v.endsWith(".") ? v.substring(0, v.length() - 1) : v);
        }
        return Set.copyOf(lower);
    }
}

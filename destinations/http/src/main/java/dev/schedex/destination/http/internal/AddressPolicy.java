package dev.schedex.destination.http.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which hosts and addresses an owner may aim a destination at: none of the host's own network
 * (loopback, private, link-local, unique-local, carrier-grade NAT, multicast, unspecified, reserved,
 * cloud metadata, and IPv6 forms that embed such an IPv4 address), unless the host allowed the
 * host name or a range holding the address explicitly.
 *
 * @param allowedHosts  host names (lower case) the host trusts whatever they resolve to
 * @param allowedRanges ranges the host trusts
 */
public record AddressPolicy(Set<String> allowedHosts, List<Cidr> allowedRanges) {

    /** The ranges refused unless allowed, each with the reason given in messages. */
    private static final List<Refused> REFUSED = List.of(
            new Refused(Cidr.parse("169.254.169.254/32"), "a cloud metadata address"),
            new Refused(Cidr.parse("fd00:ec2::254/128"), "a cloud metadata address"),
            new Refused(Cidr.parse("0.0.0.0/8"), "an unspecified or 'this network' address"),
            new Refused(Cidr.parse("10.0.0.0/8"), "a private address"),
            new Refused(Cidr.parse("100.64.0.0/10"), "a carrier-grade NAT address"),
            new Refused(Cidr.parse("127.0.0.0/8"), "a loopback address"),
            new Refused(Cidr.parse("169.254.0.0/16"), "a link-local address"),
            new Refused(Cidr.parse("172.16.0.0/12"), "a private address"),
            new Refused(Cidr.parse("192.0.0.0/24"), "an IETF protocol address"),
            new Refused(Cidr.parse("192.168.0.0/16"), "a private address"),
            new Refused(Cidr.parse("198.18.0.0/15"), "a benchmarking address"),
            new Refused(Cidr.parse("224.0.0.0/4"), "a multicast address"),
            new Refused(Cidr.parse("240.0.0.0/4"), "a reserved or broadcast address"),
            new Refused(Cidr.parse("::/128"), "an unspecified address"),
            new Refused(Cidr.parse("::1/128"), "a loopback address"),
            new Refused(Cidr.parse("fc00::/7"), "a unique-local address"),
            new Refused(Cidr.parse("fe80::/10"), "a link-local address"),
            new Refused(Cidr.parse("fec0::/10"), "a site-local address"),
            new Refused(Cidr.parse("ff00::/8"), "a multicast address"));

    /** IPv6 prefixes whose last 32 bits are an IPv4 address that the traffic ends up at. */
    private static final List<Cidr> EMBEDDING_IPV4 = List.of(
            Cidr.parse("::ffff:0:0/96"), // IPv4-mapped
            Cidr.parse("::/96"), // IPv4-compatible (deprecated)
            Cidr.parse("64:ff9b::/96"), // NAT64
            Cidr.parse("::ffff:0:0:0/96")); // SIIT translated

    private static final Pattern NUMERIC = Pattern.compile("[0-9.]+");
    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    /** Copies the sets. */
    public AddressPolicy {
        allowedHosts = Set.copyOf(allowedHosts);
        allowedRanges = List.copyOf(allowedRanges);
    }

    /** @return a policy that allows nothing of the host's own network */
    public static AddressPolicy strict() {
        return new AddressPolicy(Set.of(), List.of());
    }

    /** @param host a URL's host, lower case @return true if the host trusts it whatever it resolves to */
    public boolean hostAllowed(String host) {
        return allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /**
     * @param address an address about to be connected to
     * @return why it is refused, such as "a loopback address"; empty if allowed
     */
    public Optional<String> refusal(InetAddress address) {
        for (Cidr range : allowedRanges) {
            if (range.contains(address)) {
                return Optional.empty();
            }
        }
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            for (Cidr embedding : EMBEDDING_IPV4) {
                if (embedding.contains(address) && !isUnspecifiedOrLoopback6(bytes)) {
                    Optional<String> inner = refusal(embedded(bytes));
                    if (inner.isPresent()) {
                        return Optional.of(inner.get() + " (in an IPv6 form)");
                    }
                }
            }
        }
        for (Refused refused : REFUSED) {
            if (refused.range().contains(address)) {
                return Optional.of(refused.reason());
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a URL's host as an IP address if it is one, without any DNS look-up.
     *
     * @param host a URL's host as {@link java.net.URI#getHost()} gives it
     * @return the address, if the host is an IP literal
     * @throws IllegalArgumentException if it is numeric but not an address written the usual way
     *     (such as {@code 2130706433} or {@code 127.1}, which resolvers read differently)
     */
    public static Optional<InetAddress> literal(String host) {
        try {
            if (host.startsWith("[") && host.endsWith("]")) {
                return Optional.of(InetAddress.getByName(host.substring(1, host.length() - 1)));
            }
            if (NUMERIC.matcher(host).matches()) {
                if (!DOTTED_QUAD.matcher(host).matches()) {
                    throw new IllegalArgumentException(
                            "write an IPv4 address as four decimal numbers, as in 203.0.113.7");
                }
                return Optional.of(InetAddress.getByName(host));
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + host + "' is not an IP address", e);
        }
    }

    private static boolean isUnspecifiedOrLoopback6(byte[] bytes) {
        for (int i = 0; i < 15; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[15] == 0 || bytes[15] == 1;
    }

    private static InetAddress embedded(byte[] bytes) {
        try {
            return Inet4Address.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private record Refused(Cidr range, String reason) {}
}

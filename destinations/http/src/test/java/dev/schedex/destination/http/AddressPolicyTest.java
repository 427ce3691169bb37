package dev.schedex.destination.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schedex.destination.http.internal.AddressPolicy;
import dev.schedex.destination.http.internal.Cidr;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

    final AddressPolicy strict = AddressPolicy.strict();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "10.0.0.1",
                "172.31.255.255",
                "192.168.0.1",
                "169.254.1.1",
                "169.254.169.254",
                "100.127.255.255",
                "0.0.0.0",
                "255.255.255.255",
                "239.1.1.1",
                "::1",
                "::",
                "fe80::1",
                "fd12::1",
                "fd00:ec2::254",
                "ff05::1",
                "64:ff9b::7f00:1",
                "::7f00:1"
            })
    void refuses(String address) throws Exception {
        assertTrue(strict.refusal(InetAddress.getByName(address)).isPresent(), address);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"8.8.8.8", "203.0.113.7", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "64:ff9b::808:808"
            })
    void allowsPublicAddresses(String address) throws Exception {
        assertEquals(Optional.empty(), strict.refusal(InetAddress.getByName(address)), address);
    }

    @Test
    void refusesAnIpv4MappedAddressHeldAsIpv6() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 169;
        mapped[13] = (byte) 254;
        mapped[14] = (byte) 169;
        mapped[15] = (byte) 254;
        Inet6Address address = Inet6Address.getByAddress(null, mapped, -1);
        assertTrue(strict.refusal(address).orElseThrow().contains("cloud metadata"));
    }

    @Test
    void anAllowedRangeOpensOnlyItself() throws Exception {
        AddressPolicy policy = new AddressPolicy(Set.of(), List.of(Cidr.parse("127.0.0.0/8")));
        assertEquals(Optional.empty(), policy.refusal(InetAddress.getByName("127.0.0.1")));
        assertTrue(policy.refusal(InetAddress.getByName("::1")).isPresent());
        assertTrue(policy.refusal(InetAddress.getByName("10.0.0.1")).isPresent());
    }

    @Test
    void rangesMatchOnTheirPrefixBits() throws Exception {
        Cidr range = Cidr.parse("100.64.0.0/10");
        assertTrue(range.contains(InetAddress.getByName("100.64.0.0")));
        assertTrue(range.contains(InetAddress.getByName("100.127.255.255")));
        assertTrue(!range.contains(InetAddress.getByName("100.128.0.0")));
    }
}

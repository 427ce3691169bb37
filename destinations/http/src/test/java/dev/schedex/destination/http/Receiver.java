package dev.schedex.destination.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a receiver does with a signed webhook, written as docs/destinations/webhooks.md tells it to
 * (the snippet there is this class).
 */
final class Receiver {

    private Receiver() {}

    /**
     * @param secret    the signing secret shared with the host
     * @param header    the Schedex-Signature header, "t=<unix seconds>,v1=<hex>"
     * @param body      the raw request body, exactly as received
     * @param now       the receiver's clock
     * @param tolerance how old a signature may be, such as 5 minutes
     * @return true if the body is the host's and recent
     */
    static boolean verify(byte[] secret, String header, byte[] body, Instant now, Duration tolerance) throws Exception {
        long timestamp = -1;
        String signature = null;
        for (String part : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                timestamp = Long.parseLong(kv[1]);
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                signature = kv[1];
            }
        }
        if (timestamp < 0 || signature == null) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(tolerance) > 0) {
            return false; // too old (or from the future): a replay
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
        byte[] expected = mac.doFinal(body);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given); // constant time
    }
}

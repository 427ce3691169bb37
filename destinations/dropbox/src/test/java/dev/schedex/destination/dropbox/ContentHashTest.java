package dev.schedex.destination.dropbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.schedex.destination.dropbox.internal.ContentHash;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Dropbox's content hash: SHA-256 over the SHA-256 of each 4 MiB block. */
class ContentHashTest {

    private static byte[] sha256(byte[]... parts) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    @Test
    void noBytesHashToTheSha256OfNothing() throws Exception {
        assertEquals(HexFormat.of().formatHex(sha256()), ContentHash.of(new byte[0]));
    }

    @Test
    void bytesWithinOneBlockHashToTheSha256OfTheirSha256() throws Exception {
        byte[] bytes = "hello, dropbox".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(HexFormat.of().formatHex(sha256(sha256(bytes))), ContentHash.of(bytes));
    }

    @Test
    void eachFullBlockAndTheShortLastOneAreHashedApart() throws Exception {
        int block = 4 * 1024 * 1024;
        byte[] bytes = new byte[2 * block + 3];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i ^ (i >>> 9));
        }
        byte[] expected = sha256(
                sha256(Arrays.copyOfRange(bytes, 0, block)),
                sha256(Arrays.copyOfRange(bytes, block, 2 * block)),
                sha256(Arrays.copyOfRange(bytes, 2 * block, bytes.length)));
        assertEquals(HexFormat.of().formatHex(expected), ContentHash.of(bytes));
    }

    @Test
    void aSliceIsHashedAsIfItWereTheWholeArray() {
        byte[] bytes = new byte[5 * 1024 * 1024];
        Arrays.fill(bytes, (byte) 7);
        int offset = 12345;
        int length = bytes.length - offset - 10;
        assertEquals(
                ContentHash.of(Arrays.copyOfRange(bytes, offset, offset + length)),
                ContentHash.of(bytes, offset, length));
    }
}

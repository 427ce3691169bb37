package dev.schedex.destination.dropbox.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Dropbox's {@code content_hash}: the SHA-256 of the concatenated SHA-256 digests of each 4 MiB
 * block of the bytes (the last block may be shorter; no bytes give the SHA-256 of nothing), in
 * lower-case hex. Dropbox computes it over what it received and refuses an upload whose given hash
 * differs, and reports it in a file's metadata. The SDK has no helper for it.
 */
public final class ContentHash {

    /** The block size of Dropbox's hash. */
    public static final int BLOCK_BYTES = 4 * 1024 * 1024;

    private ContentHash() {}

    /**
     * @param bytes  the bytes
     * @param offset where the hashed part starts
     * @param length how many bytes it has
     * @return their content hash
     */
    public static String of(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + " of " + bytes.length);
        }
        MessageDigest overall = sha256();
        MessageDigest block = sha256();
        for (int start = offset; start < offset + length; start += BLOCK_BYTES) {
            block.update(bytes, start, Math.min(BLOCK_BYTES, offset + length - start));
            overall.update(block.digest());
        }
        return HexFormat.of().formatHex(overall.digest());
    }

    /**
     * @param bytes the bytes
     * @return their content hash
     */
    public static String of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

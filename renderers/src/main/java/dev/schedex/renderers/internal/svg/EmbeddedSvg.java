package dev.schedex.renderers.internal.svg;

import dev.schedex.spi.ExportException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code data:image/svg+xml} image inside a drawing is a drawing too: it is sanitised as the
 * drawing is, so that what it names outside is left out of it with a warning (a browser's image
 * would not load it either; Batik would refuse the whole render), and it is written back as base64
 * of UTF-8.
 *
 * <p>Its bytes are read in the encoding they say they are in, in the order of RFC 7303: a byte order
 * mark, then the URL's {@code charset} parameter, then the encoding in the XML declaration (Adobe
 * Illustrator writes {@code iso-8859-1}), else UTF-8. (Chromium decodes every SVG image as UTF-8
 * unless it has a byte order mark, and shows an image whose bytes are not UTF-8 as broken.)
 */
final class EmbeddedSvg {

    /** How deep SVG images may sit inside SVG images. */
    static final int MAX_EMBEDDING = 3;

    private static final String PREFIX = "data:image/svg+xml";
    /** The data URL's header says base64 (the Fetch standard lets spaces stand before it). */
    private static final Pattern BASE64 = Pattern.compile(";\\s*base64\\s*$", Pattern.CASE_INSENSITIVE);

    private static final Pattern CHARSET =
            Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("\\A<\\?xml\\s[^>]*?\\bencoding\\s*=\\s*[\"']([^\"']+)[\"']");
    /** Long enough for any XML declaration. */
    private static final int DECLARATION_BYTES = 256;

    private EmbeddedSvg() {}

    /** @return true if the URL is a {@code data:} SVG image */
    static boolean isSvgImage(String url) {
        return url.strip().toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    /**
     * @param url       a {@code data:image/svg+xml} URL
     * @param warnings  told of what is left out of the image, and of an image left out whole
     * @param embedding how many SVG images the image's element is inside already
     * @return the URL of the sanitised image, or empty if it cannot be read or nests too deep
     */
    static Optional<String> sanitised(String url, Consumer<String> warnings, int embedding) {
        if (embedding >= MAX_EMBEDDING) {
            warnings.accept("an SVG image nested more than " + MAX_EMBEDDING + " deep in SVG images was left out");
            return Optional.empty();
        }
        try {
            String clean = SvgSanitiser.serialise(SvgSanitiser.sanitise(text(url), warnings, embedding + 1));
            return Optional.of(
                    PREFIX + ";base64," + Base64.getEncoder().encodeToString(clean.getBytes(StandardCharsets.UTF_8)));
        } catch (ExportException e) {
            warnings.accept("an SVG image in the drawing was left out: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * @param url a {@code data:image/svg+xml} URL
     * @return the image's text, decoded as the class comment says
     * @throws ExportException if the URL has no data or its bytes are not text in their encoding
     */
    static String text(String url) {
        String data = url.strip();
        int comma = data.indexOf(',');
        if (comma < 0) {
            throw new ExportException("it has no data");
        }
        String header = data.substring(0, comma);
        String payload = data.substring(comma + 1);
        byte[] bytes;
        try {
            bytes = BASE64.matcher(header).find() ? Base64.getMimeDecoder().decode(payload) : percentDecoded(payload);
        } catch (IllegalArgumentException e) {
            throw new ExportException("its base64 data cannot be read: " + e.getMessage(), e);
        }
        Matcher charset = CHARSET.matcher(header);
        return decoded(bytes, charset.find() ? Optional.of(charset.group(1)) : Optional.empty());
    }

    /**
     * The URL standard's percent-decoding: {@code %XX} is a byte, any other character its UTF-8 bytes
     * (and {@code +} stays a plus, unlike in a form).
     */
    private static byte[] percentDecoded(String payload) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length());
        int i = 0;
        while (i < payload.length()) {
            char c = payload.charAt(i);
            int high = i + 2 < payload.length() ? Character.digit(payload.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(payload.charAt(i + 2), 16) : -1;
            if (c == '%' && low >= 0) {
                bytes.write(high * 16 + low);
                i += 3;
            } else {
                int end = i + Character.charCount(payload.codePointAt(i));
                bytes.writeBytes(payload.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toByteArray();
    }

    private static String decoded(byte[] bytes, Optional<String> charsetParameter) {
        int bom = 0;
        String name;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            bom = 3;
            name = "UTF-8";
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            bom = 2;
            name = "UTF-16BE";
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            bom = 2;
            name = "UTF-16LE";
        } else {
            name = charsetParameter.or(() -> declaredEncoding(bytes)).orElse("UTF-8");
        }
        Charset charset = charset(name);
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, bom, bytes.length - bom))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ExportException(
                    "its bytes are not text in " + charset.name() + ", the encoding it is read in", e);
        }
    }

    /** The encoding an XML declaration at the start names, read in ASCII as the XML standard does. */
    private static Optional<String> declaredEncoding(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, DECLARATION_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED_ENCODING.matcher(start);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ExportException("it is in the encoding '" + name + "', which the renderer does not know", e);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

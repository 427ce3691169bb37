package dev.schedex.destination.http.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** URLs as messages and run histories may show them: no user info, no query, no fragment. */
public final class Urls {

    private Urls() {}

    /** @param uri an absolute URI @return its scheme, host, port and path only */
    public static String redacted(URI uri) {
        StringBuilder out = new StringBuilder();
        out.append(Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT))
                .append("://")
                .append(Optional.ofNullable(uri.getHost()).orElse("?"));
        if (uri.getPort() >= 0) {
            out.append(':').append(uri.getPort());
        }
        out.append(Optional.ofNullable(uri.getRawPath()).orElse(""));
        return out.toString();
    }
}

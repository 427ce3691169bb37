package dev.schedex.destination.drive.internal;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.auth.Retryable;
import dev.schedex.spi.ExportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns what Drive (or the network on the way) answered into a classified {@link ExportException}
 * with a message for the schedule's owner. Drive's own message text is left out: it may quote ids
 * and addresses the owner has no use for; its reason code, which the owner can look up, is kept.
 */
public final class DriveFailures {

    /** 403 reasons that mean "slow down": retried. */
    private static final Set<String> RATE_LIMITED = Set.of("rateLimitExceeded", "userRateLimitExceeded");

    /** The longest Retry-After taken from a server: a day; anything beyond is taken as a day. */
    private static final Duration LONGEST_WAIT = Duration.ofDays(1);

    private DriveFailures() {}

    /**
     * @param destination the destination's name
     * @param parentId    the configured parent folder, for a 404's message
     * @param action      what was being done, such as "listing folder 'reports'"
     * @param failure     what the client threw
     * @param now         the time now, for a Retry-After given as a date
     * @return the classified failure, to throw
     */
    public static ExportException classify(
            String destination, String parentId, String action, IOException failure, Instant now) {
        String prefix = "Google Drive destination '" + destination + "': " + action + " failed: ";
        if (failure instanceof HttpResponseException response) {
            return fromResponse(prefix, parentId, response, now);
        }
        if (failure instanceof Retryable auth) {
            if (auth.isRetryable()) {
                return ExportException.temporary(
                        prefix + "no access token could be obtained for now; retrying", Duration.ZERO, failure);
            }
            return new ExportException(
                    prefix + "no access token could be obtained: the host should check the destination's "
                            + "credentials (service account key, scopes)",
                    failure);
        }
        if (failure instanceof SocketTimeoutException || failure instanceof InterruptedIOException) {
            return ExportException.temporary(prefix + "Google Drive did not answer in time", Duration.ZERO, failure);
        }
        return ExportException.temporary(
                prefix + "Google Drive could not be reached ("
                        + failure.getClass().getSimpleName() + ")",
                Duration.ZERO,
                failure);
    }

    private static ExportException fromResponse(
            String prefix, String parentId, HttpResponseException response, Instant now) {
        int status = response.getStatusCode();
        String reason = reason(response);
        String code = status + (reason.isEmpty() ? "" : " " + reason);
        Duration wait = retryAfter(response.getHeaders().getFirstHeaderStringValue("Retry-After"), now);
        if (status == 401) {
            return new ExportException(
                    prefix + "Google Drive refused the credentials (" + code
                            + "); the host should check the destination's service account or token",
                    response);
        }
        if (status == 429 || (status == 403 && RATE_LIMITED.contains(reason))) {
            return ExportException.temporary(
                    prefix + "Google Drive asks to slow down (" + code + "); retrying later", wait, response);
        }
        if (status == 403 && reason.equals("storageQuotaExceeded")) {
            return new ExportException(
                    prefix + "the Drive's storage quota is used up (" + code
                            + "); free space or ask the host for another folder",
                    response);
        }
        if (status == 403) {
            return new ExportException(
                    prefix + "Google Drive refused access (" + code
                            + "); the host should share the parent folder with the destination's account "
                            + "as an editor, or grant a wider scope",
                    response);
        }
        if (status == 404) {
            return new ExportException(
                    prefix + "Google Drive found no folder or file (" + code + "); the parent folder '" + parentId
                            + "' may be missing, in the bin or not shared with the destination's account",
                    response);
        }
        if (status == 408 || status >= 500) {
            return ExportException.temporary(
                    prefix + "Google Drive had a problem (" + code + "); retrying later", wait, response);
        }
        return new ExportException(prefix + "Google Drive refused the request (" + code + ")", response);
    }

    private static String reason(HttpResponseException response) {
        if (response instanceof GoogleJsonResponseException json) {
            @Nullable GoogleJsonError details = json.getDetails();
            if (details != null) {
                @Nullable List<GoogleJsonError.ErrorInfo> errors = details.getErrors();
                if (errors != null && !errors.isEmpty() && errors.get(0).getReason() != null) {
                    return errors.get(0).getReason();
                }
            }
        }
        return "";
    }

    /**
     * @param header a Retry-After header: seconds, or an HTTP date
     * @param now    the time now
     * @return the wait it asks for, bounded to a day; zero if absent or unreadable
     */
    public static Duration retryAfter(@Nullable String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Duration.ZERO;
        }
        String value = header.strip();
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT))
                        .toInstant();
                wait = Duration.between(now, at);
            } catch (DateTimeParseException notADate) {
                return Duration.ZERO;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}

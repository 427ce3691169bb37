package dev.schedex.destination.dropbox.internal;

import com.dropbox.core.AccessErrorException;
import com.dropbox.core.BadRequestException;
import com.dropbox.core.BadResponseCodeException;
import com.dropbox.core.BadResponseException;
import com.dropbox.core.DbxException;
import com.dropbox.core.InvalidAccessTokenException;
import com.dropbox.core.NetworkIOException;
import com.dropbox.core.PathRootErrorException;
import com.dropbox.core.RetryException;
import com.dropbox.core.ServerException;
import com.dropbox.core.oauth.DbxOAuthException;
import com.dropbox.core.v2.files.WriteError;
import dev.schedex.spi.ExportException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Turns what the SDK throws into an {@link ExportException} for the schedule's owner: permanent when
 * the same delivery would meet it again (a token Dropbox refuses, a full account, a folder the app
 * may not write), temporary when it may pass (throttling, a server error, a dropped connection, a
 * timeout). Messages name the destination and the Dropbox path, say what to do, and never show the
 * token: the SDK's own messages (which may hold a server's answer) stay in the cause.
 */
public final class Failures {

    private final String destination;

    /** @param destination how messages name the destination, such as {@code Dropbox destination 'team'} */
    public Failures(String destination) {
        this.destination = destination;
    }

    /** @return how messages name the destination */
    public String destination() {
        return destination;
    }

    /**
     * @param e      what the SDK threw for a call that is not one of the files routes' own errors
     * @param action what was being done, such as {@code "uploading /Apps/reports/a.png"}
     * @return the failure to throw
     */
    public ExportException of(DbxException e, String action) {
        String where = destination + " failed " + action + ": ";
        if (e instanceof InvalidAccessTokenException) {
            return new ExportException(
                    where + "Dropbox refused its access token (invalid, expired or revoked); the host must "
                            + "configure a new token or refresh token",
                    e);
        }
        if (e instanceof DbxOAuthException) {
            return new ExportException(
                    where + "Dropbox refused to refresh its access token (the refresh token or app key is "
                            + "invalid or was revoked); the host must configure new credentials",
                    e);
        }
        if (e instanceof AccessErrorException) {
            return new ExportException(
                    where + "the Dropbox app may not do this (a missing permission such as "
                            + "files.content.write, or a restricted account); the host must grant it",
                    e);
        }
        if (e instanceof PathRootErrorException) {
            return new ExportException(where + "Dropbox refused the configured path root; the host must fix it", e);
        }
        if (e instanceof RetryException retry) {
            // RateLimitException (429) and 503 carry the server's Retry-After
            String reason = e instanceof com.dropbox.core.RateLimitException
                    ? "Dropbox is throttling this app"
                    : "Dropbox is unavailable";
            return ExportException.temporary(
                    where + reason + "; will try again", Duration.ofMillis(Math.max(0, retry.getBackoffMillis())), e);
        }
        if (e instanceof ServerException) {
            return ExportException.temporary(where + "Dropbox had a server error; will try again", Duration.ZERO, e);
        }
        if (e instanceof BadResponseCodeException code && code.getStatusCode() >= 500) {
            return ExportException.temporary(
                    where + "Dropbox answered HTTP " + code.getStatusCode() + "; will try again", Duration.ZERO, e);
        }
        if (e instanceof BadRequestException) {
            return new ExportException(
                    where + "Dropbox refused the request as malformed (HTTP 400); check the destination's "
                            + "configuration (root folder, app type)",
                    e);
        }
        if (e instanceof BadResponseCodeException code && code.getStatusCode() >= 400) {
            return new ExportException(where + "Dropbox refused the request with HTTP " + code.getStatusCode(), e);
        }
        if (e instanceof NetworkIOException) {
            return ofNetwork(e, action);
        }
        if (e instanceof BadResponseException) {
            return ExportException.temporary(
                    where + "Dropbox gave an answer that could not be read; will try again", Duration.ZERO, e);
        }
        return ExportException.temporary(
                where + "Dropbox failed (" + e.getClass().getSimpleName() + ")", Duration.ZERO, e);
    }

    /**
     * @param e      a network failure, from the SDK or the body
     * @param action what was being done
     * @return a temporary failure
     */
    public ExportException ofNetwork(Exception e, String action) {
        Throwable cause = e instanceof NetworkIOException n && n.getCause() != null ? n.getCause() : e;
        String what = cause instanceof SocketTimeoutException
                ? "Dropbox did not answer in time"
                : "the connection to Dropbox failed";
        return ExportException.temporary(
                destination + " failed " + action + ": " + what + "; will try again", Duration.ZERO, e);
    }

    /**
     * @param e      an I/O failure while sending or reading a body
     * @param action what was being done
     * @return a temporary failure
     */
    public ExportException of(IOException e, String action) {
        return ofNetwork(e, action);
    }

    /**
     * @param error  why Dropbox refused to write a file
     * @param cause  the SDK's exception
     * @param action what was being done
     * @return the failure to throw
     */
    public ExportException of(WriteError error, DbxException cause, String action) {
        String where = destination + " failed " + action + ": ";
        return switch (error.tag()) {
            case INSUFFICIENT_SPACE ->
                new ExportException(where + "the Dropbox account is out of space; free some or raise its quota", cause);
            case NO_WRITE_PERMISSION ->
                new ExportException(
                        where + "the Dropbox app may not write there; the host must choose a folder it may "
                                + "write (an app-folder app writes only below its own folder)",
                        cause);
            case MALFORMED_PATH, DISALLOWED_NAME ->
                new ExportException(
                        where + "Dropbox does not accept this path or file name; change the schedule's path "
                                + "template or the destination's root folder",
                        cause);
            case CONFLICT ->
                new ExportException(
                        where + "a folder (or a file where a folder should be) is in the way in Dropbox; "
                                + "move it or change the path template",
                        cause);
            case TEAM_FOLDER ->
                new ExportException(
                        where + "Dropbox does not allow writing a team folder's root; choose a folder inside it",
                        cause);
            case ACCESS_RESTRICTED ->
                new ExportException(where + "the Dropbox account's administrators restrict writing there", cause);
            case TOO_MANY_WRITE_OPERATIONS, OPERATION_SUPPRESSED ->
                ExportException.temporary(
                        where + "Dropbox is busy with other writes in this namespace; will try again",
                        Duration.ZERO,
                        cause);
            default ->
                ExportException.temporary(
                        where + "Dropbox could not write the file (" + error.tag() + "); will try again",
                        Duration.ZERO,
                        cause);
        };
    }

    /**
     * @param action what was being done
     * @param cause  the SDK's exception
     * @return the failure for bytes that arrived changed: temporary, as a new attempt sends them again
     */
    public ExportException hashMismatch(String action, DbxException cause) {
        return ExportException.temporary(
                destination + " failed " + action
                        + ": Dropbox received bytes whose content hash differs from what was sent (changed on "
                        + "the way), and refused them; will try again",
                Duration.ZERO,
                cause);
    }

    /**
     * @param action   what was being done
     * @param expected the hash of what was sent
     * @param actual   the hash Dropbox reported for the file it stored
     * @return the failure for a stored file whose hash differs: temporary, as a new attempt replaces it
     */
    public ExportException storedHashDiffers(String action, String expected, String actual) {
        return ExportException.temporary(
                destination + " failed " + action + ": Dropbox stored a file whose content hash (" + actual
                        + ") differs from the export's (" + expected + "); will send it again",
                Duration.ZERO);
    }
}

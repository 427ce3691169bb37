package dev.schedex.destination.s3.internal;

import dev.schedex.spi.ExportException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what the SDK throws into an {@link ExportException} for the schedule's owner: permanent when
 * the same request would meet it again (credentials, a missing bucket, a quota, a refused request),
 * temporary when it may pass (throttling, 5xx, timeouts, lost connections). Messages name the
 * destination and the bucket, the S3 error code and the HTTP status, never the SDK's own text (which
 * may quote a request's headers) and never a credential.
 */
public final class S3Failures {

    private static final Set<String> ACCESS_DENIED = Set.of(
            "AccessDenied",
            "InvalidAccessKeyId",
            "SignatureDoesNotMatch",
            "ExpiredToken",
            "InvalidToken",
            "TokenRefreshRequired",
            "AccountProblem",
            "AllAccessDisabled",
            "InvalidSecurity",
            "NotSignedUp");

    private static final Set<String> QUOTA = Set.of(
            "QuotaExceeded",
            "ServiceQuotaExceeded",
            "StorageFull",
            "InsufficientStorage",
            "XMinioStorageFull",
            "XMinioAdminBucketQuotaExceeded",
            "EntityTooLarge",
            "TooManyBuckets");

    private static final Set<String> THROTTLED =
            Set.of("SlowDown", "Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequests");

    private static final Set<String> TEMPORARY_CODES = Set.of(
            "RequestTimeout",
            "InternalError",
            "ServiceUnavailable",
            "OperationAborted",
            "RequestTimeTooSkewed",
            "KMS.KMSInvalidStateException",
            "KMS.ThrottlingException");

    private final String name;
    private final String bucket;

    /**
     * @param name   the destination's name
     * @param bucket its bucket
     */
    public S3Failures(String name, String bucket) {
        this.name = name;
        this.bucket = bucket;
    }

    /**
     * @param failure what the SDK threw
     * @param action  what was being done, such as "uploading 'a/b.png'"
     * @return the exception to throw
     */
    public ExportException classify(SdkException failure, String action) {
        if (failure instanceof AwsServiceException service) {
            return fromService(service, action);
        }
        if (failure instanceof ApiCallAttemptTimeoutException || failure instanceof ApiCallTimeoutException) {
            return ExportException.temporary(
                    prefix() + action + " timed out; the request took longer than the host's request timeout",
                    Duration.ZERO,
                    failure);
        }
        if (failure instanceof AbortedException) {
            return ExportException.temporary(prefix() + action + " was interrupted", Duration.ZERO, failure);
        }
        @Nullable Throwable io = ioCause(failure);
        if (io != null) {
            return ExportException.temporary(
                    prefix() + action + " failed: could not reach S3 or lost the connection ("
                            + io.getClass().getSimpleName() + ")",
                    Duration.ZERO,
                    failure);
        }
        if (failure instanceof SdkClientException && isMissingCredentials(failure)) {
            return new ExportException(
                    prefix() + "no S3 credentials found for bucket '" + bucket
                            + "'; the host must configure credentials or the default chain's environment",
                    failure);
        }
        return ExportException.temporary(
                prefix() + action + " failed in the S3 client ("
                        + failure.getClass().getSimpleName() + ")",
                Duration.ZERO,
                failure);
    }

    private ExportException fromService(AwsServiceException failure, String action) {
        int status = failure.statusCode();
        AwsErrorDetails details = failure.awsErrorDetails();
        String code = details == null || details.errorCode() == null ? "" : details.errorCode();
        String what = " (" + (code.isEmpty() ? "" : code + ", ") + "HTTP " + status + ")";
        if (ACCESS_DENIED.contains(code) || (status == 403 && !QUOTA.contains(code))) {
            return new ExportException(
                    prefix() + "access denied by S3 for bucket '" + bucket
                            + "'; check the credentials the host configured" + what,
                    failure);
        }
        if (code.equals("NoSuchBucket") || (status == 404 && code.isEmpty())) {
            return new ExportException(
                    prefix() + "bucket '" + bucket + "' does not exist; the host must create it or configure another"
                            + what,
                    failure);
        }
        if (QUOTA.contains(code) || status == 507) {
            return new ExportException(
                    prefix() + "S3 refused " + action + ": the bucket's quota or storage is exhausted" + what, failure);
        }
        if (code.startsWith("KMS.") && !TEMPORARY_CODES.contains(code)) {
            return new ExportException(
                    prefix() + "S3 could not use the KMS key the host configured for bucket '" + bucket + "'" + what,
                    failure);
        }
        if (code.equals("NotImplemented") || status == 501) {
            return new ExportException(
                    prefix() + "the S3 store does not implement a header sent while " + action
                            + "; if it has no flexible checksums, the host can choose Content-MD5 (checksum MD5)"
                            + what,
                    failure);
        }
        Duration retryAfter = retryAfter(failure).orElse(Duration.ZERO);
        if (THROTTLED.contains(code) || status == 429 || status == 503) {
            return ExportException.temporary(
                    prefix() + "S3 is throttling requests to bucket '" + bucket + "'; " + action + " will be retried"
                            + what,
                    retryAfter,
                    failure);
        }
        if (TEMPORARY_CODES.contains(code)
                || status >= 500
                || status == 408
                || status == 409
                || failure.isThrottlingException()) {
            return ExportException.temporary(
                    prefix() + "S3 failed " + action + "; it will be retried" + what, retryAfter, failure);
        }
        return new ExportException(prefix() + "S3 refused " + action + what, failure);
    }

    private String prefix() {
        return "destination '" + name + "': ";
    }

    private static Optional<Duration> retryAfter(AwsServiceException failure) {
        if (failure.awsErrorDetails() == null || failure.awsErrorDetails().sdkHttpResponse() == null) {
            return Optional.empty();
        }
        return failure.awsErrorDetails()
                .sdkHttpResponse()
                .firstMatchingHeader("Retry-After")
                .flatMap(S3Failures::parseRetryAfter);
    }

    /**
     * @param value a {@code Retry-After} header: seconds, or an HTTP date
     * @return the wait it asks for, if it is one of those
     */
    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(Math.min(seconds, 86_400)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT))
                        .toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static @Nullable Throwable ioCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof java.io.UncheckedIOException) {
                return t instanceof java.io.UncheckedIOException && t.getCause() != null ? t.getCause() : t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static boolean isMissingCredentials(Throwable failure) {
        String message = failure.getMessage();
        return message != null && message.contains("Unable to load credentials");
    }
}

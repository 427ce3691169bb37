package dev.schedex.destination.s3;

import dev.schedex.Violation;
import dev.schedex.destination.PathTemplate;
import dev.schedex.destination.Retention;
import dev.schedex.destination.StorageParameters;
import dev.schedex.destination.s3.internal.S3Failures;
import dev.schedex.destination.s3.internal.S3Uploads;
import dev.schedex.spi.Delivered;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.ExportDestination;
import dev.schedex.spi.ExportException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Writes exports as objects in an Amazon S3 bucket, or in a bucket of an S3-compatible store
 * (MinIO, Cloudflare R2, Ceph), with the AWS SDK for Java v2. The host builds it with {@link
 * #builder(String)}: bucket, key prefix, region, endpoint, credentials, encryption, storage class,
 * multipart sizes and timeouts are the host's; a schedule gives only the {@link StorageParameters}
 * (a {@link PathTemplate} below the prefix and an optional keep-last-N).
 *
 * <p>An export's key is the prefix followed by the template's expansion. An export smaller than the
 * multipart threshold is one {@code PutObject}; a larger one is a multipart upload, which is aborted
 * when any part fails, so that S3 shows either the whole object or none. Each object carries the
 * delivery's content type, the user metadata {@code schedex-schedule-id}, {@code schedex-occurrence}
 * and {@code schedex-sha256}, and the body's SHA-256 as a checksum that S3 verifies before it stores
 * the object ({@code x-amz-checksum-sha256}, per part for a multipart upload).
 *
 * <p><b>Idempotent:</b> the same occurrence always expands to the same key, and a {@code PutObject}
 * or completed multipart upload replaces the object under that key whole, so a re-delivery (a retry,
 * a take-over after a host died) overwrites the earlier object instead of adding a second.
 *
 * <p>Keep-last-N keeps, per schedule, the list of keys it wrote in an index object at the prefix
 * followed by {@link Retention#indexPath(java.util.UUID)}; after each write the oldest objects beyond
 * N are deleted and the index replaced.
 *
 * <p>Thread-safe. {@link #close()} closes the S3 client if this destination built it; a client the
 * host gave stays the host's to close. {@code toString()} shows no credentials.
 */
public final class S3Destination implements ExportDestination, AutoCloseable {

    /** S3's smallest part of a multipart upload but the last: 5 MiB. */
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    /** The largest part S3 accepts: 5 GiB. */
    public static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;

    /** The multipart threshold when the host gives none: 16 MiB. */
    public static final long DEFAULT_MULTIPART_THRESHOLD = 16L * 1024 * 1024;

    /** The part size when the host gives none: 8 MiB. */
    public static final long DEFAULT_PART_SIZE = 8L * 1024 * 1024;

    /** The connect timeout when the host gives none. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** The timeout of one request (one attempt of one call) when the host gives none. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(S3Destination.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,49}");
    private static final String DESCRIPTION = "the S3 destination";

    private final String name;
    private final String bucket;
    private final String keyPrefix;
    private final S3Client client;
    private final boolean ownsClient;
    private final S3Uploads uploads;
    private final S3Failures failures;
    private final String description;

    private S3Destination(Builder builder, S3Client client, boolean ownsClient) {
        this.name = builder.name;
        this.bucket = Objects.requireNonNull(builder.bucket, "bucket");
        this.keyPrefix = builder.keyPrefix;
        this.client = client;
        this.ownsClient = ownsClient;
        this.failures = new S3Failures(name, bucket);
        this.uploads = new S3Uploads(
                client,
                bucket,
                builder.multipartThreshold,
                builder.partSize,
                Optional.ofNullable(builder.encryption),
                Optional.ofNullable(builder.kmsKeyId),
                Optional.ofNullable(builder.storageClass),
                builder.checksum == Checksum.MD5,
                failures);
        this.description = "S3Destination[" + name + ", bucket=" + bucket
                + (keyPrefix.isEmpty() ? "" : ", prefix=" + keyPrefix)
                + (builder.endpoint == null ? "" : ", endpoint=" + builder.endpoint)
                + (builder.region == null ? "" : ", region=" + builder.region)
                + (ownsClient ? "" : ", host's client") + "]";
    }

    /**
     * @param name the name schedules give this destination by: 1 to 50 letters, digits, {@code .},
     *     {@code -} or {@code _}, starting with a letter or digit
     * @return a builder; {@link Builder#bucket(String)} and either {@link Builder#region(String)} or
     *     {@link Builder#client(S3Client)} are required
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    @Override
    public String name() {
        return name;
    }

    /** @return the bucket the exports go to */
    public String bucket() {
        return bucket;
    }

    /** @return the key prefix every export's key starts with; empty, or ending with {@code /} */
    public String keyPrefix() {
        return keyPrefix;
    }

    @Override
    public List<Violation> validate(Map<String, String> parameters) {
        return StorageParameters.check(parameters, DESCRIPTION);
    }

    /**
     * Uploads the export under the prefix and the template's expansion, replacing an object of the
     * same occurrence, then applies keep-last-N if the schedule asked for it.
     *
     * @return the object's key
     * @throws ExportException permanent for bad credentials, a missing bucket, a full quota or a
     *     refused request; temporary for throttling, server errors, timeouts and lost connections
     */
    @Override
    public Delivered deliver(Delivery delivery) {
        Map<String, String> parameters = delivery.parameters();
        String relative = StorageParameters.pathFor(delivery, name);
        String key = keyPrefix + relative;
        uploads.upload(key, delivery);
        OptionalInt keep = StorageParameters.keep(parameters);
        if (keep.isPresent()) {
            String index = keyPrefix + Retention.indexPath(delivery.context().scheduleId());
            Retention.Pruned pruned = Retention.afterWriting(uploads.readIndex(index), relative, keep.getAsInt());
            for (String old : pruned.removed()) {
                uploads.delete(keyPrefix + old);
            }
            uploads.writeIndex(index, Retention.encode(pruned.kept()));
        }
        LOG.debug("destination '{}' stored {} bytes at s3://{}/{}", name, delivery.size(), bucket, key);
        return new Delivered(key);
    }

    /** Closes the S3 client if this destination built it; a host's client is left open. */
    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    @Override
    public String toString() {
        return description;
    }

    /** How S3 verifies that it stored the bytes that were sent. */
    public enum Checksum {
        /**
         * The body's SHA-256 as {@code x-amz-checksum-sha256} (per part for a multipart upload):
         * the default. Amazon S3, MinIO, Cloudflare R2 and Ceph from Squid on verify it; the
         * delivery's own SHA-256 is sent, so a single upload costs no second pass over the bytes.
         */
        SHA256,
        /**
         * The body's MD5 as {@code Content-MD5}: for S3-compatible stores without flexible checksums,
         * which answer {@code x-amz-checksum-sha256} with 501 Not Implemented (older Ceph, S3Proxy).
         */
        MD5
    }

    /**
     * Builds an {@link S3Destination}. Either give {@link #region(String)} (with the optional
     * endpoint, credentials and timeouts), from which the destination builds its own client on the
     * SDK's URL-connection HTTP client, or give a client the host built with {@link #client(S3Client)};
     * not both.
     */
    public static final class Builder {

        private final String name;
        private @Nullable String bucket;
        private String keyPrefix = "";
        private @Nullable String region;
        private @Nullable URI endpoint;
        private @Nullable Boolean pathStyle;
        private @Nullable AwsCredentialsProvider credentials;
        private @Nullable ServerSideEncryption encryption;
        private @Nullable String kmsKeyId;
        private @Nullable StorageClass storageClass;
        private Checksum checksum = Checksum.SHA256;
        private long multipartThreshold = DEFAULT_MULTIPART_THRESHOLD;
        private long partSize = DEFAULT_PART_SIZE;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private boolean clientSettingsGiven;
        private @Nullable S3Client client;

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("a destination's name is 1 to 50 letters, digits, '.', '-' or '_', "
                        + "starting with a letter or digit; was '" + name + "'");
            }
            this.name = name;
        }

        /**
         * @param bucket the bucket every export goes to; it must exist
         * @return this builder
         */
        public Builder bucket(String bucket) {
            Objects.requireNonNull(bucket, "bucket");
            if (bucket.isBlank() || bucket.contains("/") || !bucket.equals(bucket.strip())) {
                throw new IllegalArgumentException(
                        "a bucket name has no '/' and no spaces around it; was '" + bucket + "'");
            }
            this.bucket = bucket;
            return this;
        }

        /**
         * @param keyPrefix the start of every export's key, such as {@code exports/}; a {@code /} is
         *     added at its end if missing. Empty (the default) puts exports at the bucket's top.
         * @return this builder
         */
        public Builder keyPrefix(String keyPrefix) {
            Objects.requireNonNull(keyPrefix, "keyPrefix");
            if (keyPrefix.isEmpty()) {
                this.keyPrefix = "";
                return this;
            }
            String prefix = keyPrefix.endsWith("/") ? keyPrefix : keyPrefix + "/";
            if (prefix.startsWith("/") || prefix.contains("//") || prefix.contains("\\")) {
                throw new IllegalArgumentException(
                        "a key prefix does not start with '/' and has no empty segment or backslash; was '" + keyPrefix
                                + "'");
            }
            for (String segment : prefix.substring(0, prefix.length() - 1).split("/")) {
                if (segment.equals(".") || segment.equals("..")) {
                    throw new IllegalArgumentException(
                            "a key prefix has no '.' or '..' segment; was '" + keyPrefix + "'");
                }
            }
            if (prefix.length() > 256) {
                throw new IllegalArgumentException("a key prefix is at most 256 characters");
            }
            this.keyPrefix = prefix;
            return this;
        }

        /**
         * @param region the bucket's region, such as {@code eu-central-1}; for S3-compatible stores the
         *     one they expect in signatures ({@code us-east-1} for MinIO and Ceph, {@code auto} for R2)
         * @return this builder
         */
        public Builder region(String region) {
            Objects.requireNonNull(region, "region");
            if (region.isBlank()) {
                throw new IllegalArgumentException("region must not be blank");
            }
            this.region = region;
            this.clientSettingsGiven = true;
            return this;
        }

        /**
         * An S3-compatible store's endpoint (MinIO, Cloudflare R2, Ceph RGW), such as {@code
         * https://minio.internal:9000}; path-style addressing is used unless {@link
         * #pathStyleAccess(boolean)} says otherwise. Without it, AWS's endpoint for the region.
         *
         * @param endpoint the endpoint, {@code http} or {@code https}, without user information,
         *     path, query or fragment
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            String scheme =
                    endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null) {
                throw new IllegalArgumentException("an endpoint is an http or https URI with a host");
            }
            if (endpoint.getRawUserInfo() != null
                    || endpoint.getRawQuery() != null
                    || endpoint.getRawFragment() != null
                    || !(endpoint.getRawPath() == null
                            || endpoint.getRawPath().isEmpty()
                            || endpoint.getRawPath().equals("/"))) {
                // user information would be a secret in the endpoint, which toString shows
                throw new IllegalArgumentException(
                        "an endpoint has no user information, path, query or fragment; give credentials with credentials(...)");
            }
            this.endpoint = endpoint;
            this.clientSettingsGiven = true;
            return this;
        }

        /**
         * @param pathStyle true for {@code https://endpoint/bucket/key} (the default with an {@link
         *     #endpoint(URI)}), false for {@code https://bucket.endpoint/key} (the default for AWS)
         * @return this builder
         */
        public Builder pathStyleAccess(boolean pathStyle) {
            this.pathStyle = pathStyle;
            this.clientSettingsGiven = true;
            return this;
        }

        /**
         * Static credentials: an access key and its secret.
         *
         * @param accessKeyId     the access key id
         * @param secretAccessKey the secret access key; never shown in any message or description
         * @return this builder
         */
        public Builder credentials(String accessKeyId, String secretAccessKey) {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
            return credentials(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
        }

        /**
         * Credentials from a provider the host chose (an assumed role, a web identity, its own store).
         *
         * @param provider the provider
         * @return this builder
         */
        public Builder credentials(AwsCredentialsProvider provider) {
            this.credentials = Objects.requireNonNull(provider, "provider");
            this.clientSettingsGiven = true;
            return this;
        }

        /**
         * The SDK's default credentials chain (environment, system properties, profile files, web
         * identity, container and instance roles): the default when no credentials are given.
         *
         * @return this builder
         */
        public Builder defaultCredentials() {
            this.credentials = null;
            this.clientSettingsGiven = true;
            return this;
        }

        /**
         * Server-side encryption with keys S3 manages ({@code AES256}, SSE-S3).
         *
         * @return this builder
         */
        public Builder encryptionAes256() {
            this.encryption = ServerSideEncryption.AES256;
            this.kmsKeyId = null;
            return this;
        }

        /**
         * Server-side encryption with a KMS key ({@code aws:kms}, SSE-KMS).
         *
         * @param keyId the key's id, ARN or alias
         * @return this builder
         */
        public Builder encryptionKms(String keyId) {
            Objects.requireNonNull(keyId, "keyId");
            if (keyId.isBlank()) {
                throw new IllegalArgumentException("a KMS key id must not be blank");
            }
            this.encryption = ServerSideEncryption.AWS_KMS;
            this.kmsKeyId = keyId;
            return this;
        }

        /**
         * @param storageClass an S3 storage class, such as {@code STANDARD_IA} or {@code
         *     INTELLIGENT_TIERING}; without it, the bucket's default
         * @return this builder
         */
        public Builder storageClass(String storageClass) {
            Objects.requireNonNull(storageClass, "storageClass");
            StorageClass known = StorageClass.fromValue(storageClass);
            if (known == null || known == StorageClass.UNKNOWN_TO_SDK_VERSION) {
                throw new IllegalArgumentException(
                        "unknown storage class '" + storageClass + "'; known are " + StorageClass.knownValues());
            }
            this.storageClass = known;
            return this;
        }

        /**
         * @param checksum how S3 verifies the bytes it stores; default {@link Checksum#SHA256}
         * @return this builder
         */
        public Builder checksum(Checksum checksum) {
            this.checksum = Objects.requireNonNull(checksum, "checksum");
            return this;
        }

        /**
         * @param bytes exports of at least this size go up as multipart uploads; at least {@link
         *     #MIN_PART_SIZE}, default {@link #DEFAULT_MULTIPART_THRESHOLD}
         * @return this builder
         */
        public Builder multipartThreshold(long bytes) {
            if (bytes < MIN_PART_SIZE) {
                throw new IllegalArgumentException("the multipart threshold is at least " + MIN_PART_SIZE
                        + " bytes (S3's smallest part), was " + bytes);
            }
            this.multipartThreshold = bytes;
            return this;
        }

        /**
         * @param bytes the size of each part of a multipart upload but the last: {@link #MIN_PART_SIZE}
         *     to {@link #MAX_PART_SIZE}, default {@link #DEFAULT_PART_SIZE}; raised for an export that
         *     would otherwise need more than S3's 10,000 parts
         * @return this builder
         */
        public Builder partSize(long bytes) {
            if (bytes < MIN_PART_SIZE || bytes > MAX_PART_SIZE) {
                throw new IllegalArgumentException(
                        "the part size is " + MIN_PART_SIZE + " to " + MAX_PART_SIZE + " bytes, was " + bytes);
            }
            this.partSize = bytes;
            return this;
        }

        /**
         * @param timeout how long to wait for a connection; default {@link #DEFAULT_CONNECT_TIMEOUT}
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connect timeout");
            this.clientSettingsGiven = true;
            return this;
        }

        /**
         * @param timeout the longest one request may take, and the longest wait for data on a
         *     connection (each part of a multipart upload is one request); default {@link
         *     #DEFAULT_REQUEST_TIMEOUT}
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "request timeout");
            this.clientSettingsGiven = true;
            return this;
        }

        /**
         * A client the host built (its own HTTP client, retry strategy, metrics, interceptors), instead
         * of the one this destination would build: region, endpoint, credentials and timeouts are then
         * the client's, and may not be given here. The host closes it.
         *
         * @param client the client
         * @return this builder
         */
        public Builder client(S3Client client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * @return the destination
         * @throws IllegalStateException if the bucket is missing, neither a region nor a client was
         *     given, or both a client and settings for building one
         */
        public S3Destination build() {
            if (bucket == null) {
                throw new IllegalStateException("destination '" + name + "': a bucket is required");
            }
            S3Client given = client;
            if (given != null) {
                if (clientSettingsGiven) {
                    throw new IllegalStateException("destination '" + name + "': give either a client or the settings "
                            + "to build one (region, endpoint, credentials, timeouts), not both");
                }
                return new S3Destination(this, given, false);
            }
            String regionName = region;
            if (regionName == null) {
                throw new IllegalStateException("destination '" + name + "': a region (or a client) is required");
            }
            return new S3Destination(this, buildClient(regionName), true);
        }

        private S3Client buildClient(String regionName) {
            AwsCredentialsProvider provider = credentials != null
                    ? credentials
                    : DefaultCredentialsProvider.builder().build();
            URI uri = endpoint;
            software.amazon.awssdk.services.s3.S3ClientBuilder builder = S3Client.builder()
                    .region(Region.of(regionName))
                    .credentialsProvider(provider)
                    .httpClientBuilder(UrlConnectionHttpClient.builder()
                            .connectionTimeout(connectTimeout)
                            .socketTimeout(requestTimeout))
                    // the body's SHA-256 goes as a header that S3 verifies (see S3Uploads); no
                    // trailing CRC in aws-chunked bodies, which older S3-compatible stores refuse
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .overrideConfiguration(o -> o.apiCallAttemptTimeout(requestTimeout));
            if (uri != null) {
                builder.endpointOverride(uri);
            }
            builder.forcePathStyle(pathStyle != null ? pathStyle : uri != null);
            return builder.build();
        }

        private static Duration positive(Duration timeout, String what) {
            Objects.requireNonNull(timeout, what);
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the " + what + " must be positive, was " + timeout);
            }
            return timeout;
        }
    }
}

package dev.schedex.destination.s3.internal;

import dev.schedex.destination.Retention;
import dev.schedex.spi.Delivery;
import dev.schedex.spi.ExportException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The S3 calls of one destination: a single {@code PutObject} below the multipart threshold, a
 * multipart upload above it (aborted on any failure, so that no half object and no orphan parts are
 * left where the abort itself gets through), and the keep-last-N index's reads, writes and deletes.
 * Every failure leaves as a classified {@link ExportException}.
 */
public final class S3Uploads {

    /** User metadata keys (sent as {@code x-amz-meta-...}). */
    public static final String META_SCHEDULE = "schedex-schedule-id";

    /** The occurrence, ISO-8601 in UTC. */
    public static final String META_OCCURRENCE = "schedex-occurrence";

    /** The body's SHA-256, lower-case hex. */
    public static final String META_SHA256 = "schedex-sha256";

    private static final int MAX_PARTS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(S3Uploads.class);

    private final S3Client client;
    private final String bucket;
    private final long multipartThreshold;
    private final long partSize;
    private final Optional<ServerSideEncryption> encryption;
    private final Optional<String> kmsKeyId;
    private final Optional<StorageClass> storageClass;
    private final boolean md5;
    private final S3Failures failures;

    /**
     * @param client             the client
     * @param bucket             the bucket
     * @param multipartThreshold the size from which uploads are multipart
     * @param partSize           the size of each part but the last
     * @param encryption         server-side encryption, if any
     * @param kmsKeyId           the KMS key, for {@code aws:kms}
     * @param storageClass       the storage class, if not the bucket's default
     * @param md5                true to send Content-MD5, false for x-amz-checksum-sha256
     * @param failures           how failures are told
     */
    public S3Uploads(
            S3Client client,
            String bucket,
            long multipartThreshold,
            long partSize,
            Optional<ServerSideEncryption> encryption,
            Optional<String> kmsKeyId,
            Optional<StorageClass> storageClass,
            boolean md5,
            S3Failures failures) {
        this.client = client;
        this.bucket = bucket;
        this.multipartThreshold = multipartThreshold;
        this.partSize = partSize;
        this.encryption = encryption;
        this.kmsKeyId = kmsKeyId;
        this.storageClass = storageClass;
        this.md5 = md5;
        this.failures = failures;
    }

    /**
     * Stores the delivery's body under the key, replacing what is there.
     *
     * @param key      the object's key
     * @param delivery the export
     */
    public void upload(String key, Delivery delivery) {
        Map<String, String> metadata = Map.of(
                META_SCHEDULE, delivery.context().scheduleId().toString(),
                META_OCCURRENCE,
                        DateTimeFormatter.ISO_INSTANT.format(delivery.context().occurrence()),
                META_SHA256, delivery.checksum());
        if (delivery.size() < multipartThreshold) {
            putSingle(key, delivery, metadata);
        } else {
            putMultipart(key, delivery, metadata);
        }
    }

    private void putSingle(String key, Delivery delivery, Map<String, String> metadata) {
        byte[] content = delivery.content();
        PutObjectRequest.Builder request = PutObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .contentType(delivery.mediaType())
                .contentLength((long) content.length)
                .metadata(metadata);
        if (md5) {
            request.contentMD5(digestBase64("MD5", content, 0, content.length));
        } else {
            // the delivery's own SHA-256, which S3 checks against the bytes it received
            request.checksumSHA256(base64OfHex(delivery.checksum()));
        }
        encryption.ifPresent(request::serverSideEncryption);
        kmsKeyId.ifPresent(request::ssekmsKeyId);
        storageClass.ifPresent(request::storageClass);
        try {
            client.putObject(request.build(), body(content, 0, content.length));
        } catch (SdkException e) {
            throw failures.classify(e, "uploading '" + key + "'");
        }
    }

    private void putMultipart(String key, Delivery delivery, Map<String, String> metadata) {
        byte[] content = delivery.content();
        long size = content.length;
        // S3 takes at most 10,000 parts: grow the parts for an export that would need more
        long part = Math.max(partSize, (size + MAX_PARTS - 1) / MAX_PARTS);
        CreateMultipartUploadRequest.Builder create = CreateMultipartUploadRequest.builder()
                .bucket(bucket)
                .key(key)
                .contentType(delivery.mediaType())
                .metadata(metadata);
        if (!md5) {
            // parts carry their SHA-256, which S3 accepts only for an upload begun with the algorithm
            create.checksumAlgorithm(ChecksumAlgorithm.SHA256);
        }
        encryption.ifPresent(create::serverSideEncryption);
        kmsKeyId.ifPresent(create::ssekmsKeyId);
        storageClass.ifPresent(create::storageClass);
        String uploadId;
        try {
            uploadId = client.createMultipartUpload(create.build()).uploadId();
        } catch (SdkException e) {
            throw failures.classify(e, "starting the multipart upload of '" + key + "'");
        }
        String step = "uploading part 1 of '" + key + "'";
        try {
            int number = 0;
            List<CompletedPart> parts = new ArrayList<>();
            for (long offset = 0; offset < size; offset += part) {
                number++;
                step = "uploading part " + number + " of '" + key + "'";
                int length = (int) Math.min(part, size - offset);
                UploadPartRequest.Builder request = UploadPartRequest.builder()
                        .bucket(bucket)
                        .key(key)
                        .uploadId(uploadId)
                        .partNumber(number)
                        .contentLength((long) length);
                CompletedPart.Builder completed = CompletedPart.builder().partNumber(number);
                if (md5) {
                    request.contentMD5(digestBase64("MD5", content, (int) offset, length));
                } else {
                    String checksum = digestBase64("SHA-256", content, (int) offset, length);
                    request.checksumSHA256(checksum);
                    completed.checksumSHA256(checksum);
                }
                UploadPartResponse uploaded = client.uploadPart(request.build(), body(content, (int) offset, length));
                parts.add(completed.eTag(uploaded.eTag()).build());
            }
            int count = number;
            step = "completing the multipart upload of '" + key + "'";
            client.completeMultipartUpload(b -> b.bucket(bucket)
                    .key(key)
                    .uploadId(uploadId)
                    .multipartUpload(u -> u.parts(parts))
                    .build());
            LOG.debug("uploaded '{}' in {} parts", key, count);
        } catch (SdkException e) {
            abort(key, uploadId, e);
            throw failures.classify(e, step);
        } catch (RuntimeException | Error e) {
            abort(key, uploadId, e);
            throw e;
        }
    }

    private void abort(String key, String uploadId, Throwable cause) {
        try {
            client.abortMultipartUpload(
                    b -> b.bucket(bucket).key(key).uploadId(uploadId).build());
        } catch (RuntimeException e) {
            // S3 keeps the parts until a lifecycle rule removes them; the docs ask hosts for one
            LOG.warn(
                    "could not abort the multipart upload of '{}' in bucket '{}' ({})",
                    key,
                    bucket,
                    e.getClass().getSimpleName());
            cause.addSuppressed(e);
        }
    }

    /**
     * @param key the index object's key
     * @return the paths it lists, oldest first; empty if there is none yet
     */
    public List<String> readIndex(String key) {
        try {
            return Retention.decode(
                    client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return List.of();
        } catch (SdkException e) {
            throw failures.classify(e, "reading the keep-last-N index '" + key + "'");
        }
    }

    /**
     * @param key   the index object's key
     * @param index its new content
     */
    public void writeIndex(String key, byte[] index) {
        PutObjectRequest.Builder request = PutObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .contentType("text/plain; charset=utf-8")
                .contentLength((long) index.length);
        if (md5) {
            request.contentMD5(digestBase64("MD5", index, 0, index.length));
        } else {
            request.checksumSHA256(digestBase64("SHA-256", index, 0, index.length));
        }
        encryption.ifPresent(request::serverSideEncryption);
        kmsKeyId.ifPresent(request::ssekmsKeyId);
        try {
            client.putObject(request.build(), body(index, 0, index.length));
        } catch (SdkException e) {
            throw failures.classify(e, "writing the keep-last-N index '" + key + "'");
        }
    }

    /** @param key an object to remove; a missing one is fine */
    public void delete(String key) {
        try {
            client.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            // already gone: what retention wanted
        } catch (SdkException e) {
            throw failures.classify(e, "removing '" + key + "' for keep-last-N");
        }
    }

    /**
     * A body of a slice of the array, as the SDK's own byte bodies are: one copy, which the SDK reads
     * again for a retry. A stream over the array would save the copy but is slower to send (the SDK
     * reads streams in small chunks), and a copy costs far less than the upload.
     */
    private static RequestBody body(byte[] content, int offset, int length) {
        return RequestBody.fromRemainingByteBuffer(ByteBuffer.wrap(content, offset, length));
    }

    private static String base64OfHex(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }

    private static String digestBase64(String algorithm, byte[] content, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            digest.update(content, offset, length);
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + algorithm, e);
        }
    }
}

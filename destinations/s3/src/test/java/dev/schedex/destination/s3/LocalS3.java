package dev.schedex.destination.s3;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3Proxy, a real S3 REST front end (request parsing, SigV4 signatures, multipart uploads), over
 * jclouds' in-memory blobstore, on 127.0.0.1 at a free port, with one access key.
 */
final class LocalS3 implements AutoCloseable {

    static final String ACCESS_KEY = "schedex-test-access";
    static final String REGION = "us-east-1";

    final String secretKey = "secret-" + UUID.randomUUID();
    private final BlobStoreContext context;
    private final S3Proxy proxy;
    private final URI endpoint;
    private final S3Client admin;

    private LocalS3() throws Exception {
        context = // by its metadata, not its id: looking up an id loads every provider on the class path,
                // and S3Proxy lists some whose libraries are left out here
                ContextBuilder.newBuilder(new TransientApiMetadata())
                        .credentials("unused", "unused")
                        .build(BlobStoreContext.class);
        proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, secretKey)
                .build();
        proxy.start();
        if (!"STARTED".equals(proxy.getState())) {
            throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        admin = client(endpoint, secretKey);
    }

    static LocalS3 start() throws Exception {
        return new LocalS3();
    }

    URI endpoint() {
        return endpoint;
    }

    /** A client that the tests check what is stored with, independent of the destination's own. */
    S3Client admin() {
        return admin;
    }

    /** @return a new, empty bucket */
    String newBucket() {
        String bucket = "b-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        admin.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    /** A destination's builder as a host would configure it for this server. */
    S3Destination.Builder destination(String name, String bucket) {
        return S3Destination.builder(name)
                .bucket(bucket)
                .region(REGION)
                .endpoint(endpoint)
                .credentials(ACCESS_KEY, secretKey)
                // S3Proxy 2.9 answers x-amz-checksum-* with 501, and verifies Content-MD5
                .checksum(S3Destination.Checksum.MD5);
    }

    static S3Client client(URI endpoint, String secretKey) {
        return S3Client.builder()
                .region(Region.of(REGION))
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secretKey)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    @Override
    @SuppressWarnings("try")
    public void close() throws Exception {
        admin.close();
        proxy.stop();
        context.close();
    }
}

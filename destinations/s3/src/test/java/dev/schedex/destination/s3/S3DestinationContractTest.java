package dev.schedex.destination.s3;

import dev.schedex.destination.Retention;
import dev.schedex.spi.ExportDestination;
import dev.schedex.testing.StorageDestinationContract;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The storage contract, against S3Proxy, with a fresh bucket and key prefix for each test. */
class S3DestinationContractTest extends StorageDestinationContract {

    private static LocalS3 s3;
    private String bucket = "";
    private final String prefix = "exports/" + UUID.randomUUID() + "/";
    private S3Destination made;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = LocalS3.start();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @AfterEach
    void closeDestination() {
        if (made != null) {
            made.close();
        }
    }

    @Override
    protected ExportDestination newDestination() {
        bucket = s3.newBucket();
        made = s3.destination("reports-s3", bucket)
                .keyPrefix(prefix)
                .multipartThreshold(S3Destination.MIN_PART_SIZE)
                .partSize(S3Destination.MIN_PART_SIZE)
                .build();
        return made;
    }

    @Override
    protected Map<String, byte[]> exports() {
        Map<String, byte[]> stored = new LinkedHashMap<>();
        for (S3Object object : s3.admin()
                .listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))
                .contents()) {
            if (!object.key().startsWith(prefix + Retention.RECORDS_FOLDER + "/")) {
                stored.put(
                        object.key(),
                        s3.admin()
                                .getObjectAsBytes(b -> b.bucket(bucket).key(object.key()))
                                .asByteArray());
            }
        }
        return stored;
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(s3.secretKey);
    }

    /** Above the test's 5 MiB threshold: two parts of 5 MiB and 1 MiB. */
    @Override
    protected int largeExportBytes() {
        return 6 * 1024 * 1024 + 123;
    }
}

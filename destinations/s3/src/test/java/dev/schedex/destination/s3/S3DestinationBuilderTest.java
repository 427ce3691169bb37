package dev.schedex.destination.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** What a host may and may not configure. */
class S3DestinationBuilderTest {

    @Test
    void anEndpointWithCredentialsInItIsRefusedAndTheMessageDoesNotRepeatThem() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> S3Destination.builder("x").endpoint(URI.create("https://key:hunter2@minio.internal:9000")));
        assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
    }

    @Test
    void aHostsClientAndSettingsForBuildingOneAreNotBothTaken() {
        try (S3Client client = S3Client.builder().region(Region.US_EAST_1).build()) {
            assertThrows(
                    IllegalStateException.class,
                    () -> S3Destination.builder("x")
                            .bucket("b")
                            .client(client)
                            .region("eu-west-1")
                            .build());
        }
    }

    @Test
    void aBucketAndARegionAreRequired() {
        assertThrows(
                IllegalStateException.class,
                () -> S3Destination.builder("x").region("eu-west-1").build());
        assertThrows(
                IllegalStateException.class,
                () -> S3Destination.builder("x").bucket("b").build());
    }

    @Test
    void partsAreAtLeastS3sMinimumAndStorageClassesKnown() {
        assertThrows(
                IllegalArgumentException.class, () -> S3Destination.builder("x").partSize(5 * 1024 * 1024 - 1));
        assertThrows(
                IllegalArgumentException.class, () -> S3Destination.builder("x").multipartThreshold(1024));
        assertThrows(
                IllegalArgumentException.class, () -> S3Destination.builder("x").storageClass("CHEAP"));
    }

    @Test
    void thePrefixEndsInASlashAndCannotClimbOut() {
        try (S3Destination d = S3Destination.builder("x")
                .bucket("b")
                .region("eu-west-1")
                .keyPrefix("exports")
                .credentials("AKID", "s3cr3t")
                .build()) {
            assertEquals("exports/", d.keyPrefix());
            assertFalse(d.toString().contains("s3cr3t"), d.toString());
            assertTrue(d.toString().contains("bucket=b"), d.toString());
        }
        for (String prefix : new String[] {"/abs", "a//b", "../up", "a/./b", "a\\b"}) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> S3Destination.builder("x").keyPrefix(prefix),
                    prefix);
        }
    }

    @Test
    void aNameTheServiceWouldRefuseIsRefusedHere() {
        assertThrows(IllegalArgumentException.class, () -> S3Destination.builder("reports s3"));
        assertThrows(IllegalArgumentException.class, () -> S3Destination.builder(""));
    }
}

/**
 * {@link dev.schedex.destination.s3.S3Destination}: exports delivered to Amazon S3 or an
 * S3-compatible store (MinIO, Cloudflare R2, Ceph), built by the host with its bucket, prefix,
 * region, endpoint and credentials, and given {@link dev.schedex.destination.StorageParameters} by
 * schedules. No nulls across the API (absent is {@link java.util.Optional}); the {@code internal}
 * subpackage is not for hosts.
 */
package dev.schedex.destination.s3;

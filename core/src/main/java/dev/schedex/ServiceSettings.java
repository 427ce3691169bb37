package dev.schedex;

import java.time.Duration;

/** The service's policies, as the builder set them. */
record ServiceSettings(Duration leaseLength, int batchSize, RetryPolicy retryPolicy, int pauseAfterFailures,
                       MisfirePolicy misfirePolicy, Duration misfireGrace, int maxCatchUp, String hostName) {
}

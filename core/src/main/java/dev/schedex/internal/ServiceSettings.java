package dev.schedex.internal;

import dev.schedex.MisfirePolicy;
import dev.schedex.RetryPolicy;
import java.time.Duration;

/**
 * The service's policies, as its builder set them.
 *
 * @param leaseLength        how long a claim holds a schedule
 * @param batchSize          how many schedules a tick claims at once
 * @param retryPolicy        how failed runs are retried
 * @param pauseAfterFailures pause a schedule after this many failures in a row; 0 never
 * @param misfirePolicy      the policy of schedules that name none
 * @param misfireGrace       how late a tick may be before an occurrence counts as missed
 * @param maxCatchUp         the most missed occurrences {@link MisfirePolicy#RUN_ALL} runs
 * @param hostName           this host's name in leases and runs
 */
public record ServiceSettings(
        Duration leaseLength,
        int batchSize,
        RetryPolicy retryPolicy,
        int pauseAfterFailures,
        MisfirePolicy misfirePolicy,
        Duration misfireGrace,
        int maxCatchUp,
        String hostName) {}

package dev.schedex.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The delivery benchmarks' measurement: a destination against the bare SDK call it wraps, timed in
 * pairs, one right after the other, with the order alternating from pair to pair. On a shared machine
 * a busy second slows both calls of a pair, so the median of the pairs' ratios says more than the
 * ratio of two medians taken apart (docs/benchmarks.md).
 */
public final class PairedRounds {

    private static final int MIB = 1024 * 1024;

    private PairedRounds() {}

    /**
     * What the pairs gave.
     *
     * @param bareMs        the bare call's median, in milliseconds
     * @param destinationMs the destination's median, in milliseconds
     * @param pairRatio     the median of the pairs' destination ÷ bare
     * @param bestRatio     the destination's best time ÷ the bare call's best time
     */
    public record Result(double bareMs, double destinationMs, double pairRatio, double bestRatio) {}

    /**
     * @param size        the body's size, which sets how often a small upload repeats within a timing
     * @param warmUp      untimed pairs first
     * @param rounds      timed pairs
     * @param bare        one bare call
     * @param destination one delivery of the same bytes
     * @return the medians and ratios
     */
    public static Result compare(int size, int warmUp, int rounds, Runnable bare, Runnable destination) {
        for (int i = 0; i < warmUp; i++) {
            bare.run();
            destination.run();
        }
        int repeat = size < MIB ? 10 : size < 8 * MIB ? 3 : 1;
        List<Double> bareTimes = new ArrayList<>();
        List<Double> destinationTimes = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            // alternate which goes first, so that neither always meets a warm or a busy server
            double b;
            double d;
            if (round % 2 == 0) {
                b = time(bare, repeat);
                d = time(destination, repeat);
            } else {
                d = time(destination, repeat);
                b = time(bare, repeat);
            }
            bareTimes.add(b);
            destinationTimes.add(d);
            ratios.add(d / b);
        }
        return new Result(
                median(bareTimes), median(destinationTimes), median(ratios), min(destinationTimes) / min(bareTimes));
    }

    /** @param size a length @return that many bytes of a pattern that does not compress to nothing */
    public static byte[] content(int size) {
        byte[] content = new byte[size];
        for (int i = 0; i < size; i++) {
            content[i] = (byte) (i * 31 + (i >>> 11));
        }
        return content;
    }

    private static double time(Runnable upload, int repeat) {
        long start = System.nanoTime();
        for (int i = 0; i < repeat; i++) {
            upload.run();
        }
        return (System.nanoTime() - start) / 1e6 / repeat;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static double median(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}

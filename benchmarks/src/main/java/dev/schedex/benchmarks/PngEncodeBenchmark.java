package dev.schedex.benchmarks;

import dev.schedex.renderers.SampleDocuments;
import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PNG encoders on one and the same image: schedex's raster of the 50- or 500-shape flowchart (920
 * pixels wide, white). {@code encoder} names one of {@link PngEncoders#encode}; the file sizes are
 * printed by {@link PngSizes}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class PngEncodeBenchmark {

    @Param({"50", "500"})
    int nodes;

    @Param({"schedex", "jdk", "jdk-1", "jdk-9", "batik"})
    String encoder;

    private BufferedImage image;

    @Setup
    public void setUp() {
        image = PngEncoders.schedexRaster(
                SampleDocuments.document(nodes).drawing().orElseThrow());
    }

    @Benchmark
    public byte[] encode() {
        return PngEncoders.encode(encoder, image);
    }
}

package dev.schedex.benchmarks;

import dev.schedex.renderers.internal.batik.Drawing;
import dev.schedex.renderers.internal.png.PngEncoder;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.batik.ext.awt.image.codec.png.PNGEncodeParam;
import org.apache.batik.ext.awt.image.codec.png.PNGImageEncoder;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;
import org.jspecify.annotations.Nullable;

/**
 * The rasters and PNG encoders that {@link RenderBenchmark}, {@link PngEncodeBenchmark} and
 * {@link PngSizes} compare: each side's raster of the same drawing at the same size on the same
 * white background, and each encoder on one and the same image.
 */
final class PngEncoders {

    private PngEncoders() {}

    /** schedex's raster: the drawing sanitised, built and painted as {@code PngFormat} does at scale 1. */
    static BufferedImage schedexRaster(String svg) {
        try (Drawing drawing = Drawing.read(svg, warning -> {})) {
            return drawing.raster(
                    (int) Math.round(drawing.width()),
                    (int) Math.round(drawing.height()),
                    1.0,
                    Optional.of(Color.WHITE));
        }
    }

    /** Bare Batik's raster: {@code PNGTranscoder}'s path up to the image, which is kept instead of encoded. */
    static BufferedImage batikRaster(String svg) {
        KeepingTranscoder transcoder = new KeepingTranscoder();
        transcoder.addTranscodingHint(ImageTranscoder.KEY_BACKGROUND_COLOR, Color.WHITE);
        try {
            transcoder.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput());
        } catch (TranscoderException e) {
            throw new IllegalStateException(e);
        }
        BufferedImage image = transcoder.image;
        if (image == null) {
            throw new IllegalStateException("the transcoder wrote no image");
        }
        return image;
    }

    /**
     * Encodes with the encoder a name stands for: {@code jdk} (the JDK's ImageIO writer at its
     * default, level 4), {@code jdk-N} (at deflate level N), {@code batik} (batik-codec's encoder with
     * the parameters {@code PNGTranscoder} gives it; level 9), {@code schedex} (schedex's defaults) or
     * {@code schedex-N-FILTER}.
     */
    static byte[] encode(String encoder, BufferedImage image) {
        if (encoder.equals("schedex")) {
            return PngEncoder.encode(image, 96);
        }
        if (encoder.startsWith("schedex-")) {
            String[] parts = encoder.split("-");
            return PngEncoder.encode(
                    image,
                    96,
                    Integer.parseInt(parts[1]),
                    PngEncoder.Filter.valueOf(parts[2].toUpperCase(Locale.ROOT)));
        }
        if (encoder.equals("jdk")) {
            return jdk(image, -1);
        }
        if (encoder.startsWith("jdk-")) {
            return jdk(image, Integer.parseInt(encoder.substring(4)));
        }
        if (encoder.equals("batik")) {
            return batik(image);
        }
        throw new IllegalArgumentException("no encoder " + encoder);
    }

    /** The JDK's writer; its deflate level is {@code 9 * (1 - quality)} in explicit mode, else 4. */
    static byte[] jdk(BufferedImage image, int level) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try {
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            if (level >= 0) {
                parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                parameters.setCompressionQuality(1f - level / 9f);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), parameters);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** batik-codec's encoder as {@code PNGTranscoder} calls it (its internal codec adapter). */
    static byte[] batik(BufferedImage image) {
        PNGEncodeParam parameters = PNGEncodeParam.getDefaultEncodeParam(image);
        if (parameters instanceof PNGEncodeParam.RGB) {
            ((PNGEncodeParam.RGB) parameters).setBackgroundRGB(new int[] {255, 255, 255});
        }
        parameters.setSRGBIntent(PNGEncodeParam.INTENT_PERCEPTUAL);
        parameters.setPhysicalDimension(3780, 3780, 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new PNGImageEncoder(bytes, parameters).encode(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** An image transcoder that keeps the image it would write. */
    static final class KeepingTranscoder extends ImageTranscoder {
        @Nullable
        BufferedImage image;

        @Override
        public BufferedImage createImage(int width, int height) {
            return new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        }

        @Override
        public void writeImage(BufferedImage image, @Nullable TranscoderOutput output) {
            this.image = image;
        }
    }
}

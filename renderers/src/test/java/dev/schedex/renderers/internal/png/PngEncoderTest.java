package dev.schedex.renderers.internal.png;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PngEncoderTest {

    /** Anti-aliased shapes and a gradient: every filter sees left, upper and upper-left neighbours differ. */
    private static BufferedImage picture(int type, boolean transparentCorner) {
        BufferedImage image = new BufferedImage(67, 41, type);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 67, 41);
        graphics.setPaint(new java.awt.GradientPaint(0, 0, Color.RED, 67, 41, Color.BLUE));
        graphics.fillOval(3, 2, 50, 30);
        graphics.setColor(new Color(0, 128, 0));
        graphics.drawLine(0, 40, 66, 0);
        graphics.dispose();
        if (transparentCorner) {
            image.setRGB(0, 0, 0x00000000);
            image.setRGB(66, 40, 0x80ff0000);
        }
        return image;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image != null, "the bytes decode as a PNG");
        return image;
    }

    @ParameterizedTest
    @EnumSource(PngEncoder.Filter.class)
    void everyFilterAndLevelGivesBackTheSamePixels(PngEncoder.Filter filter) throws IOException {
        for (boolean transparent : new boolean[] {false, true}) {
            BufferedImage image = picture(BufferedImage.TYPE_INT_ARGB, transparent);
            for (int level : new int[] {0, 1, 6, 9}) {
                BufferedImage decoded = decode(PngEncoder.encode(image, 96, level, filter));
                assertArrayEquals(
                        pixels(image), pixels(decoded), filter + " at level " + level + ", alpha " + transparent);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = PngEncoder.Filter.class,
            names = {"NONE", "PAETH"})
    void anOpaqueImageIsWrittenWithoutAlphaAndATransparentOneWithIt(PngEncoder.Filter filter) throws IOException {
        byte[] opaque = PngEncoder.encode(picture(BufferedImage.TYPE_INT_ARGB, false), 96, 6, filter);
        byte[] clear = PngEncoder.encode(picture(BufferedImage.TYPE_INT_ARGB, true), 96, 6, filter);
        assertEquals(2, opaque[25], "colour type RGB");
        assertEquals(6, clear[25], "colour type RGBA");
        assertTrue(decode(clear).getColorModel().hasAlpha());
    }

    @Test
    void otherImageTypesAreReadThroughTheirColourModel() throws IOException {
        PngEncoder.Filter filter = PngEncoder.DEFAULT_FILTER;
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR}) {
            BufferedImage image = picture(type, false);
            assertArrayEquals(pixels(image), pixels(decode(PngEncoder.encode(image, 300, 6, filter))), "type " + type);
        }
    }
}

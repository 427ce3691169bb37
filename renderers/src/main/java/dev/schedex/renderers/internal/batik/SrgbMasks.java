package dev.schedex.renderers.internal.batik;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.geom.Rectangle2D;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.RenderedImage;
import java.awt.image.SampleModel;
import java.awt.image.WritableRaster;
import java.awt.image.renderable.RenderContext;
import org.apache.batik.bridge.BridgeContext;
import org.apache.batik.bridge.SVGMaskElementBridge;
import org.apache.batik.ext.awt.image.GraphicsUtil;
import org.apache.batik.ext.awt.image.PadMode;
import org.apache.batik.ext.awt.image.renderable.Filter;
import org.apache.batik.ext.awt.image.renderable.PadRable8Bit;
import org.apache.batik.ext.awt.image.rendered.AbstractRed;
import org.apache.batik.ext.awt.image.rendered.CachableRed;
import org.apache.batik.ext.awt.image.rendered.MultiplyAlphaRed;
import org.apache.batik.gvt.GraphicsNode;
import org.apache.batik.gvt.filter.Mask;
import org.apache.batik.gvt.filter.MaskRable8Bit;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * {@code <mask>} as browsers draw it: each pixel of the mask lets through its luminance, computed
 * from its sRGB values (0.2125 red, 0.7154 green, 0.0721 blue, times its opacity). Batik 1.19
 * converts the mask to the JDK's grey colour space, which is linear, so a mid grey (#808080)
 * let through 22% instead of 50%, and every antialiased edge of a mask cut deeper: tldraw's hatched
 * fills (a pattern of a rectangle masked by thin lines) came out too dark. The masked content stays
 * in sRGB too (Batik took it to linear light and back in 8 bits, which darkened light colours by a
 * step or two).
 */
final class SrgbMasks extends SVGMaskElementBridge {

    private static final ColorModel ALPHA = new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_GRAY),
            new int[] {8},
            false,
            false,
            Transparency.OPAQUE,
            DataBuffer.TYPE_BYTE);

    @Override
    public @Nullable Mask createMask( // null for a mask with nothing in it, as Batik's
            BridgeContext ctx, Element maskElement, Element maskedElement, GraphicsNode node) {
        Mask mask = super.createMask(ctx, maskElement, maskedElement, node);
        return mask == null ? null : new SrgbMask(mask.getSource(), mask.getMaskNode(), mask.getFilterRegion());
    }

    private static final class SrgbMask extends MaskRable8Bit {
        SrgbMask(Filter content, GraphicsNode mask, Rectangle2D region) {
            super(content, mask, region);
        }

        @Override
        public @Nullable RenderedImage createRendering(RenderContext rc) { // null: nothing to draw, as Batik's
            RenderedImage mask = new PadRable8Bit(
                            getMaskNode().getGraphicsNodeRable(true), getBounds2D(), PadMode.ZERO_PAD)
                    .createRendering(rc);
            RenderedImage content = new PadRable8Bit(getSource(), getBounds2D(), PadMode.ZERO_PAD).createRendering(rc);
            if (mask == null || content == null) {
                return null;
            }
            return new MultiplyAlphaRed(
                    GraphicsUtil.convertTosRGB(GraphicsUtil.wrap(content)),
                    new Luminance(GraphicsUtil.convertTosRGB(GraphicsUtil.wrap(mask))));
        }
    }

    /** A mask in sRGB as the alpha it lets through: one byte a pixel. */
    private static final class Luminance extends AbstractRed {
        Luminance(CachableRed mask) {
            super(
                    mask,
                    mask.getBounds(),
                    ALPHA,
                    alphaModel(mask.getSampleModel()),
                    mask.getTileGridXOffset(),
                    mask.getTileGridYOffset(),
                    null);
        }

        private static SampleModel alphaModel(SampleModel like) {
            return new PixelInterleavedSampleModel(
                    DataBuffer.TYPE_BYTE, like.getWidth(), like.getHeight(), 1, like.getWidth(), new int[] {0});
        }

        @Override
        public WritableRaster copyData(WritableRaster alpha) {
            CachableRed mask = (CachableRed) getSources().get(0);
            ColorModel model = mask.getColorModel();
            WritableRaster colours = model.createCompatibleWritableRaster(alpha.getWidth(), alpha.getHeight())
                    .createWritableTranslatedChild(alpha.getMinX(), alpha.getMinY());
            mask.copyData(colours);
            GraphicsUtil.coerceData(colours, model, true); // premultiplied: the colour times its opacity
            int[] pixels = null;
            int bands = colours.getNumBands();
            for (int y = alpha.getMinY(); y < alpha.getMinY() + alpha.getHeight(); y++) {
                pixels = colours.getPixels(alpha.getMinX(), y, alpha.getWidth(), 1, pixels);
                for (int x = 0; x < alpha.getWidth(); x++) {
                    int i = x * bands;
                    double luminance = 0.2125 * pixels[i] + 0.7154 * pixels[i + 1] + 0.0721 * pixels[i + 2];
                    alpha.setSample(alpha.getMinX() + x, y, 0, (int) Math.round(luminance));
                }
            }
            return alpha;
        }
    }
}

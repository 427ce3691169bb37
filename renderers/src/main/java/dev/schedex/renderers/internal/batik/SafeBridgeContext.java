package dev.schedex.renderers.internal.batik;

import org.apache.batik.anim.dom.SVGOMDocument;
import org.apache.batik.bridge.Bridge;
import org.apache.batik.bridge.BridgeContext;
import org.apache.batik.bridge.BridgeException;
import org.apache.batik.bridge.DocumentLoader;
import org.apache.batik.bridge.SVGImageElementBridge;
import org.apache.batik.dom.util.XLinkSupport;
import org.apache.batik.gvt.GraphicsNode;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * Batik's context for building one drawing, and each SVG image inside it: an {@code <image>} that
 * cannot be drawn (its SVG has something Batik refuses, its raster cannot be decoded) is left out with
 * a warning, as a browser leaves out a broken image, instead of failing the whole render; a mask
 * lets through what it lets through in a browser ({@link SrgbMasks}), and a rounded rectangle's
 * dashes fall where a browser's do ({@link SvgOrderRects}). Every image is built in a
 * context of this kind, to any depth.
 */
final class SafeBridgeContext extends BridgeContext {

    private final SafeUserAgent agent;

    /**
     * @param agent  the render's user agent, told of every image left out
     * @param loader where Batik's documents come from ({@link ImageDocuments})
     */
    SafeBridgeContext(SafeUserAgent agent, DocumentLoader loader) {
        super(agent, loader);
        this.agent = agent;
    }

    @Override
    public void registerSVGBridges() {
        super.registerSVGBridges();
        putBridge(new ImageBridge(agent));
        putBridge(new SrgbMasks());
        putBridge(new SvgOrderRects());
    }

    /** An SVG image's context: of this kind, for the images inside it too. */
    @Override
    public BridgeContext createBridgeContext(SVGOMDocument image) {
        return new SafeBridgeContext(agent, getDocumentLoader());
    }

    /**
     * @param e what Batik refused
     * @return why, without the document address and line Batik starts with ("null:-1"), which mean
     *         nothing to the drawing's owner
     */
    static String reason(BridgeException e) {
        String message = String.valueOf(e.getMessage());
        return message.substring(message.indexOf('\n') + 1);
    }

    private static final class ImageBridge extends SVGImageElementBridge {
        private final SafeUserAgent agent;

        ImageBridge(SafeUserAgent agent) {
            this.agent = agent;
        }

        @Override
        public Bridge getInstance() {
            return new ImageBridge(agent);
        }

        @Override
        public @Nullable GraphicsNode createGraphicsNode(BridgeContext ctx, Element e) { // null: nothing drawn
            try {
                return super.createGraphicsNode(ctx, e);
            } catch (BridgeException refused) {
                agent.leftOut(e, XLinkSupport.getXLinkHref(e), reason(refused));
                return null;
            }
        }
    }
}

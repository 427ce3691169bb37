package dev.schedex.renderers.internal.batik;

import java.awt.geom.Dimension2D;
import java.io.InputStream;
import java.util.function.Consumer;
import org.apache.batik.anim.dom.SVGDOMImplementation;
import org.apache.batik.bridge.ExternalResourceSecurity;
import org.apache.batik.bridge.FontFace;
import org.apache.batik.bridge.FontFamilyResolver;
import org.apache.batik.bridge.NoLoadScriptSecurity;
import org.apache.batik.bridge.ScriptSecurity;
import org.apache.batik.bridge.UserAgentAdapter;
import org.apache.batik.gvt.font.GVTFontFamily;
import org.apache.batik.util.ParsedURL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.svg.SVGAElement;
import org.w3c.dom.svg.SVGDocument;

/**
 * Batik's view of the world during one render, locked down: no script of any type may load, no
 * resource may load but a {@code data:} URI inside the drawing (whatever the element, attribute, CSS
 * rule or base URI that names it), links are never followed, and a resource that cannot load becomes
 * an empty picture and a warning instead of failing the render (an image that loads but cannot be
 * drawn too: {@link SafeBridgeContext}). One instance per render.
 */
final class SafeUserAgent extends UserAgentAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(SafeUserAgent.class);

    private final Dimension2D viewport;
    private final Consumer<String> warnings;

    /**
     * @param viewport the size percentages in the drawing's outermost element refer to, in px
     * @param warnings told of what is left out of the drawing, for its owner
     */
    SafeUserAgent(Dimension2D viewport, Consumer<String> warnings) {
        this.viewport = viewport;
        this.warnings = warnings;
    }

    /** @param warning something left out of the drawing, and why, for its owner */
    void warn(String warning) {
        warnings.accept(warning);
    }

    @Override
    public Dimension2D getViewportSize() {
        return viewport;
    }

    @Override
    public FontFamilyResolver getFontFamilyResolver() {
        return fonts;
    }

    /**
     * {@link BatikSetup#resolver()}, telling the drawing's owner of an embedded font that cannot be
     * read: Batik then draws the text in a fallback font and says nothing.
     */
    private final FontFamilyResolver fonts = new FontFamilyResolver() {
        private final FontFamilyResolver shared = BatikSetup.resolver();

        @Override
        public GVTFontFamily resolve(String familyName) {
            return shared.resolve(familyName);
        }

        @Override
        public GVTFontFamily resolve(String familyName, FontFace fontFace) {
            return shared.resolve(familyName, fontFace);
        }

        @Override
        public GVTFontFamily loadFont(InputStream in, FontFace fontFace) throws Exception {
            try {
                return shared.loadFont(in, fontFace);
            } catch (Exception e) {
                warn("the font '" + fontFace.getFamilyName() + "' embedded in the drawing cannot be read ("
                        + e.getMessage() + "); its text is drawn in a fallback font");
                throw e;
            }
        }

        @Override
        public GVTFontFamily getDefault() {
            return shared.getDefault();
        }

        @Override
        public GVTFontFamily getFamilyThatCanDisplay(char c) {
            return shared.getFamilyThatCanDisplay(c);
        }
    };

    @Override
    public ScriptSecurity getScriptSecurity(String scriptType, ParsedURL scriptURL, ParsedURL docURL) {
        return new NoLoadScriptSecurity(scriptType);
    }

    @Override
    public void checkLoadScript(String scriptType, ParsedURL scriptURL, ParsedURL docURL) {
        new NoLoadScriptSecurity(scriptType).checkLoadScript();
    }

    @Override
    public ExternalResourceSecurity getExternalResourceSecurity(ParsedURL resourceURL, ParsedURL docURL) {
        return () -> {
            if (!"data".equalsIgnoreCase(resourceURL.getProtocol())) {
                throw new SecurityException("the drawing refers to " + describe(resourceURL)
                        + ", which is not loaded: an export reads nothing outside the drawing");
            }
        };
    }

    @Override
    public void checkLoadExternalResource(ParsedURL resourceURL, ParsedURL docURL) {
        getExternalResourceSecurity(resourceURL, docURL).checkLoadExternalResource();
    }

    /**
     * @param element what refers to the resource
     * @param url     the resource
     * @param why     why it is not drawn
     */
    void leftOut(Element element, String url, String why) {
        warn("<" + element.getLocalName() + "> " + describe(url) + " was left out: " + why);
    }

    @Override
    public SVGDocument getBrokenLinkDocument(Element element, String url, String message) {
        leftOut(element, url, message);
        SVGDocument empty = (SVGDocument) SVGDOMImplementation.getDOMImplementation()
                .createDocument(SVGDOMImplementation.SVG_NAMESPACE_URI, "svg", null);
        empty.getDocumentElement().setAttribute("width", "0");
        empty.getDocumentElement().setAttribute("height", "0");
        return empty;
    }

    /**
     * Batik's complaints about values it ignores (a CSS value it does not take, say): the render goes
     * on, and they are too technical for a run's owner, so they go to the log.
     */
    @Override
    public void displayError(Exception e) {
        LOG.debug("Batik: {}", e.getMessage());
    }

    @Override
    public void displayMessage(String message) {
        LOG.debug("Batik: {}", message);
    }

    @Override
    public void showAlert(String message) {
        // only a script could ask, and none runs
    }

    @Override
    public void openLink(SVGAElement link) {
        // an export follows no link
    }

    @Override
    public void loadDocument(String url) {
        // an export loads no other document
    }

    private static String describe(Object url) {
        String text = String.valueOf(url);
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}

package dev.schedex.renderers;

import org.apache.batik.anim.dom.SVGDOMImplementation;
import org.apache.batik.bridge.ExternalResourceSecurity;
import org.apache.batik.bridge.NoLoadScriptSecurity;
import org.apache.batik.bridge.ScriptSecurity;
import org.apache.batik.bridge.UserAgentAdapter;
import org.apache.batik.util.ParsedURL;
import org.w3c.dom.Element;
import org.w3c.dom.svg.SVGAElement;
import org.w3c.dom.svg.SVGDocument;

import java.awt.geom.Dimension2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Batik's view of the world during one render, locked down: no script of any type may load, no
 * resource may load but a {@code data:} URI inside the drawing (whatever the element, attribute, CSS
 * rule or base URI that names it), links are never followed, and a resource that cannot load becomes
 * an empty picture and a warning instead of failing the render. One instance per render: it collects
 * that render's warnings.
 */
final class SafeUserAgent extends UserAgentAdapter {

    private final Dimension2D viewport;
    private final List<String> warnings = new ArrayList<>();

    /** @param viewport the size percentages in the drawing's outermost element refer to, in px */
    SafeUserAgent(Dimension2D viewport) {
        this.viewport = viewport;
    }

    /** @param warning something left out of the drawing, and why */
    void warn(String warning) {
        warnings.add(warning);
    }

    /** @return what went wrong without stopping the render, in order */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public Dimension2D getViewportSize() {
        return viewport;
    }

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

    @Override
    public SVGDocument getBrokenLinkDocument(Element element, String url, String message) {
        warnings.add("<" + element.getLocalName() + "> " + describe(url) + " was left out: " + message);
        SVGDocument empty = (SVGDocument) SVGDOMImplementation.getDOMImplementation()
                .createDocument(SVGDOMImplementation.SVG_NAMESPACE_URI, "svg", null);
        empty.getDocumentElement().setAttribute("width", "0");
        empty.getDocumentElement().setAttribute("height", "0");
        return empty;
    }

    @Override
    public void displayError(Exception e) {
        warnings.add(String.valueOf(e.getMessage()));
    }

    @Override
    public void displayMessage(String message) {
        warnings.add(message);
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

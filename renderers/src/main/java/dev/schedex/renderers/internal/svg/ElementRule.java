package dev.schedex.renderers.internal.svg;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** A rule about one kind of element: it rewrites the elements of that name and leaves the others alone. */
abstract class ElementRule implements DrawingRule {

    /** The drawing, to make the elements a rewrite puts in. */
    final Document document;

    private final String localName;

    ElementRule(String localName, Document document) {
        this.localName = localName;
        this.document = document;
    }

    @Override
    public final void apply(Element element) {
        if (localName.equals(element.getLocalName())) {
            rewrite(element);
        }
    }

    /** @param element an element of this rule's name, still in the drawing */
    abstract void rewrite(Element element);
}

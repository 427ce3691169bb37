package dev.schedex.renderers.internal.batik;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.css.parser.FSColor;
import com.openhtmltopdf.css.parser.FSRGBColor;
import com.openhtmltopdf.css.value.FontSpecification;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.ReplacedElement;
import com.openhtmltopdf.java2d.Java2DFont;
import com.openhtmltopdf.java2d.Java2DOutputDevice;
import com.openhtmltopdf.java2d.api.Java2DRendererBuilder;
import com.openhtmltopdf.layout.LayoutContext;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.render.BlockBox;
import com.openhtmltopdf.render.RenderingContext;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.io.File;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import net.sourceforge.jeuclid.context.LayoutContextImpl;
import net.sourceforge.jeuclid.context.Parameter;
import net.sourceforge.jeuclid.elements.generic.DocumentElement;
import net.sourceforge.jeuclid.elements.presentation.script.Mmultiscripts;
import net.sourceforge.jeuclid.elements.presentation.token.Mi;
import net.sourceforge.jeuclid.elements.presentation.token.Mo;
import net.sourceforge.jeuclid.font.FontFactory;
import net.sourceforge.jeuclid.layout.JEuclidView;
import org.apache.batik.bridge.InterruptedBridgeException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The MathML in labels (KaTeX's, in Mermaid's exports), laid out by JEuclid as a replaced element of
 * the label's layout, at the size and colour CSS gives the {@code <math>} element and in its fonts,
 * resolved as the label's text is ({@link LabelFonts}: embedded or the system's, through Java2D), and
 * painted as the label's text is, as vectors in a PDF.
 *
 * <p>JEuclid is given a copy of the formula made here, not the label's elements: only MathML elements,
 * their attributes in no namespace (JEuclid reads its own parameters, its fonts among them, from
 * attributes in its namespace) and their text. So JEuclid parses nothing (no entity, no DTD) and
 * runs none of its XSLT, and it loads nothing: its fonts come from a font factory of ours, set on the
 * thread while it works, never from its default one, which reads fonts from the class path. JEuclid
 * lays out by recursion, and some of its work grows with the cube of a row's length: a formula
 * nested deeper than {@link #MAX_DEPTH}, of more than {@link #MAX_ELEMENTS} elements or with more
 * than {@link #MAX_CHILDREN} in one is left out, with a warning (the sanitiser has let through 200
 * levels and 100,000 elements). JEuclid's layout asks its context for a parameter at every step, and
 * its fonts at every token: there the render's halt is checked. One per drawing, on the render's
 * thread.
 */
final class LabelMath {

    static final String MATHML = "http://www.w3.org/1998/Math/MathML";
    /** The deepest nesting in one formula (in Mermaid's KaTeX drawing, 12 at most). */
    static final int MAX_DEPTH = 100;
    /** The most elements in one formula (in Mermaid's KaTeX drawing, 45 at most): about a second's layout. */
    static final int MAX_ELEMENTS = 2_000;
    /**
     * The most elements one element of a formula may hold (in Mermaid's KaTeX drawing, 15 at most). For
     * each operator, JEuclid finds its place in its row by counting from the row's start, and counts
     * each child by walking from the first: a row of 2,000 took 8 s to lay out, one of 400 under half a
     * second.
     */
    static final int MAX_CHILDREN = 400;
    /** The largest side of a formula, in px: a bigger one (an {@code mspace} a million em wide) is left out. */
    private static final double MAX_SIDE = 20_000;

    private static final Pattern CONTROLS = Pattern.compile("\\p{Cntrl}");

    private final Labels labels;
    /** Each formula laid out, by its element; empty for one left out. */
    private final Map<Element, Optional<Formula>> formulas = new IdentityHashMap<>();

    /** @param labels what the drawing's labels share: fonts, the graphics text is measured with, the halt check */
    LabelMath(Labels labels) {
        this.labels = labels;
    }

    /** @return true for a MathML {@code <math>} element */
    static boolean isMath(Element element) {
        return "math".equals(element.getLocalName()) && MATHML.equals(element.getNamespaceURI());
    }

    /**
     * @param context the label's layout
     * @param box     the {@code <math>} element's box
     * @return the formula, laid out; none, with a warning, if it is too large or JEuclid cannot lay it out
     *         (the element is then an empty box). The engine asks for an element's replacement more than once
     *         as it lays out its line: the formula is laid out once.
     */
    @Nullable
    ReplacedElement create(LayoutContext context, BlockBox box) {
        Element math = box.getElement();
        if (math == null) {
            return null;
        }
        return formulas.computeIfAbsent(math, m -> Optional.ofNullable(layOut(context, box, m)))
                .map(Formula::element)
                .orElse(null);
    }

    private @Nullable Formula layOut(LayoutContext context, BlockBox box, Element math) {
        if (!isWithinBounds(math)) {
            return null;
        }
        FontSpecification font = box.getStyle().getFont(context);
        float size = font.size / LabelLayout.DOTS;
        MathFonts fonts = new MathFonts(context.getSharedContext(), font, labels);
        LayoutContextImpl parameters = new LayoutContextImpl(LayoutContextImpl.getDefaultLayoutContext());
        // JEuclid's points are our pixels (it reads 1px as 1pt): one unit of the label's graphics
        parameters.setParameter(Parameter.MATHSIZE, size);
        // JEuclid's least script size, 8 at 16 px, in proportion. A browser has none (MathML Core has no
        // scriptminsize), but its deepest scripts are a blur: 1 px scored lower on Mermaid's KaTeX drawing
        parameters.setParameter(Parameter.SCRIPTMINSIZE, size / 2);
        parameters.setParameter(Parameter.ANTIALIAS_MINSIZE, 0f);
        parameters.setParameter(Parameter.MATHCOLOR, colour(box.getStyle().getColor()));
        for (Parameter family : List.of(
                Parameter.FONTS_SERIF, Parameter.FONTS_SCRIPT, Parameter.FONTS_FRAKTUR, Parameter.FONTS_DOUBLESTRUCK)) {
            parameters.setParameter(family, List.of(MathFonts.OWN));
        }
        parameters.setParameter(Parameter.FONTS_SANSSERIF, List.of("sans-serif"));
        parameters.setParameter(Parameter.FONTS_MONOSPACED, List.of("monospace"));
        Runnable halt = labels.halt();
        net.sourceforge.jeuclid.LayoutContext halting = parameter -> {
            halt.run();
            return parameters.getParameter(parameter);
        };
        Formula formula;
        try {
            formula = fonts.with(() -> {
                JEuclidView view = new JEuclidView(copy(math, halt), halting, labels.measuring());
                return new Formula(view, fonts, view.getWidth(), view.getAscentHeight(), view.getDescentHeight());
            });
        } catch (InterruptedBridgeException e) {
            throw e;
        } catch (RuntimeException e) {
            labels.warn("a formula in a label was left out: it cannot be laid out (" + e + ")");
            return null;
        }
        if (!(formula.width() >= 0
                && formula.width() <= MAX_SIDE
                && formula.ascent() + formula.descent() >= 0
                && formula.ascent() + formula.descent() <= MAX_SIDE)) {
            labels.warn("a formula in a label was left out: it is larger than " + (int) MAX_SIDE + " px");
            return null;
        }
        return formula;
    }

    /**
     * @return true if the formula is at most {@link #MAX_DEPTH} deep and {@link #MAX_ELEMENTS} large, no
     *         element of it holding more than {@link #MAX_CHILDREN}, walked without recursion; else false,
     *         with a warning
     */
    boolean isWithinBounds(Element math) {
        Deque<Node> open = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        open.push(math);
        depths.push(0);
        int elements = 0;
        while (!open.isEmpty()) {
            Node node = open.pop();
            int depth = depths.pop();
            int children = 0;
            for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element) {
                    open.push(child);
                    depths.push(depth + 1);
                    children++;
                }
            }
            if (depth > MAX_DEPTH || ++elements > MAX_ELEMENTS || children > MAX_CHILDREN) {
                labels.warn("a formula in a label was left out: it nests deeper than " + MAX_DEPTH + ", has more than "
                        + MAX_ELEMENTS + " elements or more than " + MAX_CHILDREN + " in one");
                return false;
            }
        }
        return true;
    }

    /**
     * @return the formula as JEuclid's own document: its MathML elements, their attributes in no
     *         namespace and their text, copied without recursion; an element of another namespace is
     *         left out with what it holds
     */
    private static DocumentElement copy(Element math, Runnable halt) {
        DocumentElement document = new DocumentElement();
        // JEuclid's elements read their neighbours when told of a change in the document: each operator is told of
        // every element added beside it, and reads them all, so that a row built so took the cube of its length
        // (400 elements, 12 s). Built without events, each is told once, when the formula is whole.
        document.setEventsEnabled(false);
        List<Element> copies = new ArrayList<>();
        Deque<Node[]> open = new ArrayDeque<>(); // {original, its copy's parent}
        open.push(new Node[] {math, document});
        while (!open.isEmpty()) {
            Node[] next = open.pop();
            Element original = (Element) next[0];
            halt.run();
            Element copy = document.createElementNS(MATHML, original.getLocalName());
            NamedNodeMap attributes = original.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                if (attribute.getNamespaceURI() == null) {
                    // JEuclid logs a value it cannot read (at WARN, through commons-logging): no line breaks of the
                    // drawing's in the host's log. A space is what XML makes of a line break in an attribute.
                    copy.setAttribute(
                            attribute.getName(),
                            CONTROLS.matcher(attribute.getValue()).replaceAll(" "));
                }
            }
            next[1].appendChild(copy);
            copies.add(copy);
            List<Node[]> children = new ArrayList<>();
            for (Node child = original.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element && MATHML.equals(element.getNamespaceURI())) {
                    children.add(new Node[] {element, copy});
                } else if (child.getNodeType() == Node.TEXT_NODE) {
                    copy.appendChild(document.createTextNode(child.getNodeValue()));
                }
            }
            // a token's text first, then the elements in order (MathML does not mix them but in mtext's HTML)
            for (int i = children.size() - 1; i >= 0; i--) {
                open.push(children.get(i));
            }
        }
        for (Element copy : copies) {
            halt.run();
            // what the events tell: an operator's form and its dictionary's spacing and stretching, an identifier's
            // italic if it is one letter, the scripts of an mmultiscripts (the only elements that listen)
            if (copy instanceof Mo mo) {
                mo.changeHook();
            } else if (copy instanceof Mi mi) {
                mi.changeHook();
            } else if (copy instanceof Mmultiscripts scripts) {
                scripts.changeHook();
            }
        }
        return document;
    }

    private static Color colour(FSColor colour) {
        return colour instanceof FSRGBColor rgb ? new Color(rgb.getRed(), rgb.getGreen(), rgb.getBlue()) : Color.BLACK;
    }

    /** A formula laid out, its size in px: width, and height above and below its baseline. */
    private record Formula(JEuclidView view, MathFonts fonts, double width, double ascent, double descent) {

        /** @return the formula as a replaced element, its baseline JEuclid's */
        ReplacedElement element() {
            int width = (int) Math.ceil(this.width * LabelLayout.DOTS);
            int height = (int) Math.ceil((ascent + descent) * LabelLayout.DOTS);
            int baseline = (int) Math.round(ascent * LabelLayout.DOTS);
            return new Java2DRendererBuilder.Graphics2DPaintingReplacedElement(width, height) {
                @Override
                public void paint(
                        OutputDevice device, RenderingContext rendering, double x, double y, double w, double h) {
                    // no Graphics2D.create(): what OpenPDF's PdfGraphics2D is given through a graphics made so is lost
                    Graphics2D g = ((Java2DOutputDevice) device).getGraphics();
                    AffineTransform transform = g.getTransform();
                    // JEuclid sets its hints, colours and strokes, and leaves them
                    RenderingHints hints = g.getRenderingHints();
                    Paint paint = g.getPaint();
                    Stroke stroke = g.getStroke();
                    try {
                        g.translate(x, y);
                        g.scale(LabelLayout.DOTS, LabelLayout.DOTS);
                        fonts.with(() -> {
                            view.draw(g, 0, (float) ascent);
                            return null;
                        });
                    } finally {
                        g.setTransform(transform);
                        g.setRenderingHints(hints);
                        g.setPaint(paint);
                        g.setStroke(stroke);
                    }
                }

                @Override
                public boolean hasBaseline() {
                    return true;
                }

                @Override
                public int getBaseline() {
                    return baseline;
                }
            };
        }
    }

    /**
     * JEuclid's fonts for one formula: {@link #OWN}, the families CSS gives the {@code <math>} element,
     * and the generic families, each at JEuclid's style and size, resolved by the label's fonts. Of the
     * fonts a family resolves to, a character is drawn in the first that has it, as the label's text.
     */
    static final class MathFonts extends FontFactory {

        /** The name, in JEuclid's parameters, of the families CSS gives the formula. */
        static final String OWN = "schedex-math";

        private final SharedContext context;
        private final FontSpecification css;
        private final Labels labels;
        private final Map<String, List<Font>> resolved = new HashMap<>();

        MathFonts(SharedContext context, FontSpecification css, Labels labels) {
            this.context = context;
            this.css = css;
            this.labels = labels;
        }

        /** @return what {@code work} returns, run with these fonts as JEuclid's on this thread */
        <T> T with(java.util.function.Supplier<T> work) {
            FontFactory before = FontFactory.getThreadFontFactory();
            FontFactory.setThreadFontFactory(this);
            try {
                return work.get();
            } finally {
                if (before == null) {
                    FontFactory.clearThreadFontFactory();
                } else {
                    FontFactory.setThreadFontFactory(before);
                }
            }
        }

        @Override
        public Font getFont(String name, int style, float size) {
            return font(List.of(name), -1, style, size);
        }

        @Override
        public Font getFont(List<String> names, int codePoint, int style, float size) {
            return font(names, codePoint, style, size);
        }

        private Font font(List<String> names, int codePoint, int style, float size) {
            labels.halt().run();
            List<Font> fonts = new ArrayList<>();
            for (String name : names) {
                fonts.addAll(resolved.computeIfAbsent(style + " " + name, key -> resolve(name, style)));
            }
            Font chosen = null;
            for (Font font : fonts) {
                if (codePoint < 0 || font.canDisplay(codePoint)) {
                    chosen = font;
                    break;
                }
            }
            if (chosen == null) {
                chosen = fonts.isEmpty() ? resolve(OWN, style).get(0) : fonts.get(0);
            }
            return chosen.deriveFont(size > 0 ? Math.min(size, (float) MAX_SIDE) : 0f); // NaN too
        }

        private List<Font> resolve(String name, int style) {
            String[] families = name.equals(OWN) ? css.families : new String[] {name};
            IdentValue weight = (style & Font.BOLD) != 0 ? IdentValue.BOLD : IdentValue.NORMAL;
            IdentValue slant = (style & Font.ITALIC) != 0 ? IdentValue.ITALIC : IdentValue.NORMAL;
            Java2DFont font = (Java2DFont) labels.fonts(context)
                    .resolveFont(context, families, LabelLayout.DOTS, weight, slant, IdentValue.NORMAL);
            return font.getAWTFonts();
        }

        @Override
        public Font registerFont(int format, File file) {
            throw new UnsupportedOperationException("a label's formula reads no font file");
        }

        @Override
        public Font registerFont(int format, InputStream stream) {
            throw new UnsupportedOperationException("a label's formula reads no font");
        }

        @Override
        public Set<String> listFontNames() {
            return Set.of(OWN);
        }
    }
}

package dev.schedex.renderers.internal.batik;

import com.openhtmltopdf.extend.FSTextBreaker;
import java.text.BreakIterator;
import java.util.Locale;

/**
 * Where a label's text may break, for the CSS engine's line layout and for its measures alike: the
 * JDK's line breaks (Unicode's rules, as browsers break lines; the engine's own also breaks what looks
 * like a URL after its colons and slashes), each moved before the spaces that end the piece. The
 * engine counts a piece's width against the room left on a line; with the spaces in it, "The quick
 * brown " did not fit where "The quick brown" does, which a browser lets the spaces hang past. One per
 * use, on one thread.
 */
final class LineBreaks implements FSTextBreaker {

    private final BreakIterator breaks = BreakIterator.getLineInstance(Locale.ROOT);
    private final Runnable step;
    private String text = "";

    /** @param step run at every break asked for: the render's halt check */
    LineBreaks(Runnable step) {
        this.step = step;
    }

    @Override
    public int next() {
        step.run();
        int at = breaks.next();
        int before = at;
        while (before > 1 && text.charAt(before - 1) == ' ') {
            before--;
        }
        return before > 0 && at < text.length() ? before : at;
    }

    @Override
    public void setText(String text) {
        this.text = text;
        breaks.setText(text);
    }
}

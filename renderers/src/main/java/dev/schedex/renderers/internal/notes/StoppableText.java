package dev.schedex.renderers.internal.notes;

import dev.schedex.renderers.internal.batik.HaltCheck;
import dev.schedex.renderers.internal.batik.TimedRender;

/**
 * Text that stops whoever reads it once the render thread has been halted ({@link TimedRender}):
 * flexmark has inputs on which it runs for minutes (thousands of unclosed link openers, of
 * reference definitions), and it has no interruption point of its own, but it reads its input one
 * character at a time. Every few thousand characters read, this checks the thread ({@link HaltCheck}).
 */
final class StoppableText implements CharSequence {

    private final String text;
    private final HaltCheck halt = new HaltCheck(4096);

    StoppableText(String text) {
        this.text = text;
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        halt.step();
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new StoppableText(text.substring(start, end));
    }

    @Override
    public String toString() {
        return text;
    }
}

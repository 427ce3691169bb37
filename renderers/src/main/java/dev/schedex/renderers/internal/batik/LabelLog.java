package dev.schedex.renderers.internal.batik;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CSS engine's log, at debug level through SLF4J as the rest of schedex logs. By default the
 * engine writes to {@code java.util.logging} at INFO and WARNING, several lines for each label (a
 * property it does not know, the time it took): noise about the drawing's CSS, not news for the
 * host. The engine has one logger for the whole process; it is replaced only if the host has not
 * replaced it already.
 */
final class LabelLog implements XRLogger {

    private static final Logger LOG = LoggerFactory.getLogger("dev.schedex.renderers.labels");

    private LabelLog() {}

    /** Puts this log in the engine's place, unless the host has put a logger of its own there. */
    static synchronized void install() {
        @Nullable XRLogger current = XRLog.getLoggerImpl(); // null until the engine first logs
        if (current == null || current.getClass().getName().startsWith("com.openhtmltopdf.")) {
            XRLog.setLoggerImpl(new LabelLog());
        }
    }

    @Override
    public void log(String where, Level level, String message) {
        LOG.debug("{}: {}", where, message);
    }

    @Override
    public void log(String where, Level level, String message, Throwable th) {
        LOG.debug("{}: {}", where, message, th);
    }

    @Override
    public void setLevel(String logger, Level level) {
        // the level is SLF4J's
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return LOG.isDebugEnabled();
    }
}

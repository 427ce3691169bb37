package dev.schedex.renderers.internal.batik;

import dev.schedex.renderers.internal.fonts.WebFonts;
import java.awt.Font;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.batik.bridge.DefaultFontFamilyResolver;
import org.apache.batik.bridge.FontFace;
import org.apache.batik.bridge.FontFamilyResolver;
import org.apache.batik.gvt.font.AWTFontFamily;
import org.apache.batik.gvt.font.AWTGVTFont;
import org.apache.batik.gvt.font.GVTFontFamily;
import org.jspecify.annotations.Nullable;

/**
 * Batik's process-wide set-up, done once before the first render: its font caches made safe for
 * renders on several threads at once, and one warning on standard error turned off.
 *
 * <p>The warning: when OpenPDF paints a pattern for a PDF, it hands Batik an image of its own to draw
 * into, and Batik prints "Graphics2D from BufferedImage lacks BUFFERED_IMAGE hint" on standard error,
 * hundreds of times for one drawing, though the result is right. Batik reads the system property
 * {@code org.apache.batik.warn_destination} once; schedex sets it to {@code false} unless the host set
 * it already.
 *
 * <p>The caches: Batik 1.19 keeps two caches in static, unsynchronised {@link HashMap}s and mutates them while
 * it lays out text: {@code DefaultFontFamilyResolver.resolvedFontFamilies} (family name to font
 * family) and {@code AWTGVTFont.fontCache} (font to glyph geometry, itself an unsynchronised table).
 * Two renders at once can corrupt them, and then draw text with the wrong glyphs or none. Batik
 * offers no option for this, so, once per process and before any render:
 * <ul>
 *   <li>every family the system has is resolved once, up front, into a map that never changes, and
 *       renders look families up there ({@link #resolver()}, given to Batik by {@link SafeUserAgent})
 *       instead of through Batik's cache, which also caches unknown names;</li>
 *   <li>the glyph cache is replaced by one that each thread sees on its own: the cost is that each
 *       render thread measures each glyph once for itself.</li>
 * </ul>
 * Both touch Batik internals by name; a Batik upgrade that renames them fails here, at class
 * initialisation, with a message that says so, not later with corrupted output. The concurrency test
 * in {@code PngFormatTest} renders text-heavy drawings on many threads and compares the bytes.
 */
final class BatikSetup {

    /**
     * The fonts browsers draw these names with, where the system has them. Browsers show the generic
     * sans-serif and serif, and Helvetica, Arial and Times where those are missing, with fonts
     * metric-compatible with Arial and Times New Roman (on Linux, through fontconfig: Liberation Sans
     * and Serif), and monospace with DejaVu Sans Mono; Java's own fonts for these names are its
     * logical fonts, DejaVu Sans and Serif, wider, so text overflowed the boxes its tool measured.
     */
    static final Map<String, String> BROWSER_FAMILIES = Map.of(
            "sans-serif",
            "Liberation Sans",
            "arial",
            "Liberation Sans",
            "helvetica",
            "Liberation Sans",
            "serif",
            "Liberation Serif",
            "times",
            "Liberation Serif",
            "times new roman",
            "Liberation Serif",
            "monospace",
            "DejaVu Sans Mono",
            "courier",
            "Liberation Mono",
            "courier new",
            "Liberation Mono");

    /** Every family the system has, by lower-case name, resolved once: read by {@link #resolver()}. */
    private static final Map<String, GVTFontFamily> FAMILIES;

    private BatikSetup() {}

    static {
        if (System.getProperty("org.apache.batik.warn_destination") == null) {
            System.setProperty("org.apache.batik.warn_destination", "false");
        }
        try {
            Field fonts = DefaultFontFamilyResolver.class.getDeclaredField("fonts");
            fonts.setAccessible(true);
            Map<String, GVTFontFamily> known = new HashMap<>();
            for (Object name : ((Map<?, ?>) fonts.get(null)).keySet()) {
                GVTFontFamily family = DefaultFontFamilyResolver.SINGLETON.resolve((String) name);
                if (family != null) {
                    known.put((String) name, family);
                }
            }
            BROWSER_FAMILIES.forEach((name, family) -> {
                if (known.containsKey(family.toLowerCase(Locale.ROOT))) {
                    known.put(name, known.get(family.toLowerCase(Locale.ROOT)));
                }
            });
            FAMILIES = Map.copyOf(known);
            Field glyphs = AWTGVTFont.class.getDeclaredField("fontCache");
            glyphs.setAccessible(true);
            glyphs.set(null, new PerThreadMap<>());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(
                    "this Batik version keeps its font caches differently from Batik "
                            + "1.19; schedex cannot make them safe for renders on several threads",
                    e);
        }
    }

    /** Runs the static initialiser (once per process); cheap after the first call. */
    static void prepare() {
        // the work is done when the class initialises
    }

    /**
     * @return the font family resolver every render uses: Batik's own, except that a family is
     *         looked up by name in a map made once and never changed. Batik's resolver caches every
     *         name it is asked for, unknown names included (as null), in its unsynchronised static
     *         map: concurrent renders would corrupt it, and drawings naming ever new fonts would grow
     *         it without end.
     */
    static FontFamilyResolver resolver() {
        return RESOLVER;
    }

    private static final FontFamilyResolver RESOLVER = new FontFamilyResolver() {
        @Override
        public @Nullable GVTFontFamily resolve(String familyName) { // null for no such family, as Batik asks
            return FAMILIES.get(familyName.toLowerCase(Locale.ROOT));
        }

        @Override
        public GVTFontFamily resolve(String familyName, FontFace fontFace) {
            String browser = BROWSER_FAMILIES.get(familyName.toLowerCase(Locale.ROOT));
            if (browser != null && FAMILIES.containsKey(browser.toLowerCase(Locale.ROOT))) {
                return new AWTFontFamily(FontFace.createFontFace(browser, fontFace));
            }
            return DefaultFontFamilyResolver.SINGLETON.resolve(familyName, fontFace); // caches nothing
        }

        @Override
        public GVTFontFamily loadFont(InputStream in, FontFace fontFace) throws Exception {
            // caches nothing; WOFF and WOFF2 become the TrueType/OpenType bytes the JDK reads
            Font font = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(WebFonts.readSfnt(in)));
            return new EmbeddedFontFamily(fontFace, font);
        }

        @Override
        public GVTFontFamily getDefault() {
            return DefaultFontFamilyResolver.SINGLETON.getDefault();
        }

        @Override
        public GVTFontFamily getFamilyThatCanDisplay(char c) {
            return DefaultFontFamilyResolver.SINGLETON.getFamilyThatCanDisplay(c); // reads lists made at start
        }
    };

    /** A map each thread sees on its own: a cache nobody else can disturb. */
    private static final class PerThreadMap<K, V> extends AbstractMap<K, V> {
        private final ThreadLocal<Map<K, V>> maps = ThreadLocal.withInitial(HashMap::new);

        @Override
        public @Nullable V get(Object key) {
            return maps.get().get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return maps.get().containsKey(key);
        }

        @Override
        public V put(K key, V value) {
            return maps.get().put(key, value);
        }

        @Override
        public Set<Entry<K, V>> entrySet() {
            return maps.get().entrySet();
        }
    }
}

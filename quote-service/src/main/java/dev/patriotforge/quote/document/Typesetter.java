package dev.patriotforge.quote.document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text of one document in its one font: characters the font lacks become U+FFFD (a visible mark,
 * never a silent {@code ?}), control characters spaces; widths and line breaks are measured per
 * code point (cached for the document), so wrapping costs time linear in the text.
 */
final class Typesetter {
    private static final int REPLACEMENT = 0xFFFD;

    private final PDFont font;
    private final Map<Integer, Float> widths = new HashMap<>();

    Typesetter(PDFont font) {
        this.font = font;
    }

    PDFont font() {
        return font;
    }

    /** The text as the font can show it, on one line (line breaks become spaces). */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(glyphable(cp)));
        return out.toString();
    }

    /** The width of {@code text} (already printable) at {@code size} points. */
    float width(String text, float size) {
        float units = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            units += unitWidth(cp);
            i += Character.charCount(cp);
        }
        return units * size / 1000f;
    }

    /**
     * The text broken into lines no wider than {@code width} at {@code size}: at line breaks of the
     * text, else after the last space that fits, else inside a word too long for a line.
     */
    List<String> wrap(String text, float width, float size) {
        List<String> lines = new ArrayList<>();
        float limit = width * 1000f / size;
        for (String paragraph : text.split("\r\n|\r|\n", -1)) {
            wrapParagraph(printable(paragraph), limit, lines);
        }
        return lines;
    }

    private void wrapParagraph(String text, float limit, List<String> lines) {
        int start = 0;
        int lastSpace = -1;
        float used = 0;
        float sinceSpace = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            float w = unitWidth(cp);
            if (used + w > limit && i > start) {
                if (lastSpace > start) {
                    lines.add(text.substring(start, lastSpace).stripTrailing());
                    start = lastSpace + 1;
                    used = sinceSpace;
                } else {
                    lines.add(text.substring(start, i));
                    start = i;
                    used = 0;
                }
                lastSpace = -1;
                sinceSpace = 0;
            }
            used += w;
            sinceSpace += w;
            if (cp == ' ') {
                lastSpace = i;
                sinceSpace = 0;
            }
            i = next;
        }
        lines.add(text.substring(start));
    }

    private float unitWidth(int cp) {
        return widths.computeIfAbsent(cp, this::measure);
    }

    private float measure(int cp) {
        try {
            return font.getStringWidth(new String(Character.toChars(cp)));
        } catch (IOException | IllegalArgumentException e) {
            return 0;
        }
    }

    private int glyphable(int cp) {
        int kind = Character.getType(cp);
        if (Character.isISOControl(cp)
                || kind == Character.LINE_SEPARATOR
                || kind == Character.PARAGRAPH_SEPARATOR) {
            return ' ';
        }
        return unitWidth(cp) > 0 || hasGlyph(cp) ? cp : REPLACEMENT;
    }

    private boolean hasGlyph(int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}

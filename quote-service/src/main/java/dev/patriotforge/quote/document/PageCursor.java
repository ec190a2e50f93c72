package dev.patriotforge.quote.document;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A cursor down A4 pages: text goes at the current height, and a new page starts when the next
 * block would not fit above the bottom margin.
 */
final class PageCursor implements AutoCloseable {
    static final float MARGIN = 40;
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float TOP = PDRectangle.A4.getHeight() - MARGIN;
    private static final float BOTTOM = MARGIN + 20;

    private final PDDocument document;
    private final Typesetter type;
    private PDPageContentStream stream;
    private float y;

    PageCursor(PDDocument document, Typesetter type) throws IOException {
        this.document = document;
        this.type = type;
        newPage();
    }

    /** Starts a new page unless {@code height} points still fit on this one. */
    void ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    /** Moves the cursor down. */
    void down(float height) {
        y -= height;
    }

    /** Writes lines at {@code x}, from the cursor down, left-aligned; does not move the cursor. */
    void left(float x, List<String> lines, float size, float leading) throws IOException {
        float at = y;
        for (String line : lines) {
            show(x, at, line, size);
            at -= leading;
        }
    }

    /** Writes lines right-aligned at {@code right}; does not move the cursor. */
    void right(float right, List<String> lines, float size, float leading) throws IOException {
        float at = y;
        for (String line : lines) {
            show(right - type.width(line, size), at, line, size);
            at -= leading;
        }
    }

    /** A thin horizontal rule across the page at the cursor. */
    void rule() throws IOException {
        stream.setLineWidth(0.5f);
        stream.moveTo(MARGIN, y);
        stream.lineTo(MARGIN + WIDTH, y);
        stream.stroke();
    }

    private void show(float x, float at, String line, float size) throws IOException {
        if (line.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.setFont(type.font(), size);
        stream.newLineAtOffset(x, at);
        stream.showText(line);
        stream.endText();
    }

    private void newPage() throws IOException {
        close();
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = TOP;
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}

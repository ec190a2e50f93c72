package dev.patriotforge.quote.document;

import dev.patriotforge.quote.document.QuoteDocument.Line;
import dev.patriotforge.quote.document.QuoteDocument.TaxLine;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays out the PDF of one quote revision with Apache PDFBox, in DejaVu Sans (embedded as a subset).
 * Deterministic: no clock, no random: the document id and dates come from the revision, the
 * producer is fixed, so one revision always gives the same bytes.
 */
@ApplicationScoped
public class QuotePdf {
    static final String FONT = "fonts/DejaVuSans.ttf";
    private static final float SIZE = 8.5f;
    private static final float LEADING = 11;
    private static final float LABEL = 90;

    /** Columns of the item table: left edges and widths (together the page's text width). */
    private static final float[] WIDTHS = {22, 175, 52, 36, 66, 42, 40, 82};

    private final byte[] font;

    public QuotePdf() {
        try (InputStream in =
                Thread.currentThread().getContextClassLoader().getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + FONT);
            }
            font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document's bytes. */
    public byte[] render(QuoteDocument d) {
        try (PDDocument pdf = new PDDocument();
                TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            // No glyph substitution (ligatures): a glyph per character, as measured, and a tenth
            // of the time (PDFBox compiles regular expressions for it on every showText).
            ttf.setEnableGsub(false);
            Typesetter type = new Typesetter(PDType0Font.load(pdf, ttf, true));
            String heading = d.number() + " rev " + d.revision();
            try (PageCursor pages = new PageCursor(pdf, type)) {
                header(pages, type, d, heading);
                items(pages, type, d);
                totals(pages, type, d);
            }
            PdfMetadata.footers(pdf, type, heading);
            PdfMetadata.identify(pdf, d, heading);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(PageCursor pages, Typesetter type, QuoteDocument d, String heading)
            throws IOException {
        block(pages, type, 0, type.wrap(d.seller(), PageCursor.WIDTH, 16), 16, 20);
        block(pages, type, 0, List.of("Quote " + heading), 12, 16);
        pages.down(6);
        String customer =
                d.customerEmail() != null ? d.customerEmail() : "customer " + d.customerId();
        field(pages, type, "Customer", customer);
        field(pages, type, "Title", d.title());
        field(pages, type, "Currency", d.currency());
        field(pages, type, "Priced at", Formats.instant(d.pricedAt()));
        field(pages, type, "Valid until", Formats.instant(d.validUntil()));
        if (d.notes() != null && !d.notes().isBlank()) {
            pages.down(4);
            block(pages, type, 0, List.of("Notes"), SIZE, LEADING);
            for (String line : type.wrap(d.notes(), PageCursor.WIDTH, SIZE)) {
                block(pages, type, 0, List.of(line), SIZE, LEADING);
            }
        }
        pages.down(10);
    }

    private static void items(PageCursor pages, Typesetter type, QuoteDocument d)
            throws IOException {
        String[] head = {
            "#", "Description", "Quantity", "Unit", "Unit price", "Disc.", "Tax", "Line total"
        };
        row(pages, type, head, true);
        for (Line line : d.lines()) {
            row(
                    pages,
                    type,
                    new String[] {
                        Integer.toString(line.position()),
                        line.description(),
                        Formats.quantity(line.quantity()),
                        line.unit(),
                        Formats.money(line.unitPriceMinor(), d.currency()),
                        Formats.percent(line.discountBps()),
                        Formats.percent(line.taxRateBps()),
                        Formats.money(line.lineTotalMinor(), d.currency())
                    },
                    false);
        }
        pages.down(4);
    }

    private static void totals(PageCursor pages, Typesetter type, QuoteDocument d)
            throws IOException {
        String c = d.currency();
        total(pages, type, "Subtotal", Formats.money(d.subtotalMinor(), c));
        total(pages, type, "Discounts", Formats.money(d.discountMinor(), c));
        for (TaxLine tax : d.taxes()) {
            String label =
                    "Tax "
                            + Formats.percent(tax.taxRateBps())
                            + " on "
                            + Formats.money(tax.taxableMinor(), c);
            total(pages, type, label, Formats.money(tax.taxMinor(), c));
        }
        total(pages, type, "Total " + c, Formats.money(d.totalMinor(), c));
    }

    /** One table row: every cell wrapped to its column; numbers right-aligned. */
    private static void row(PageCursor pages, Typesetter type, String[] cells, boolean head)
            throws IOException {
        List<List<String>> wrapped = new ArrayList<>(cells.length);
        int height = 1;
        for (int i = 0; i < cells.length; i++) {
            List<String> lines = type.wrap(cells[i], WIDTHS[i] - 4, SIZE);
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        pages.ensure(height * LEADING + 4);
        float x = PageCursor.MARGIN;
        for (int i = 0; i < cells.length; i++) {
            boolean numeric = i == 0 || i == 2 || i >= 4;
            if (numeric) {
                pages.right(x + WIDTHS[i] - 4, wrapped.get(i), SIZE, LEADING);
            } else {
                pages.left(x, wrapped.get(i), SIZE, LEADING);
            }
            x += WIDTHS[i];
        }
        pages.down(height * LEADING - LEADING + 4);
        if (head) {
            pages.rule();
        }
        pages.down(LEADING);
    }

    private static void field(PageCursor pages, Typesetter type, String label, String value)
            throws IOException {
        List<String> lines = type.wrap(value, PageCursor.WIDTH - LABEL, SIZE);
        for (int i = 0; i < lines.size(); i++) {
            pages.ensure(LEADING);
            if (i == 0) {
                pages.left(PageCursor.MARGIN, List.of(label), SIZE, LEADING);
            }
            pages.left(PageCursor.MARGIN + LABEL, List.of(lines.get(i)), SIZE, LEADING);
            pages.down(LEADING);
        }
    }

    private static void total(PageCursor pages, Typesetter type, String label, String amount)
            throws IOException {
        float right = PageCursor.MARGIN + PageCursor.WIDTH - 4;
        List<String> labels = type.wrap(label, 200, SIZE);
        List<String> amounts = type.wrap(amount, WIDTHS[WIDTHS.length - 1] - 4, SIZE);
        pages.ensure(Math.max(labels.size(), amounts.size()) * LEADING);
        pages.right(right - WIDTHS[WIDTHS.length - 1], labels, SIZE, LEADING);
        pages.right(right, amounts, SIZE, LEADING);
        pages.down(Math.max(labels.size(), amounts.size()) * LEADING);
    }

    private static void block(
            PageCursor pages,
            Typesetter type,
            float indent,
            List<String> lines,
            float size,
            float lead)
            throws IOException {
        for (String line : lines) {
            pages.ensure(lead);
            pages.left(PageCursor.MARGIN + indent, List.of(type.printable(line)), size, lead);
            pages.down(lead);
        }
    }
}

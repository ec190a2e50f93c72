package dev.patriotforge.quote.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;

/** What every page and the whole file carry besides the quote: footers, metadata, the file id. */
final class PdfMetadata {
    static final String PRODUCER = "PatriotForge quote-service";

    private PdfMetadata() {}

    /** "Q-2026-000042 rev 2, page 1 of 3" at the foot of every page. */
    static void footers(PDDocument pdf, Typesetter type, String heading) throws IOException {
        int count = pdf.getNumberOfPages();
        int n = 0;
        for (PDPage page : pdf.getPages()) {
            n++;
            try (PDPageContentStream s =
                    new PDPageContentStream(pdf, page, AppendMode.APPEND, true)) {
                s.beginText();
                s.setFont(type.font(), 7);
                s.newLineAtOffset(PageCursor.MARGIN, PageCursor.MARGIN);
                s.showText(heading + ", page " + n + " of " + count);
                s.endText();
            }
        }
    }

    /** Fixed metadata and trailer id, from the revision: no clock, no random. */
    static void identify(PDDocument pdf, QuoteDocument d, String heading) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(heading);
        info.setAuthor(d.seller());
        info.setProducer(PRODUCER);
        info.setCreator(PRODUCER);
        Calendar at = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        at.setTimeInMillis(d.pricedAt().toEpochMilli());
        info.setCreationDate(at);
        info.setModificationDate(at);
        byte[] id = Arrays.copyOf(sha256(heading + "|" + d.pricedAt()), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
        pdf.setDocumentId(0L);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

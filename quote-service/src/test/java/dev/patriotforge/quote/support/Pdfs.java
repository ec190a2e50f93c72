package dev.patriotforge.quote.support;

import static dev.patriotforge.quote.support.QuoteApi.as;

import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Quote documents read back: the PDF endpoint, and the text PDFBox extracts from the bytes. */
public final class Pdfs {
    private Pdfs() {}

    public static String path(String id, Object revision) {
        return QuoteApi.BASE + "/" + id + "/revisions/" + revision + "/pdf";
    }

    public static Response get(TestUser user, String id, Object revision) {
        return as(user).get(path(id, revision));
    }

    /** The text of every page, as PDFBox extracts it. */
    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ETag the contract promises: the quoted hex SHA-256 of the bytes. */
    public static String etagOf(byte[] pdf) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(pdf);
            return "\"" + HexFormat.of().formatHex(hash) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

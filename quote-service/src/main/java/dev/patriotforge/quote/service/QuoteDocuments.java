package dev.patriotforge.quote.service;

import dev.patriotforge.common.security.Caller;
import dev.patriotforge.quote.config.QuoteConfig;
import dev.patriotforge.quote.document.QuoteDocument;
import dev.patriotforge.quote.document.QuotePdf;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The PDF of a priced revision (contract section 3.1). The data is read in a short read-only
 * transaction; the rendering runs after it, holding no database connection. Nothing is cached: the
 * same revision renders to the same bytes, so the ETag (their SHA-256) is stable.
 */
@ApplicationScoped
public class QuoteDocuments {
    private final QuoteRevisions revisions;
    private final QuotePdf renderer;
    private final QuoteConfig config;

    public QuoteDocuments(QuoteRevisions revisions, QuotePdf renderer, QuoteConfig config) {
        this.revisions = revisions;
        this.renderer = renderer;
        this.config = config;
    }

    /** A rendered document, its ETag (quoted hex SHA-256 of the bytes) and a file name. */
    public static final class Pdf {
        private final byte[] bytes;
        private final String etag;
        private final String fileName;

        Pdf(byte[] bytes, String etag, String fileName) {
            this.bytes = bytes;
            this.etag = etag;
            this.fileName = fileName;
        }

        /** The document's bytes (the caller's to write out; not copied). */
        public byte[] bytes() {
            return bytes;
        }

        public String etag() {
            return etag;
        }

        public String fileName() {
            return fileName;
        }
    }

    /** 404 when the quote is not visible, was never priced, or has no revision {@code number}. */
    public Pdf pdf(Caller caller, UUID id, String number) {
        QuoteDocument document =
                revisions.document(caller, id, number, config.documents().sellerName());
        byte[] bytes = renderer.render(document);
        String name = document.number() + "-rev-" + document.revision() + ".pdf";
        return new Pdf(bytes, "\"" + sha256(bytes) + "\"", name);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

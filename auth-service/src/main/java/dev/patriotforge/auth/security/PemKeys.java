package dev.patriotforge.auth.security;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM parsing and writing of RSA keys, and their RFC 7638 thumbprints. No key text is logged. */
public final class PemKeys {
    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private PemKeys() {}

    /** A PKCS#8 ({@code BEGIN PRIVATE KEY}) RSA private key. */
    public static RSAPrivateCrtKey privateKey(String pem) {
        List<byte[]> blocks = blocks(pem, "PRIVATE KEY");
        if (blocks.size() != 1) {
            throw new IllegalArgumentException(
                    "expected exactly one PEM block 'BEGIN PRIVATE KEY' (PKCS#8); convert a"
                            + " PKCS#1 key with: openssl pkcs8 -topk8 -nocrypt");
        }
        try {
            if (KeyFactory.getInstance("RSA")
                            .generatePrivate(new PKCS8EncodedKeySpec(blocks.get(0)))
                    instanceof RSAPrivateCrtKey key) {
                if (key.getModulus().bitLength() < 2048) {
                    throw new IllegalArgumentException("the RSA key must have at least 2048 bits");
                }
                return key;
            }
            throw new IllegalArgumentException("the private key is not an RSA CRT key");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the private key is not a PKCS#8 RSA key", e);
        }
    }

    /** Every {@code BEGIN PUBLIC KEY} (X.509 SubjectPublicKeyInfo) RSA key of a bundle. */
    public static List<RSAPublicKey> publicKeys(String pem) {
        List<RSAPublicKey> keys = new ArrayList<>();
        for (byte[] der : blocks(pem, "PUBLIC KEY")) {
            try {
                if (KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der))
                        instanceof RSAPublicKey key) {
                    keys.add(key);
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("a public key is not an RSA key", e);
            }
        }
        return keys;
    }

    /** The public half of a private CRT key. */
    public static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey)
                    KeyFactory.getInstance("RSA")
                            .generatePublic(
                                    new RSAPublicKeySpec(
                                            key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** PEM text of a private key in PKCS#8 form. */
    public static String toPem(RSAPrivateCrtKey key) {
        String body =
                Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    /** The RFC 7638 JWK thumbprint (SHA-256, base64url) of an RSA public key. */
    public static String thumbprint(RSAPublicKey key) {
        String canonical =
                "{\"e\":\""
                        + base64Url(key.getPublicExponent())
                        + "\",\"kty\":\"RSA\",\"n\":\""
                        + base64Url(key.getModulus())
                        + "\"}";
        try {
            return URL.encodeToString(
                    MessageDigest.getInstance("SHA-256")
                            .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** An unsigned big-endian integer in base64url without leading zero bytes (RFC 7518). */
    public static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int start = 0;
        while (start < bytes.length - 1 && bytes[start] == 0) {
            start++;
        }
        byte[] unsigned = new byte[bytes.length - start];
        System.arraycopy(bytes, start, unsigned, 0, unsigned.length);
        return URL.encodeToString(unsigned);
    }

    private static List<byte[]> blocks(String pem, String type) {
        List<byte[]> result = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            if (m.group(1).equals(type)) {
                result.add(Base64.getMimeDecoder().decode(m.group(2)));
            }
        }
        return result;
    }
}

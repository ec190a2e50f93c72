package dev.patriotforge.quote.service.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where webhooks may go (SSRF rules): {@code https} only, and no host that resolves to a loopback,
 * private, link-local (cloud metadata at 169.254.169.254), shared (100.64/10), unique-local
 * (fc00::/7, with fd00:ec2::254), unspecified, multicast or reserved address, checked when a
 * subscription is created and again on the resolved addresses right before each attempt. {@code
 * allowPrivate} (local runs and tests) lifts the https and the address rules; other schemes are
 * always refused.
 */
public final class WebhookTargets {
    /** Resolves a host name, as {@link InetAddress#getAllByName} does. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A target refused at delivery time. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    public WebhookTargets(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** What is wrong with a subscription's URL, or empty when it may be used. */
    public Optional<String> problem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            return Optional.of("must be an absolute https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain a user name or password");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not contain a fragment");
        }
        try {
            check(uri);
        } catch (Refused e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    /** Resolves the URL's host and checks every address, right before an attempt. */
    public void check(URI uri) throws Refused {
        if (allowPrivate) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException | SecurityException e) {
            throw new Refused("must name a host that resolves");
        }
        if (addresses.length == 0) {
            throw new Refused("must name a host that resolves");
        }
        for (InetAddress address : addresses) {
            if (forbidden(address)) {
                throw new Refused(
                        "must not point at a loopback, private, link-local or metadata address");
            }
        }
    }

    /** Whether an address is not a public unicast one. */
    static boolean forbidden(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return forbiddenV4(b);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            // fc00::/7 unique local (fd00:ec2::254 is AWS's metadata service); ::/8 (unspecified,
            // IPv4-compatible) and 64:ff9b::/96 (NAT64), whose IPv4 part could be anything.
            if ((first & 0xfe) == 0xfc || first == 0) {
                return true;
            }
            // 2002::/16 6to4 carries an IPv4 address.
            if (first == 0x20 && b[1] == 0x02) {
                return forbiddenV4(new byte[] {b[2], b[3], b[4], b[5]});
            }
            // 2001:db8::/32 documentation.
            return first == 0x20 && b[1] == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8;
        }
        return true;
    }

    private static boolean forbiddenV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return a0 == 0 // this network
                || a0 == 10
                || a0 == 127
                || (a0 == 100 && (a1 & 0xc0) == 64) // 100.64/10 shared (Alibaba metadata)
                || (a0 == 169 && a1 == 254) // link-local, cloud metadata
                || (a0 == 172 && (a1 & 0xf0) == 16)
                || (a0 == 192 && a1 == 168)
                || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) // IETF, TEST-NET-1
                || (a0 == 198 && (a1 & 0xfe) == 18) // benchmarking
                || (a0 == 198 && a1 == 51 && a2 == 100) // TEST-NET-2
                || (a0 == 203 && a1 == 0 && a2 == 113) // TEST-NET-3
                || a0 >= 224; // multicast, reserved, broadcast
    }
}

package dev.patriotforge.common.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxies whose {@code X-Forwarded-For} entries are believed: IPv4 addresses and CIDR blocks
 * (IPv4 and IPv6), e.g. {@code 127.0.0.0/8,::1/128,10.0.0.0/8}. Parses IP literals only; never
 * resolves a name.
 *
 * <p>The same list configures Quarkus's proxy forwarding ({@code
 * quarkus.http.proxy.trusted-proxies} in service-common's microprofile-config.properties), which
 * reads an entry without a prefix as {@code host:port}: a bare IPv6 address such as {@code ::1}
 * becomes the host name {@code :}, looked up in DNS on every request (each lookup timing out where
 * no resolver answers). So an IPv6 address must be written as a CIDR block ({@code ::1/128});
 * {@link #of} refuses it otherwise, and the service does not start.
 */
public final class TrustedProxies {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * Parses {@code address} or {@code address/prefix} entries.
     *
     * @throws IllegalArgumentException for an entry that is not an IP literal or CIDR block
     */
    public static TrustedProxies of(List<String> entries) {
        List<Block> blocks = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            String host = slash < 0 ? entry : entry.substring(0, slash);
            InetAddress address =
                    literal(host)
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "not an IP address or CIDR block: " + entry));
            int bits = address.getAddress().length * 8;
            if (slash < 0 && (bits == 128 || host.indexOf(':') >= 0)) {
                throw new IllegalArgumentException(
                        "write the IPv6 address "
                                + entry
                                + " as a CIDR block (e.g. ::1/128): Quarkus would look it up as a"
                                + " host name on every request");
            }
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad prefix length in " + entry, e);
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("bad prefix length in " + entry);
                }
            }
            blocks.add(new Block(address.getAddress(), prefix));
        }
        return new TrustedProxies(blocks);
    }

    /** Whether the address lies in one of the trusted blocks. */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Block block : blocks) {
            if (block.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The address an IP literal names ({@code 192.0.2.1}, {@code 2001:db8::1}, {@code [::1]}, with
     * an optional {@code :port} after an IPv4 address or a bracketed IPv6 one); empty for anything
     * else, so that no entry ever causes a name lookup. IPv4-mapped IPv6 addresses come back as
     * IPv4.
     */
    public static Optional<InetAddress> literal(String text) {
        String value = text.strip();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            if (end < 0) {
                return Optional.empty();
            }
            String rest = value.substring(end + 1);
            if (!rest.isEmpty() && !rest.matches(":\\d{1,5}")) {
                return Optional.empty();
            }
            value = value.substring(1, end);
        } else if (value.indexOf(':') == value.lastIndexOf(':') && value.indexOf(':') > 0) {
            value = value.substring(0, value.indexOf(':'));
        }
        if (IPV4.matcher(value).matches()) {
            for (String part : value.split("\\.", -1)) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        } else if (!(value.indexOf(':') >= 0 && IPV6.matcher(value).matches())) {
            return Optional.empty();
        }
        try {
            // A literal by now: getByName parses it without any lookup.
            return Optional.of(InetAddress.getByName(value));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static final class Block {
        private final byte[] network;
        private final int prefix;

        Block(byte[] network, int prefix) {
            this.network = network.clone();
            this.prefix = prefix;
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}

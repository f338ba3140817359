package io.fastsync.rest.security;

import io.fastsync.zone.Caller;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * Who counts as one caller for a per-caller limit: an authenticated caller by its name; in trust
 * mode, where nobody is authenticated, a machine rather than one of its addresses, since one
 * machine holds many: this machine (the whole loopback range, {@code 127.0.0.0/8} and
 * {@code ::1}), an IPv4 address, or an IPv6 {@code /64} (the prefix one host or one site is given).
 */
public final class CallerKeys {

    private CallerKeys() {}

    /**
     * @param remoteAddress the client's IP address as the container reports it (a literal: nothing is looked up)
     * @return the key the caller is counted under
     */
    public static String of(Caller caller, String remoteAddress) {
        return caller.authenticated() ? "caller " + caller.name() : machine(remoteAddress);
    }

    /** @return the machine an address belongs to: {@code this machine}, {@code machine <IPv4 address>} or {@code machine <IPv6 /64>} */
    static String machine(String address) {
        String literal = address == null ? null : literal(address);
        if (literal == null) {
            return "machine unknown";
        }
        InetAddress parsed;
        try {
            parsed = InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return "machine unknown";
        }
        if (parsed.isLoopbackAddress()) {
            return "this machine";
        }
        if (parsed instanceof Inet4Address) {
            return "machine " + parsed.getHostAddress();
        }
        byte[] prefix = parsed.getAddress();
        StringBuilder s = new StringBuilder("machine ");
        for (int i = 0; i < 8; i += 2) {
            s.append(HexFormat.of().formatHex(prefix, i, i + 2)).append(':');
        }
        return s.append(":/64").toString();
    }

    /**
     * @return an IPv4 or IPv6 literal, without the brackets or the zone a container may report with
     *     an IPv6 address; null for anything else, which is never looked up as a host name
     */
    private static String literal(String address) {
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        boolean ipv4 = a.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = a.contains(":") && a.matches("[0-9A-Fa-f:.]+");
        return ipv4 || ipv6 ? a : null;
    }
}

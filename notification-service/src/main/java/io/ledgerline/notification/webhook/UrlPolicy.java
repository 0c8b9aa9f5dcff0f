package io.ledgerline.notification.webhook;

import io.ledgerline.contracts.problem.NotificationRefusal;
import io.ledgerline.contracts.problem.Refused;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs a webhook may point at: https to a host whose every address is public. A URL that
 * reaches into our own network (loopback, private, link-local, carrier-grade NAT, unique-local,
 * multicast, the unspecified address) would let a partner make this service call internal systems.
 * The host is resolved when the endpoint is registered and again before each delivery, so a name
 * re-pointed later is refused too. {@code allowLocal} is for development and tests only: it permits
 * http and loopback, never private or link-local addresses.
 */
@Component
public class UrlPolicy {

    static final int MAX_URL_LENGTH = 2_000;

    private final boolean allowLocal;

    UrlPolicy(@Value("${ledgerline.notification.webhooks.allow-local:false}") boolean allowLocal) {
        this.allowLocal = allowLocal;
    }

    /** The URL as it will be called, or a {@link Refused} saying why not. */
    public URI check(String url) {
        var uri = parse(url);
        var scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        if (!https && !(allowLocal && scheme.equals("http"))) {
            throw refused(NotificationRefusal.WEBHOOK_URL_INVALID, "the URL must be https");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw refused(NotificationRefusal.WEBHOOK_URL_REFUSED, "the host does not resolve");
        }
        for (var address : addresses) {
            if (address.isLoopbackAddress() && allowLocal) {
                continue;
            }
            if (!isPublic(address)) {
                throw refused(
                        NotificationRefusal.WEBHOOK_URL_REFUSED,
                        "the host resolves to a loopback, private or link-local address");
            }
        }
        return uri;
    }

    private static URI parse(String url) {
        if (url == null || url.isEmpty() || url.length() > MAX_URL_LENGTH) {
            throw refused(NotificationRefusal.WEBHOOK_URL_INVALID, "an absolute URL is required");
        }
        try {
            var uri = new URI(url);
            boolean usable =
                    uri.isAbsolute()
                            && uri.getHost() != null
                            && uri.getRawUserInfo() == null
                            && uri.getRawFragment() == null;
            if (!usable) {
                throw refused(
                        NotificationRefusal.WEBHOOK_URL_INVALID,
                        "an absolute URL with a host, without credentials or fragment");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw refused(NotificationRefusal.WEBHOOK_URL_INVALID, "not a URL");
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        var bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xFF;
            int second = bytes[1] & 0xFF;
            boolean carrierGradeNat = first == 100 && second >= 64 && second < 128;
            boolean thisNetwork = first == 0;
            boolean reserved = first >= 240;
            return !(carrierGradeNat || thisNetwork || reserved);
        }
        boolean uniqueLocal = (bytes[0] & 0xFE) == 0xFC;
        boolean mappedV4 = isV4Mapped(bytes);
        return !uniqueLocal && !mappedV4;
    }

    /** ::ffff:a.b.c.d reaches an IPv4 host; refused rather than judged twice. */
    private static boolean isV4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xFF) == 0xFF && (bytes[11] & 0xFF) == 0xFF;
    }

    private static Refused refused(NotificationRefusal code, String detail) {
        return Refused.field(code, "url", detail);
    }
}

package io.ledgerline.gateway.upstream;

import java.net.URI;
import java.util.Locale;

/** Where a provider answers: scheme, host, port and the path its API lives under. */
record Endpoint(boolean secure, String host, int port, String basePath, String hostHeader) {

    static Endpoint of(String baseUrl) {
        URI uri;
        try {
            uri = URI.create(baseUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("upstream base URL " + baseUrl + " is not a URL", e);
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(
                    "upstream base URL " + baseUrl + " must start with http:// or https://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("upstream base URL " + baseUrl + " has no host");
        }
        boolean secure = scheme.equals("https");
        int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
        var path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        boolean defaultPort = port == (secure ? 443 : 80);
        var hostHeader = defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
        return new Endpoint(secure, uri.getHost(), port, path, hostHeader);
    }

    /** The request target for an API path such as {@code /chat/completions}. */
    String target(String apiPath) {
        return basePath + apiPath;
    }
}

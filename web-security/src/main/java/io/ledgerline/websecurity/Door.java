package io.ledgerline.websecurity;

import org.springframework.http.HttpMethod;

/**
 * One endpoint (or a family of them) and the scope a caller's token must carry to pass it.
 *
 * @param method the HTTP method
 * @param pattern a Spring path pattern, {@code *} for one path segment
 * @param scope the scope, {@code <service>.<permission>}
 */
public record Door(HttpMethod method, String pattern, String scope) {

    public static Door get(String pattern, String scope) {
        return new Door(HttpMethod.GET, pattern, scope);
    }

    public static Door post(String pattern, String scope) {
        return new Door(HttpMethod.POST, pattern, scope);
    }

    public static Door put(String pattern, String scope) {
        return new Door(HttpMethod.PUT, pattern, scope);
    }

    public static Door delete(String pattern, String scope) {
        return new Door(HttpMethod.DELETE, pattern, scope);
    }
}

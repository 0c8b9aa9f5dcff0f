package io.ledgerline.portal.downstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ledgerline.contracts.problem.PortalRefusal;
import io.ledgerline.contracts.problem.Problem;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpResponse;

import java.io.IOException;
import java.io.InputStream;

/**
 * Turns a downstream refusal into a {@link DownstreamRefusal} that keeps the downstream's status
 * and {@code code}, so the SPA sees "INSUFFICIENT_CREDITS" whether the ledger or the gateway said
 * it. A downstream failure (5xx) becomes a 502: the portal itself did nothing wrong.
 */
final class DownstreamProblems {

    private static final int MAX_BODY_BYTES = 16 * 1024;
    private static final int BAD_GATEWAY = 502;

    private DownstreamProblems() {}

    static void raise(
            String service, ObjectMapper json, HttpRequest request, ClientHttpResponse response)
            throws IOException {
        int status = response.getStatusCode().value();
        var body = read(json, response.getBody());
        var code = text(body, "code");
        var detail = text(body, "detail");
        if (status >= 500) {
            var failed =
                    service + " failed (" + status + ")" + (detail == null ? "" : ": " + detail);
            throw new DownstreamRefusal(
                    code == null
                            ? Problem.of(PortalRefusal.DOWNSTREAM_FAILED, failed)
                            : Problem.relayed(BAD_GATEWAY, code, failed));
        }
        var refused = detail == null ? service + " refused the request (" + status + ")" : detail;
        throw new DownstreamRefusal(
                code == null
                        ? Problem.of(PortalRefusal.DOWNSTREAM_REFUSED, refused)
                        : Problem.relayed(status, code, refused));
    }

    static DownstreamRefusal unavailable(String service) {
        return new DownstreamRefusal(
                Problem.of(PortalRefusal.DOWNSTREAM_UNAVAILABLE, service + " is not reachable"));
    }

    private static JsonNode read(ObjectMapper json, InputStream in) {
        try (in) {
            var bytes = in.readNBytes(MAX_BODY_BYTES);
            return bytes.length == 0 ? null : json.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode body, String field) {
        if (body == null || !body.hasNonNull(field)) {
            return null;
        }
        return body.get(field).asText();
    }
}

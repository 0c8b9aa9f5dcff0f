package io.ledgerline.testsupport.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ledgerline.websecurity.Doors;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Walks every operation of a running service's OpenAPI document (not a hand-made list) and checks
 * each door: without a credential 401, with a forged or foreign token 401, with a token of this
 * service that lacks the endpoint's scope 403; every failure is collected and reported at once. An
 * operation that no door covers fails the walk.
 */
public final class DoorWalk {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    /** One operation with its path parameters filled in. */
    public record Operation(String method, String path) {}

    private final String baseUrl;
    private final Doors doors;
    private final String foreignScope;

    /**
     * @param baseUrl where the service answers, e.g. {@code http://127.0.0.1:8081}
     * @param doors the service's doors
     * @param foreignScope a scope of another service, whose token must not open this one
     */
    public DoorWalk(String baseUrl, Doors doors, String foreignScope) {
        this.baseUrl = baseUrl;
        this.doors = doors;
        this.foreignScope = foreignScope;
    }

    /** The operations of the OpenAPI document at {@code docsPath}, read with a full token. */
    public List<Operation> operations(String docsPath) {
        var all = doors.scopes().toArray(String[]::new);
        var response = send("GET", docsPath, TestTokens.bearer(all));
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "GET "
                            + docsPath
                            + " answered "
                            + response.statusCode()
                            + ": "
                            + response.body());
        }
        var operations = new ArrayList<Operation>();
        try {
            JsonNode paths = JSON.readTree(response.body()).path("paths");
            paths.fields()
                    .forEachRemaining(
                            path ->
                                    path.getValue()
                                            .fieldNames()
                                            .forEachRemaining(
                                                    method -> {
                                                        if (METHODS.contains(method)) {
                                                            operations.add(
                                                                    new Operation(
                                                                            method.toUpperCase(),
                                                                            filled(path.getKey())));
                                                        }
                                                    }));
        } catch (IOException e) {
            throw new AssertionError("The OpenAPI document is not JSON", e);
        }
        if (operations.isEmpty()) {
            throw new AssertionError("The OpenAPI document at " + docsPath + " lists no operation");
        }
        return operations;
    }

    /** Checks every door of {@code operations}; throws one error naming each that failed. */
    public void assertEveryDoorLocked(List<Operation> operations) {
        var failures = new ArrayList<String>();
        var forged = forged(TestTokens.token(doors.scopes().toArray(String[]::new)));
        var foreign = TestTokens.bearer(foreignScope);
        for (var op : operations) {
            if (doors.isPublic(op.path())) {
                continue;
            }
            var scope = doors.scopeFor(op.method(), op.path());
            if (scope.isEmpty()) {
                failures.add(op + ": no door names a scope for it");
                continue;
            }
            expect(failures, op, null, 401, "UNAUTHENTICATED", "without a credential");
            expect(failures, op, "Bearer " + forged, 401, "UNAUTHENTICATED", "with a forged token");
            expect(failures, op, "Bearer not-a-jwt", 401, "UNAUTHENTICATED", "with garbage");
            expect(failures, op, foreign, 401, "UNAUTHENTICATED", "with another service's token");
            var others = doors.scopes().stream().filter(s -> !s.equals(scope.get())).toList();
            if (!others.isEmpty()) {
                expect(
                        failures,
                        op,
                        TestTokens.bearer(others.toArray(String[]::new)),
                        403,
                        "FORBIDDEN",
                        "with every scope but " + scope.get());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(
                    failures.size() + " door(s) not locked:\n  " + String.join("\n  ", failures));
        }
    }

    private void expect(
            List<String> failures,
            Operation op,
            String authorization,
            int status,
            String code,
            String how) {
        var response = send(op.method(), op.path(), authorization);
        if (response.statusCode() != status || !response.body().contains("\"" + code + "\"")) {
            failures.add(
                    op
                            + " "
                            + how
                            + ": expected "
                            + status
                            + " "
                            + code
                            + ", got "
                            + response.statusCode()
                            + " "
                            + abbreviated(response.body()));
        }
    }

    private HttpResponse<String> send(String method, String path, String authorization) {
        var builder =
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("content-type", "application/json")
                        .method(
                                method,
                                method.equals("GET") || method.equals("DELETE")
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (authorization != null) {
            builder.header("authorization", authorization);
        }
        try {
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The same token with its signature's first character changed. */
    static String forged(String jwt) {
        var signatureStart = jwt.lastIndexOf('.') + 1;
        var first = jwt.charAt(signatureStart);
        var other = first == 'A' ? 'B' : 'A';
        return jwt.substring(0, signatureStart) + other + jwt.substring(signatureStart + 1);
    }

    /** Path parameters as a valid id, so the request reaches the door, not a 400 on its id. */
    static String filled(String path) {
        return path.replaceAll("\\{[^}]+}", "x1");
    }

    private static String abbreviated(String body) {
        return body.length() > 160 ? body.substring(0, 160) + "…" : body;
    }
}

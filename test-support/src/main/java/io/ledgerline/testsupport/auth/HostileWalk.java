package io.ledgerline.testsupport.auth;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Sends generated hostile requests to every operation of a running service's OpenAPI document, with
 * a token that opens every door, so each request reaches the code behind it. Each request carries
 * at least one thing no endpoint may accept: a path id with a NUL, a line break or a matrix
 * parameter; a text with a NUL, a control character or a lone surrogate; a number of the wrong
 * type, a fraction or beyond a {@code long}; a body with trailing content, two values or no JSON at
 * all.
 *
 * <p>The walk fails on any 5xx, on any answer that is not a problem body, and on any write (POST,
 * PUT, PATCH, DELETE) answered 2xx: a hostile request must change nothing. The generator is seeded,
 * so a failure names the seed that repeats it.
 */
public final class HostileWalk {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Escapes every non-ASCII character, so a lone surrogate travels as {@code \ud800}. */
    private static final ObjectMapper ESCAPING =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    /** Path segments no id rule may let through (percent-encoded where a URI needs it). */
    private static final List<String> HOSTILE_SEGMENTS =
            List.of(
                    "x%00y",
                    "x%0Ay",
                    "x%07",
                    "partner:acme;DROP",
                    "x;jsessionid=1",
                    "%2e%2e%2f%2e%2e%2fetc",
                    "x%C0%AF",
                    "%E2%80%AEx",
                    "x%20OR%201=1--",
                    "x" + "%00".repeat(3));

    /** Texts no projection may store. */
    private static final List<String> HOSTILE_TEXTS =
            List.of(
                    "a\u0000b",
                    "\u0000",
                    "bell\u0007",
                    "esc\u001b[31m",
                    "lone \ud800 surrogate",
                    "tail \udfff",
                    "del\u007f",
                    "nul at end\u0000",
                    "\u202e\u0000rtl",
                    "'; DROP TABLE x; --\u0000");

    /** The result of one walk: how many requests it sent and what each failure was. */
    public record Result(int requests, List<String> failures) {

        public void assertNoFailures() {
            if (!failures.isEmpty()) {
                throw new AssertionError(
                        failures.size()
                                + " of "
                                + requests
                                + " hostile requests were not refused properly:\n  "
                                + String.join(
                                        "\n  ",
                                        failures.subList(0, Math.min(40, failures.size()))));
            }
        }
    }

    private record Operation(String method, String path, JsonNode spec) {}

    private final String baseUrl;
    private final String authorization;
    private final long seed;
    private final String validId;
    private JsonNode document;

    /**
     * @param baseUrl where the service answers, e.g. {@code http://127.0.0.1:8081}
     * @param authorization the header value of a token that opens every door of the service
     * @param seed the generator's seed; a failure report names it
     * @param validId what every path parameter and text is when it is not the hostile part: an id
     *     of something real, so each hostile request aims at state the test can check afterwards
     */
    public HostileWalk(String baseUrl, String authorization, long seed, String validId) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.seed = seed;
        this.validId = validId;
    }

    /** Sends {@code perOperation} hostile requests to each operation of the document. */
    public Result walk(String docsPath, int perOperation) {
        var operations = operations(docsPath);
        var random = new Random(seed);
        var failures = new ArrayList<String>();
        int sent = 0;
        for (var op : operations) {
            for (int i = 0; i < perOperation; i++) {
                var request = hostile(op, random, i);
                sent++;
                var response = send(request);
                judge(request, response).ifPresent(failures::add);
            }
        }
        return new Result(sent, failures);
    }

    /** One generated request. */
    record Request(String method, String path, String body, String why) {

        @Override
        public String toString() {
            return method + " " + path + " (" + why + ")";
        }
    }

    private Optional<String> judge(Request request, HttpResponse<String> response) {
        int status = response.statusCode();
        var body = response.body() == null ? "" : response.body();
        if (status >= 500) {
            return Optional.of(failure(request, response));
        }
        if (status >= 200 && status < 300 && !request.method().equals("GET")) {
            return Optional.of(failure(request, response) + " — a hostile write was accepted");
        }
        if (status >= 400 && !body.contains("\"code\"")) {
            return Optional.of(failure(request, response) + " — not a problem body");
        }
        return Optional.empty();
    }

    private String failure(Request request, HttpResponse<String> response) {
        var body = response.body() == null ? "" : response.body();
        return request
                + " → "
                + response.statusCode()
                + " "
                + (body.length() > 160 ? body.substring(0, 160) + "…" : body)
                + " [seed "
                + seed
                + "]";
    }

    private List<Operation> operations(String docsPath) {
        var response = send(new Request("GET", docsPath, null, "the OpenAPI document"));
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + docsPath + " answered " + response.statusCode());
        }
        try {
            document = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("The OpenAPI document is not JSON", e);
        }
        var operations = new ArrayList<Operation>();
        document.path("paths")
                .fields()
                .forEachRemaining(
                        path ->
                                path.getValue()
                                        .fields()
                                        .forEachRemaining(
                                                method -> {
                                                    if (METHODS.contains(method.getKey())) {
                                                        operations.add(
                                                                new Operation(
                                                                        method.getKey()
                                                                                .toUpperCase(),
                                                                        path.getKey(),
                                                                        method.getValue()));
                                                    }
                                                }));
        if (operations.isEmpty()) {
            throw new AssertionError("The OpenAPI document at " + docsPath + " lists no operation");
        }
        return operations;
    }

    /**
     * A request with exactly one hostile part and everything else shaped as the document asks, so
     * the hostile part is what the endpoint must refuse.
     */
    private Request hostile(Operation op, Random random, int round) {
        var hasPathParameters = op.path().contains("{");
        var body = bodySchema(op.spec());
        var queryParameters = queryParameters(op.spec());
        var choices = new ArrayList<String>();
        if (hasPathParameters) {
            choices.add("path");
        }
        if (body != null) {
            choices.add("field");
            choices.add("field");
            choices.add("body");
        }
        if (!queryParameters.isEmpty()) {
            choices.add("query");
        }
        if (choices.isEmpty()) {
            choices.add("query-extra");
        }
        var choice = choices.get(round % choices.size());
        var path = filled(op.path(), null);
        var skeleton = body == null ? null : skeleton(body, 0);
        var query = "";
        String bodyText = skeleton == null ? null : text(skeleton);
        String why;
        switch (choice) {
            case "path" -> {
                var segment = HOSTILE_SEGMENTS.get(random.nextInt(HOSTILE_SEGMENTS.size()));
                path = filled(op.path(), segment);
                why = "path id " + segment;
            }
            case "field" -> {
                var leaves = new ArrayList<String>();
                leaves(skeleton, "", leaves);
                if (leaves.isEmpty()) {
                    bodyText = wholeBody(skeleton, random);
                    why = "body " + abbreviated(bodyText);
                } else {
                    var leaf = leaves.get(random.nextInt(leaves.size()));
                    var mutated = skeleton.deepCopy();
                    var value = hostileValue(at(mutated, leaf), random);
                    put(mutated, leaf, value);
                    bodyText = text(mutated);
                    why = "field " + leaf + " = " + abbreviated(text(value));
                }
            }
            case "body" -> {
                bodyText = wholeBody(skeleton, random);
                why = "body " + abbreviated(bodyText);
            }
            case "query" -> {
                var name = queryParameters.get(random.nextInt(queryParameters.size()));
                var value =
                        List.of(
                                        "%00",
                                        "9223372036854775808",
                                        "-9223372036854775809",
                                        "1.5",
                                        "%0A",
                                        "x%00y",
                                        "+1000000000-01-01T00:00:00Z",
                                        "NaN")
                                .get(random.nextInt(8));
                query = "?" + name + "=" + value;
                why = "query " + name + "=" + value;
            }
            default -> {
                path = path + ";x=1";
                why = "matrix parameter";
            }
        }
        var method = op.method();
        if (bodyText == null && !method.equals("GET") && !method.equals("DELETE")) {
            bodyText = "{\"x\":\"\\u0000\"}";
        }
        return new Request(method, path + query, bodyText, why);
    }

    private static String wholeBody(JsonNode skeleton, Random random) {
        var valid = skeleton == null ? "{}" : text(skeleton);
        var bodies =
                List.of(
                        valid + " trailing",
                        valid + valid,
                        valid + "}",
                        "{\"a\":",
                        "nul",
                        "[" + valid + "]",
                        "\"" + "x".repeat(64) + "\"",
                        "{".repeat(2_000),
                        valid.replaceFirst("\\{", "{\"a\":1,\"a\":2,"),
                        "\u0000" + valid);
        return bodies.get(random.nextInt(bodies.size()));
    }

    private static JsonNode hostileValue(JsonNode current, Random random) {
        if (current != null && current.isNumber()) {
            var values =
                    List.<JsonNode>of(
                            NODES.textNode("1"),
                            NODES.numberNode(1.5),
                            NODES.numberNode(new java.math.BigInteger("9223372036854775808")),
                            NODES.numberNode(new java.math.BigInteger("-9223372036854775809")),
                            NODES.numberNode(new java.math.BigDecimal("1e400")),
                            NODES.booleanNode(true),
                            NODES.arrayNode(),
                            NODES.objectNode());
            return values.get(random.nextInt(values.size()));
        }
        if (current != null && current.isBoolean()) {
            var values =
                    List.<JsonNode>of(
                            NODES.textNode("yes"),
                            NODES.numberNode(2),
                            NODES.textNode("\u0000"),
                            NODES.arrayNode());
            return values.get(random.nextInt(values.size()));
        }
        if (current != null && current.isArray()) {
            return random.nextBoolean() ? NODES.textNode("\u0000") : NODES.numberNode(1.5);
        }
        return NODES.textNode(HOSTILE_TEXTS.get(random.nextInt(HOSTILE_TEXTS.size())));
    }

    /** A value of the schema's shape that the endpoint would read (not necessarily accept). */
    private JsonNode skeleton(JsonNode schema, int depth) {
        schema = resolved(schema);
        if (depth > 6) {
            return NODES.nullNode();
        }
        var oneOf = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
        if (oneOf != null && oneOf.isArray() && !oneOf.isEmpty()) {
            return skeleton(oneOf.get(0), depth + 1);
        }
        if (schema.has("allOf")) {
            var merged = NODES.objectNode();
            for (var part : schema.get("allOf")) {
                if (skeleton(part, depth + 1) instanceof ObjectNode object) {
                    merged.setAll(object);
                }
            }
            return merged;
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        var type = typeOf(schema);
        return switch (type) {
            case "object" -> {
                var object = NODES.objectNode();
                var properties = schema.path("properties");
                properties
                        .fields()
                        .forEachRemaining(
                                property ->
                                        object.set(
                                                property.getKey(),
                                                skeleton(property.getValue(), depth + 1)));
                var discriminator = schema.path("discriminator").path("propertyName").asText(null);
                if (discriminator != null && !object.has(discriminator)) {
                    object.put(discriminator, "x");
                }
                yield object;
            }
            case "array" -> {
                var array = NODES.arrayNode();
                array.add(skeleton(schema.path("items"), depth + 1));
                yield array;
            }
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode(validId);
        };
    }

    private static String typeOf(JsonNode schema) {
        var type = schema.path("type");
        if (type.isArray()) {
            for (var each : type) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    private JsonNode resolved(JsonNode schema) {
        int hops = 0;
        while (schema.has("$ref") && hops++ < 20) {
            var ref = schema.get("$ref").asText();
            var node = document;
            for (var part : ref.substring(2).split("/")) {
                node = node.path(part);
            }
            schema = node;
        }
        return schema;
    }

    private JsonNode bodySchema(JsonNode operation) {
        var content = operation.path("requestBody").path("content");
        Iterator<String> types = content.fieldNames();
        while (types.hasNext()) {
            var type = types.next();
            if (type.contains("json")) {
                var schema = content.path(type).path("schema");
                return schema.isMissingNode() ? null : schema;
            }
        }
        return null;
    }

    private static List<String> queryParameters(JsonNode operation) {
        var names = new ArrayList<String>();
        for (var parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asText())) {
                names.add(parameter.path("name").asText());
            }
        }
        return names;
    }

    /** The JSON paths of every leaf of {@code node}, as {@code a.b[0].c}. */
    private static void leaves(JsonNode node, String prefix, List<String> into) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            node.fields()
                    .forEachRemaining(
                            field ->
                                    leaves(
                                            field.getValue(),
                                            prefix.isEmpty()
                                                    ? field.getKey()
                                                    : prefix + "." + field.getKey(),
                                            into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), prefix + "[" + i + "]", into);
            }
            if (node.isEmpty() && !prefix.isEmpty()) {
                into.add(prefix);
            }
        } else if (!prefix.isEmpty()) {
            into.add(prefix);
        }
    }

    private static JsonNode at(JsonNode root, String path) {
        var node = root;
        for (var step : steps(path)) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    private static void put(JsonNode root, String path, JsonNode value) {
        var steps = steps(path);
        var parent = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            var step = steps.get(i);
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        var last = steps.get(steps.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    private static List<Object> steps(String path) {
        var steps = new ArrayList<Object>();
        for (var part : path.split("\\.")) {
            var bracket = part.indexOf('[');
            var name = bracket < 0 ? part : part.substring(0, bracket);
            if (!name.isEmpty()) {
                steps.add(name);
            }
            while (bracket >= 0) {
                var close = part.indexOf(']', bracket);
                steps.add(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return steps;
    }

    /** Path parameters as the valid id, or the first one as {@code hostile} (the rest valid). */
    private String filled(String path, String hostile) {
        var valid = Matcher.quoteReplacement(validId);
        if (hostile == null) {
            return path.replaceAll("\\{[^}]+}", valid);
        }
        return path.replaceFirst("\\{[^}]+}", Matcher.quoteReplacement(hostile))
                .replaceAll("\\{[^}]+}", valid);
    }

    private HttpResponse<String> send(Request request) {
        var builder =
                HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
                        .header("authorization", authorization)
                        .header("content-type", "application/json")
                        .method(
                                request.method(),
                                request.body() == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(request.body()));
        try {
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String text(JsonNode node) {
        try {
            return ESCAPING.writeValueAsString(node);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}

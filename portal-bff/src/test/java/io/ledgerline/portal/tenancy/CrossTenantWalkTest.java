package io.ledgerline.portal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.portal.support.PortalBrowser;
import io.ledgerline.portal.support.PortalBrowser.Reply;
import io.ledgerline.portal.support.PortalTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tenant A (partner acme and its customer bistro, both owners) calls every portal endpoint Spring
 * knows, with tenant B's (partner globex, its customer harbor) ids in every path variable: each
 * answer is 403 or 404, and no write reaches the ledger or the gateway. The one write that goes on
 * is marking a notification read: it names no account, so the portal asks for B's item on A's own
 * feed, where the notification service does not find it; B's item stays unread. Endpoints without
 * an id serve the signed-in tenant alone; their answers must not name B.
 */
class CrossTenantWalkTest extends PortalTestBase {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** Tenant B's ids, by the path variable's name. */
    private static final Map<String, List<String>> B_IDS =
            Map.of(
                    "accountId", List.of("customer:harbor", "partner:globex"),
                    "keyId", List.of("key-harbor"),
                    "itemId", List.of(String.valueOf(B_FEED_ITEM)),
                    "email", List.of("globex@test.ledgerline"),
                    "invoiceId", List.of("inv-b-0001"),
                    "subscriptionId", List.of("sub-b-0001"),
                    "methodId", List.of("pm-b-0001"),
                    "planId", List.of("plan-globex"),
                    "callId", List.of("call-b-0001"));

    private static final List<String> B_NAMES = List.of("globex", "harbor");

    /** A's own feed: the only downstream path a walked write may reach. */
    private static final Pattern A_FEED_MARK =
            Pattern.compile("/api/v1/accounts/(partner:acme|customer:bistro)/feed/\\d+/read");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Endpoint(RequestMethod method, String pattern, HandlerMethod handler) {}

    @Test
    void every_portal_endpoint_refuses_tenant_b_ids_to_tenant_a_and_writes_nothing_downstream() {
        var endpoints = portalEndpoints();
        var withIds = endpoints.stream().filter(e -> e.pattern().contains("{")).toList();
        assertThat(withIds).as("endpoints naming an id").hasSizeGreaterThanOrEqualTo(7);
        var tenantA = List.of(signedIn("acme@demo.ledgerline"), signedIn("bistro@demo.ledgerline"));
        DOWNSTREAM.forget();
        BILLING.forget();
        var answers = new ArrayList<String>();

        for (var endpoint : withIds) {
            for (var path : pathsWithBIds(endpoint.pattern())) {
                for (var browser : tenantA) {
                    var reply = call(browser, endpoint, path);
                    answers.add(endpoint.method() + " " + path + " -> " + reply.status());
                    assertThat(reply.status())
                            .as(endpoint.method() + " " + path + " answered " + reply.body())
                            .isIn(403, 404);
                }
            }
        }

        assertThat(DOWNSTREAM.received())
                .as("downstream calls during the walk: " + answers)
                .allMatch(
                        call ->
                                call.method().equals("GET")
                                        || A_FEED_MARK.matcher(call.path()).matches())
                .noneMatch(call -> B_NAMES.stream().anyMatch(call.path()::contains));
        assertThat(DOWNSTREAM.feedItem(B_FEED_ITEM).read()).as("B's feed item read").isFalse();
        assertThat(BILLING.received())
                .as("billing calls during the walk: " + answers)
                .allMatch(call -> call.method().equals("GET"))
                .noneMatch(call -> B_NAMES.stream().anyMatch(call.path()::contains));
        assertThat(
                        jdbc.sql("SELECT team_role FROM portal.portal_user WHERE email = ?")
                                .param("globex@test.ledgerline")
                                .query(String.class)
                                .single())
                .isEqualTo("OWNER");
    }

    @Test
    void the_reads_without_an_id_answer_about_the_signed_in_tenant_alone() {
        var reads =
                portalEndpoints().stream()
                        .filter(e -> e.method() == RequestMethod.GET)
                        .filter(e -> !e.pattern().contains("{"))
                        .toList();
        assertThat(reads).hasSizeGreaterThanOrEqualTo(6);

        for (var browser :
                List.of(signedIn("acme@demo.ledgerline"), signedIn("bistro@demo.ledgerline"))) {
            for (var endpoint : reads) {
                var text = browser.getText(endpoint.pattern()).body();
                assertThat(B_NAMES)
                        .as(endpoint.pattern() + " answered " + text)
                        .noneMatch(text::contains);
            }
        }
    }

    private List<Endpoint> portalEndpoints() {
        var endpoints = new ArrayList<Endpoint>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            var info = entry.getKey();
            for (var pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/portal/")) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                for (var method : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
                    endpoints.add(new Endpoint(method, pattern, entry.getValue()));
                }
            }
        }
        return endpoints;
    }

    /** Each path variable filled with each of B's ids for it, one variable varied at a time. */
    private static List<String> pathsWithBIds(String pattern) {
        var paths = new ArrayList<String>();
        var matcher = VARIABLE.matcher(pattern);
        var names = new ArrayList<String>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        for (var name : names) {
            assertThat(B_IDS).as("tenant B has an id for {" + name + "}").containsKey(name);
            for (var id : B_IDS.get(name)) {
                var path = pattern.replace("{" + name + "}", id);
                for (var other : names) {
                    path = path.replace("{" + other + "}", B_IDS.get(other).get(0));
                }
                paths.add(path);
            }
        }
        return paths;
    }

    private static Reply call(PortalBrowser browser, Endpoint endpoint, String path) {
        return switch (endpoint.method()) {
            case GET -> browser.get(path);
            case DELETE -> browser.delete(path);
            case POST -> browser.post(path, bodyFor(endpoint.handler()));
            case PUT -> browser.put(path, bodyFor(endpoint.handler()));
            default -> throw new AssertionError("no walk for " + endpoint);
        };
    }

    /**
     * A well-formed body for the endpoint's request record, so the refusal is the tenant check's
     * and not the body reader's.
     */
    private static Map<String, Object> bodyFor(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (!parameter.hasParameterAnnotation(RequestBody.class)) {
                continue;
            }
            var body = new LinkedHashMap<String, Object>();
            for (var component : parameter.getParameterType().getRecordComponents()) {
                body.put(component.getName(), sample(component));
            }
            return body;
        }
        return Map.of();
    }

    private static Object sample(java.lang.reflect.RecordComponent component) {
        var type = component.getType();
        if (type == Boolean.class || type == boolean.class) {
            return true;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[type.getEnumConstants().length - 1].toString();
        }
        if (List.class.isAssignableFrom(type)
                && component.getGenericType() instanceof ParameterizedType) {
            return List.of("gpt-4o-mini");
        }
        if (type == String.class) {
            return "crossTenant-" + component.getName();
        }
        // Money and other numbers travel as whole numbers.
        return 1_000_000;
    }
}

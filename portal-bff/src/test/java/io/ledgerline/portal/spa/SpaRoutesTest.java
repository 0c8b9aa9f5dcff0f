package io.ledgerline.portal.spa;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.portal.support.PortalTestBase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The SPA from portal-spa's jar: deep links get index.html, API and asset misses stay 404s. */
class SpaRoutesTest extends PortalTestBase {

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/sign-in",
                "/dashboard",
                "/customers",
                "/customers/customer:bistro",
                "/ai-gateway"
            })
    void a_page_of_the_spa_answers_its_index_html(String path) throws Exception {
        var reply = get(path);

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(reply.body()).contains("<div id=\"root\">").contains("/assets/");
    }

    @Test
    void the_built_script_is_served() throws Exception {
        var index = get("/").body();
        var script = index.replaceAll("(?s).*src=\"(/assets/[^\"]+\\.js)\".*", "$1");

        var reply = get(script);

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type").orElse("")).contains("javascript");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/missing.js", "/missing.css"})
    void an_unknown_asset_is_still_a_404_problem(String path) throws Exception {
        var reply = get(path);

        assertThat(reply.statusCode()).isEqualTo(404);
        assertThat(reply.body()).contains("ROUTE_NOT_FOUND");
    }

    @Test
    void an_unknown_api_path_is_no_page_but_a_problem_and_tells_an_outsider_nothing_more()
            throws Exception {
        var reply = get("/api/portal/nothing-here");

        // Signed out, the API says only that it needs a session, whether the path exists or not.
        assertThat(reply.statusCode()).isEqualTo(401);
        assertThat(reply.body()).contains("UNAUTHENTICATED").doesNotContain("<html");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Accept", "text/html,application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

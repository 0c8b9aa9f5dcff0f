package io.ledgerline.gateway.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.contracts.rating.ModelCatalogue;
import io.ledgerline.contracts.rating.Rating;
import io.ledgerline.gateway.livekey.KeyRegistry;
import io.ledgerline.gateway.support.GatewayTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;

/** Many requests at once on one key: pre-authorisations never exceed its budget. */
class BudgetUnderConcurrencyTest extends GatewayTestBase {

    @Autowired KeyRegistry registry;

    @Test
    void two_hundred_concurrent_requests_never_preauthorise_more_than_the_budget() {
        var partnerId = newPartner("STARTER", 1_000);
        // The stub answers after 300 ms, so the requests overlap and compete for the budget.
        var body = chat("gpt-4o-mini", "[stub:delay=300] spend it all", 16);
        var price = ModelCatalogue.standard().find("gpt-4o-mini").orElseThrow();
        var worstCase =
                Rating.platformCost(price, body.getBytes(StandardCharsets.UTF_8).length, 16);
        var budget = worstCase.times(50).plus(Credits.ofMicros(worstCase.ucr() / 2));
        var keyBody = partnerKey(1, "gpt-4o-mini");
        keyBody.put("budgetUcr", budget.ucr());
        var created = createPartnerKey(partnerId, keyBody);
        var secret = created.path("secret").asText();

        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var replies = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < 200; i++) {
            replies.add(
                    http.sendAsync(
                            chatRequest(port, secret, body), HttpResponse.BodyHandlers.ofString()));
        }
        var charged = Credits.ZERO;
        int answered = 0;
        int refused = 0;
        for (var reply : replies) {
            var response = reply.join();
            if (response.statusCode() == 200) {
                answered++;
                charged =
                        charged.plus(
                                Credits.parse(
                                        response.headers()
                                                .firstValue("x-ledgerline-cost-credits")
                                                .orElseThrow()));
            } else {
                assertThat(response.statusCode()).isEqualTo(429);
                assertThat(response.body()).contains("insufficient_quota");
                refused++;
            }
        }
        assertThat(answered + refused).isEqualTo(200);
        assertThat(answered).isPositive();
        assertThat(charged.isGreaterThan(budget)).isFalse();

        var pot = registry.byId(created.path("keyId").asText()).budget().get(0);
        assertThat(pot.peakCommitted().isGreaterThan(budget)).isFalse();
        assertThat(pot.held()).isEqualTo(Credits.ZERO);
        assertThat(pot.unbilled()).isEqualTo(charged);
        var remaining = budget.minus(charged).ucr();
        assertThat(
                        api.get("/api/v1/partners/" + partnerId + "/keys")
                                .body()
                                .get(0)
                                .path("remainingUcr")
                                .asLong())
                .isEqualTo(remaining);
    }

    @Test
    void an_abandoned_stream_is_still_charged_for_the_tokens_the_upstream_produced()
            throws Exception {
        var partnerId = newPartner("STARTER", 1_000);
        var created = createPartnerKey(partnerId, partnerKey(10, "gpt-4o-mini"));
        var secret = created.path("secret").asText();
        var body =
                "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"max_tokens\":16,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"[stub:chunk-delay=40] go\"}]}";
        var response =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build()
                        .send(
                                chatRequest(port, secret, body),
                                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("x-ledgerline-cost-credits")).isPresent();
        try (var stream = response.body()) {
            assertThat(stream.read(new byte[64])).isPositive();
        }
        var price = ModelCatalogue.standard().find("gpt-4o-mini").orElseThrow();
        var produced = Rating.platformCost(price, 2, 16);
        var live = registry.byId(created.path("keyId").asText());
        await().atMost(PROJECTION_WAIT).until(() -> live.charged().equals(produced));
        assertThat(live.budget().get(0).held()).isEqualTo(Credits.ZERO);
    }
}

package io.ledgerline.billing.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import io.ledgerline.billing.support.BillingIntegrationTest;
import io.ledgerline.contracts.problem.Refusals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;

/** The price catalogue by partner tier, the R10 billing preview and the usage page's guards. */
class CatalogueApiTest extends BillingIntegrationTest {

    @Autowired TestRestTemplate http;

    @ParameterizedTest(name = "{0} -> {1}, fee {2}%")
    @CsvSource({
        "STARTER, BUDGET,             0",
        "growth,  BUDGET MID,         5",
        "SCALE,   BUDGET MID PREMIUM, 10",
    })
    void R10_the_catalogue_offers_a_partner_tier_only_its_model_bands(
            String tier, String bands, long feePercent) {
        var catalogue = http.getForObject("/api/v1/catalogue?tier=" + tier, JsonNode.class);

        assertThat(catalogue.get("platformFeePercent").asLong()).isEqualTo(feePercent);
        var offered = new ArrayList<String>();
        catalogue.get("models").forEach(model -> offered.add(model.get("tier").asText()));
        assertThat(offered).isNotEmpty().allMatch(bands::contains);
        assertThat(offered.stream().distinct().count()).isEqualTo(bands.split(" ").length);
    }

    @Test
    void an_unknown_tier_is_a_problem() {
        var response = http.getForEntity("/api/v1/catalogue?tier=PLATINUM", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("code").asText()).isEqualTo("UNKNOWN_TIER");
    }

    @Test
    void R10_billing_preview_shows_platform_cost_and_customer_charge() {
        var response =
                preview(
                        """
                {"model":"gpt-4o-mini","tokensIn":1000,"tokensOut":500,
                 "profitMultiplierPercent":150,"aiCreditPriceUcr":2000000,
                 "minCostFloorPerMillionTokensUcr":0}""");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("platformCostUcr").asLong()).isEqualTo(45_000);
        assertThat(response.getBody().get("customerChargeUcr").asLong()).isEqualTo(33_750);
        assertThat(response.getBody().get("tier").asText()).isEqualTo("BUDGET");
    }

    @Test
    void R10_billing_preview_applies_the_minimum_cost_floor() {
        var response =
                preview(
                        """
                {"model":"gpt-4o-mini","tokensIn":1000,"tokensOut":500,
                 "profitMultiplierPercent":150,"aiCreditPriceUcr":1000000,
                 "minCostFloorPerMillionTokensUcr":100000000}""");

        assertThat(response.getBody().get("customerChargeUcr").asLong()).isEqualTo(150_000);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"model\":\"nope\",\"tokensIn\":1}|MODEL_NOT_FOUND",
                "{\"tokensIn\":1}|FIELD_REQUIRED",
                "{\"model\":\"gpt-4o\",\"tokensIn\":-1}|OUT_OF_RANGE",
                "{\"model\":\"gpt-4o\",\"aiCreditPriceUcr\":0}|OUT_OF_RANGE",
                "{\"model\":\"gpt-4o\",\"profitMultiplierPercent\":-10}|OUT_OF_RANGE",
                "[1,2|MALFORMED_JSON",
            })
    void R10_a_bad_billing_preview_request_is_a_problem(String body, String code) {
        var response = preview(body);

        assertThat(response.getStatusCode().value()).isEqualTo(statusOf(code));
        assertThat(response.getHeaders().getContentType())
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("code").asText()).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "customerId=c1&size=0,       INVALID_PAGING",
        "customerId=c1&size=201,     INVALID_PAGING",
        "customerId=c1&page=-1,      INVALID_PAGING",
        "customerId=bad%20id,        INVALID_ID",
        "page=0,                     INVALID_PARAMETER",
    })
    void detailed_usage_refuses_bad_paging(String query, String code) {
        var response = http.getForEntity("/api/v1/usage?" + query, JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(statusOf(code));
        assertThat(response.getBody().get("code").asText()).isEqualTo(code);
    }

    private ResponseEntity<JsonNode> preview(String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(
                "/api/v1/billing-preview", new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static int statusOf(String code) {
        return Refusals.byName(code).orElseThrow().httpStatus();
    }
}

package io.ledgerline.ledger.api;

import static io.ledgerline.ledger.api.LedgerApiClient.newId;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.testsupport.LedgerlineIntegrationTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every kind of bad input gets a 4xx problem with a code, and nothing is appended. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@LedgerlineIntegrationTest
class BadInputTest {

    @Autowired TestRestTemplate http;

    @Autowired JdbcTemplate jdbc;

    LedgerApiClient api;
    String partner;

    @BeforeEach
    void setUp() {
        api = new LedgerApiClient(http);
        partner = api.openFundedPartner(10_000_000);
    }

    @ParameterizedTest(name = "{0} -> {2} {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown account     | /accounts/partner:nobody/credits | {\"commandId\":\"c-1\",\"amountUcr\":5,\"note\":\"n\"}   | 404 | ACCOUNT_NOT_FOUND",
                "negative amount     | /accounts/{p}/credits            | {\"commandId\":\"c-2\",\"amountUcr\":-5,\"note\":\"n\"}  | 422 | AMOUNT_MUST_BE_POSITIVE",
                "zero amount         | /accounts/{p}/deductions         | {\"commandId\":\"c-3\",\"amountUcr\":0,\"reason\":\"r\"} | 422 | AMOUNT_MUST_BE_POSITIVE",
                "overflowing amount  | /accounts/{p}/credits            | {\"commandId\":\"c-4\",\"amountUcr\":99999999999999999999,\"note\":\"n\"} | 400 | MALFORMED_JSON",
                "fractional amount   | /accounts/{p}/credits            | {\"commandId\":\"c-5\",\"amountUcr\":1.5,\"note\":\"n\"} | 400 | MALFORMED_JSON",
                "malformed json      | /accounts/{p}/credits            | {\"commandId\":                                  | 400 | MALFORMED_JSON",
                "missing command id  | /accounts/{p}/credits            | {\"amountUcr\":5,\"note\":\"n\"}                  | 400 | FIELD_REQUIRED",
                "malformed command id| /accounts/{p}/credits            | {\"commandId\":\"a b\",\"amountUcr\":5,\"note\":\"n\"} | 400 | INVALID_ID",
                "missing amount      | /accounts/{p}/credits            | {\"commandId\":\"c-6\",\"note\":\"n\"}                | 400 | FIELD_REQUIRED",
                "malformed account   | /accounts/wallet:x/credits       | {\"commandId\":\"c-7\",\"amountUcr\":5,\"note\":\"n\"} | 400 | INVALID_ID",
                "more than available | /accounts/{p}/deductions         | {\"commandId\":\"c-8\",\"amountUcr\":10000001,\"reason\":\"r\"} | 402 | INSUFFICIENT_CREDITS",
                "unknown reservation | /accounts/{p}/reservations/r-x/release | {\"commandId\":\"c-9\",\"reason\":\"r\"}        | 404 | RESERVATION_NOT_FOUND",
            })
    void bad_input_is_refused_with_a_problem_and_appends_nothing(
            String what, String path, String body, int status, String code) {
        var before =
                jdbc.queryForObject("SELECT count(*) FROM ledger.domain_event_entry", Long.class);
        var uniqueBody = body.replace("\"c-", "\"" + newId("c") + "-");

        var response = api.postRaw(path.replace("{p}", "partner:" + partner), uniqueBody);

        assertThat(response.getStatusCode().value()).as(what).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString())
                .contains("application/problem+json");
        assertThat(response.getBody()).containsEntry("code", code);
        assertThat(
                        jdbc.queryForObject(
                                "SELECT count(*) FROM ledger.domain_event_entry", Long.class))
                .isEqualTo(before);
    }
}

package io.ledgerline.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.notification.support.NotificationIntegrationTest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whatever a client sends, the answer is a 4xx problem with a stable code, never a 5xx. */
class HostileInputTest extends NotificationIntegrationTest {

    private static final String RECIPIENTS = "/api/v1/accounts/customer:hostile/recipients";
    private static final String WEBHOOKS = "/api/v1/partners/hostile/webhooks";

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                "PUT|" + RECIPIENTS + "|{\"emails\":[\"a\\u0000@x.test\"]}|400|INVALID_TEXT",
                "PUT|" + RECIPIENTS + "|{\"emails\":[\"a\\u0007@x.test\"]}|400|INVALID_EMAIL",
                "PUT|" + RECIPIENTS + "|{\"emails\":[\"not-an-address\"]}|400|INVALID_EMAIL",
                "PUT|" + RECIPIENTS + "|{\"emails\":[]} trailing|400|MALFORMED_JSON",
                "PUT|" + RECIPIENTS + "|{\"emails\":[]}{}|400|MALFORMED_JSON",
                "PUT|" + RECIPIENTS + "|{\"emails\":\"a@x.test\"}|400|MALFORMED_JSON",
                "PUT|" + RECIPIENTS + "|{\"emails\":[],\"emails\":[]}|400|MALFORMED_JSON",
                "PUT|"
                        + RECIPIENTS
                        + "|{\"emails\":[],\"reserveWarningCredits\":-1}|422|OUT_OF_RANGE",
                "PUT|"
                        + RECIPIENTS
                        + "|{\"emails\":[],\"reserveWarningCredits\":99999999999999999999999}"
                        + "|400|MALFORMED_JSON",
                "PUT|"
                        + RECIPIENTS
                        + "|{\"emails\":[],\"reserveWarningCredits\":9223372036854775807}"
                        + "|422|OUT_OF_RANGE",
                "PUT|"
                        + RECIPIENTS
                        + "|{\"emails\":[],\"reserveWarningCredits\":\"5\"}|400|MALFORMED_JSON",
                "PUT|"
                        + RECIPIENTS
                        + "|{\"emails\":[],\"reserveWarningCredits\":1.5}|400|MALFORMED_JSON",
                "PUT|" + RECIPIENTS + "|{\"emails\":[],\"runOutAlertDays\":0}|422|OUT_OF_RANGE",
                "PUT|"
                        + RECIPIENTS
                        + "|{\"emails\":[],\"alerts\":[\"NOPE\"]}|400|UNKNOWN_ALERT_KIND",
                "PUT|" + RECIPIENTS + "|{}|400|FIELD_REQUIRED",
                "PUT|" + RECIPIENTS + "|[]|400|MALFORMED_JSON",
                "PUT|" + RECIPIENTS + "|null|400|MALFORMED_JSON",
                "PUT|/api/v1/accounts/nobody/recipients|{\"emails\":[]}|400|INVALID_ID",
                "PUT|/api/v1/accounts/customer:a%07b/recipients|{\"emails\":[]}|400|INVALID_ID",
                "POST|" + WEBHOOKS + "|{\"url\":\"https://10.0.0.1/x\"}|422|WEBHOOK_URL_REFUSED",
                "POST|"
                        + WEBHOOKS
                        + "|{\"url\":\"https://169.254.169.254/\"}|422|WEBHOOK_URL_REFUSED",
                "POST|" + WEBHOOKS + "|{\"url\":\"javascript:alert(1)\"}|400|WEBHOOK_URL_INVALID",
                "POST|" + WEBHOOKS + "|{\"url\":\"\\u0000\"}|400|INVALID_TEXT",
                "POST|" + WEBHOOKS + "|{\"url\":17}|400|MALFORMED_JSON",
                "POST|" + WEBHOOKS + "|{}|400|WEBHOOK_URL_INVALID",
                "POST|/api/v1/partners/hostile/webhooks/none/deliveries/x/replay||404|WEBHOOK_NOT_FOUND",
                "GET|/api/v1/partners/hostile/webhooks/none/deliveries?limit=9999||400|INVALID_PAGING",
                "GET|/api/v1/accounts/customer:hostile/feed?size=abc||400|INVALID_PARAMETER",
                "GET|/api/v1/accounts/customer:hostile/feed?before=99999999999999999999||400"
                        + "|INVALID_PARAMETER",
                "POST|/api/v1/accounts/customer:hostile/feed/123/read||404|FEED_ITEM_NOT_FOUND",
                "GET|/api/v1/accounts/customer:never-seen/forecast||404|ACCOUNT_NOT_KNOWN",
                "DELETE|" + RECIPIENTS + "||405|METHOD_NOT_ALLOWED",
                "GET|/api/v1/nothing-here||404|ROUTE_NOT_FOUND"
            })
    void hostile_input_is_a_4xx_problem(
            String method, String path, String body, int status, String code) {
        var response = call(method, path, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"" + code + "\"");
    }
}

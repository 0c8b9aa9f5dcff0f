package io.ledgerline.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.contracts.problem.NotificationRefusal;
import io.ledgerline.contracts.problem.Refused;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which webhook URLs are refused, with and without the development switch. */
class UrlPolicyTest {

    private final UrlPolicy production = new UrlPolicy(false);
    private final UrlPolicy development = new UrlPolicy(true);

    @ParameterizedTest
    @CsvSource({
        "https://127.0.0.1/hook, WEBHOOK_URL_REFUSED",
        "https://localhost/hook, WEBHOOK_URL_REFUSED",
        "https://10.1.2.3/hook, WEBHOOK_URL_REFUSED",
        "https://172.16.0.1/hook, WEBHOOK_URL_REFUSED",
        "https://192.168.1.1/hook, WEBHOOK_URL_REFUSED",
        "https://169.254.169.254/latest/meta-data, WEBHOOK_URL_REFUSED",
        "https://100.64.0.1/hook, WEBHOOK_URL_REFUSED",
        "https://0.0.0.0/hook, WEBHOOK_URL_REFUSED",
        "https://[::1]/hook, WEBHOOK_URL_REFUSED",
        "https://[fd00::1]/hook, WEBHOOK_URL_REFUSED",
        "https://[fe80::1]/hook, WEBHOOK_URL_REFUSED",
        "https://[::ffff:10.0.0.1]/hook, WEBHOOK_URL_REFUSED",
        "http://93.184.216.34/hook, WEBHOOK_URL_INVALID",
        "ftp://93.184.216.34/hook, WEBHOOK_URL_INVALID",
        "https://user:pw@93.184.216.34/hook, WEBHOOK_URL_INVALID",
        "not a url, WEBHOOK_URL_INVALID",
        "/relative, WEBHOOK_URL_INVALID"
    })
    void production_refuses(String url, NotificationRefusal code) {
        assertThatThrownBy(() -> production.check(url))
                .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.code()).isEqualTo(code));
    }

    @ParameterizedTest
    @CsvSource({
        "http://127.0.0.1:9/hook, ",
        "https://10.1.2.3/hook, WEBHOOK_URL_REFUSED",
        "http://169.254.169.254/, WEBHOOK_URL_REFUSED"
    })
    void development_allows_loopback_only(String url, NotificationRefusal code) {
        if (code == null) {
            assertThat(development.check(url).getHost()).isEqualTo("127.0.0.1");
        } else {
            assertThatThrownBy(() -> development.check(url))
                    .isInstanceOfSatisfying(
                            Refused.class, r -> assertThat(r.code()).isEqualTo(code));
        }
    }

    @ParameterizedTest
    @CsvSource({"https://93.184.216.34/hook", "https://[2606:4700::1111]/hook"})
    void a_public_https_address_passes(String url) {
        assertThat(production.check(url).getScheme()).isEqualTo("https");
    }
}

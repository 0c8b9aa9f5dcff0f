package io.ledgerline.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.portal.support.PortalTestBase;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The SPA (module portal-spa) as people use it, in a real headless Chromium: Debian's {@code
 * /usr/bin/chromium}, driven by playwright-core from portal-spa's {@code e2e/portal.e2e.mjs}
 * against this BFF on its fake ledger, gateway and notification feed. A partner signs in, sees the
 * bell's unread count, opens the notification panel and marks all read, opens a customer's Credits
 * panel, adds credits and sees the new balance and history row; a customer opens the AI Gateway,
 * generates a key (secret shown once) and revokes it, buys a credit plan with a test card and sees
 * its AI credits rise (on {@code FakeBilling}), opens a conversation's cost lines and Detailed
 * Usage; the menu, the bell and Billing & Payments at phone width. Every state-changing request
 * must carry the CSRF header. Screenshots land in {@code target/browser-screenshots}.
 *
 * <p>It needs Chromium ({@code ./ledgerline test} installs Debian's package when it is missing) and
 * portal-spa's node_modules (its build installs them). {@code -Dportal.browser.skip=true} skips it
 * on a machine without a browser.
 */
class PortalInBrowserTest extends PortalTestBase {

    private static final Path SPA = Path.of("..", "portal-spa").toAbsolutePath().normalize();
    private static final String CHROMIUM =
            System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

    @BeforeEach
    void liveLedger() {
        DOWNSTREAM.live("customer:bistro");
    }

    @Test
    void partner_adds_credits_and_customer_manages_gateway_keys_in_chromium() throws Exception {
        Assumptions.assumeFalse(
                Boolean.getBoolean("portal.browser.skip"), "portal.browser.skip is set");
        assertThat(Path.of(CHROMIUM))
                .as("Chromium for the browser test (apt-get install chromium)")
                .isExecutable();
        assertThat(SPA.resolve("node_modules/playwright-core"))
                .as("portal-spa's node_modules (built with -am, or npm ci in portal-spa)")
                .isDirectory();

        var screenshots = Path.of("target", "browser-screenshots").toAbsolutePath();
        var log = Files.createDirectories(Path.of("target")).resolve("browser-test.log");
        var browser =
                new ProcessBuilder("node", "e2e/portal.e2e.mjs")
                        .directory(SPA.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        browser.environment().put("PORTAL_URL", "http://127.0.0.1:" + port);
        browser.environment().put("SCREENSHOT_DIR", screenshots.toString());
        browser.environment().put("CHROMIUM", CHROMIUM);
        browser.environment().put("PORTAL_PASSWORD", PASSWORD);
        browser.environment().put("EXPECT_UNREAD", "2");
        var process = browser.start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(4, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        var output = read(log);
        assertThat(finished).as("the browser test finished in time:\n%s", output).isTrue();
        assertThat(process.exitValue()).as("browser test output:\n%s", output).isZero();
        assertThat(screenshots.resolve("02-partner-credits-added.png")).exists();
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}

package io.ledgerline.portal.session;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How many sign-in attempts are taken: per account (the e-mail typed, known or not) and per client
 * address. A failed attempt uses one up; they come back evenly over {@code per}; a successful one
 * ends the account's run of failures and gives the address its attempt back.
 */
@ConfigurationProperties("ledgerline.portal.sign-in")
record SignInLimits(Limit perAccount, Limit perAddress, int rememberedAtMost) {

    record Limit(int attempts, Duration per) {}
}

package io.ledgerline.notification.forecast;

import io.ledgerline.contracts.money.Credits;

import java.time.LocalDate;

/** Credits an account spent on one UTC day (usage and reservations, net of releases). */
public record SpendDay(LocalDate day, Credits spentUcr) {}

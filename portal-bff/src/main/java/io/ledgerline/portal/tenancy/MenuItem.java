package io.ledgerline.portal.tenancy;

/** One sidebar entry; {@code section} groups entries under a heading. */
public record MenuItem(String id, String label, String section) {}

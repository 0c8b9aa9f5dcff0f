package io.ledgerline.ledger.history;

import io.ledgerline.contracts.problem.CommonRefusal;

/** A page of a list, newest first; the page size is bounded so no query reads without limit. */
record Paging(int page, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_PAGE = 1_000_000;

    static Paging parse(String page, String size, int maxSize) {
        int pageNumber = parse(page, 0, "page");
        int pageSize = parse(size, DEFAULT_SIZE, "size");
        if (pageNumber < 0 || pageNumber > MAX_PAGE) {
            throw QueryRejected.field(
                    CommonRefusal.INVALID_PAGING,
                    "page",
                    "page must be between 0 and " + MAX_PAGE + ": " + page);
        }
        if (pageSize < 1 || pageSize > maxSize) {
            throw QueryRejected.field(
                    CommonRefusal.INVALID_PAGING,
                    "size",
                    "size must be between 1 and " + maxSize + ": " + size);
        }
        return new Paging(pageNumber, pageSize);
    }

    private static int parse(String value, int fallback, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw QueryRejected.field(
                    CommonRefusal.INVALID_PAGING, name, name + " must be a whole number: " + value);
        }
    }

    long offset() {
        return (long) page * size;
    }
}

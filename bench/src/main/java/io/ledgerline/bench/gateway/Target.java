package io.ledgerline.bench.gateway;

/** Where a phase sends its requests and the prepared bytes it sends. */
record Target(String name, String host, int port, byte[] request) {}

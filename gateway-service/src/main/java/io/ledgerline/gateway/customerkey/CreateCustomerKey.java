package io.ledgerline.gateway.customerkey;

import java.util.List;

/** The body that creates a self-service key. */
record CreateCustomerKey(String commandId, String name, List<String> allowedModels) {}

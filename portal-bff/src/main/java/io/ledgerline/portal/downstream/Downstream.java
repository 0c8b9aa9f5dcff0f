package io.ledgerline.portal.downstream;

import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import java.util.function.Function;

/** A downstream service: its client, and "not reachable" as a problem, not a stack trace. */
record Downstream(String service, RestClient rest) {

    <T> T call(Function<RestClient, T> request) {
        try {
            return request.apply(rest);
        } catch (ResourceAccessException e) {
            throw DownstreamProblems.unavailable(service);
        }
    }
}

package io.ledgerline.gateway.upstream;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * The upstream providers: OpenAI-style base URL + API key, and the models each serves (empty: any
 * model). The first provider that lists a model serves it.
 */
@ConfigurationProperties("ledgerline.gateway.upstream")
public record UpstreamProperties(
        List<Provider> providers, Duration responseTimeout, Integer maxConnections) {

    public record Provider(String name, String baseUrl, String apiKey, List<String> models) {

        public boolean serves(String model) {
            return models == null || models.isEmpty() || models.contains(model);
        }

        @Override
        public String toString() {
            return "Provider[" + name + ", " + baseUrl + "]";
        }
    }
}

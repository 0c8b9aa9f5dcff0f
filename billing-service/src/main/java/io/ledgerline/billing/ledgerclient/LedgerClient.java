package io.ledgerline.billing.ledgerclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.ledgerline.contracts.json.ContractJson;
import io.ledgerline.contracts.ledger.command.LedgerCommand;
import io.ledgerline.websecurity.ServiceTokens;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends usage commands to the ledger's batch endpoint ({@code POST /batches}, docs/ledger-api.md).
 * Every command carries a commandId the caller derives from the usage, so sending it again is
 * harmless: the ledger answers a repeated commandId with its first answer. Each request carries
 * billing's own service token (client {@code billing}; its scopes are in application.yml).
 */
@Component
@EnableConfigurationProperties(LedgerProperties.class)
public class LedgerClient {

    /** The ledger takes at most this many commands in one batch. */
    public static final int MAX_BATCH_COMMANDS = 1_000;

    static final String BATCHES_PATH = "/batches";
    private static final String POSTED = "POSTED";

    private final RestClient http;
    private final ObjectMapper json;

    public LedgerClient(
            LedgerProperties properties,
            ObjectMapper json,
            ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientService authorizedClients) {
        var client =
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofMillis(properties.connectTimeoutMs()))
                        .build();
        var requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(Duration.ofMillis(properties.readTimeoutMs()));
        this.http =
                RestClient.builder()
                        .baseUrl(properties.url())
                        .requestFactory(requests)
                        .requestInterceptor(
                                ServiceTokens.interceptor(registrations, authorizedClients))
                        .build();
        this.json = json;
    }

    /**
     * Reads from the ledger's query API ({@code ledger.read}), e.g. {@code
     * /accounts/customer:c/history?page=0&size=20}; an unreachable ledger is {@link
     * LedgerUnavailableException}.
     */
    public JsonNode read(String path, Object... uriVariables) {
        try {
            return http.get().uri(path, uriVariables).retrieve().body(JsonNode.class);
        } catch (org.springframework.web.client.RestClientException
                | OAuth2AuthorizationException e) {
            throw new LedgerUnavailableException(
                    "the ledger could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Submits the commands ({@code MeterUsage}, {@code SettleReservation}, ...) in as few batches
     * as the ledger's limit allows and returns its answers in the same order.
     */
    public List<LedgerAnswer> submit(List<? extends LedgerCommand> commands) {
        var answers = new ArrayList<LedgerAnswer>(commands.size());
        for (int from = 0; from < commands.size(); from += MAX_BATCH_COMMANDS) {
            int to = Math.min(commands.size(), from + MAX_BATCH_COMMANDS);
            answers.addAll(submitBatch(commands.subList(from, to)));
        }
        return answers;
    }

    /**
     * The ledger refuses a whole batch (400) when one command of it is malformed. Halving the batch
     * until that command stands alone gives it its own refusal, as a single command would get, and
     * the others their answers.
     */
    private List<LedgerAnswer> submitBatch(List<? extends LedgerCommand> batch) {
        var reply = post(batch);
        if (reply.answers() != null) {
            return reply.answers();
        }
        if (batch.size() == 1) {
            return List.of(LedgerAnswer.refused(batch.get(0).commandId(), reply.refusal()));
        }
        int half = batch.size() / 2;
        var answers = new ArrayList<>(submitBatch(batch.subList(0, half)));
        answers.addAll(submitBatch(batch.subList(half, batch.size())));
        return answers;
    }

    private record Reply(List<LedgerAnswer> answers, String refusal) {}

    private Reply post(List<? extends LedgerCommand> batch) {
        var body = json.createObjectNode();
        ArrayNode commands = body.putArray("commands");
        for (var command : batch) {
            commands.addObject()
                    .put("type", command.getClass().getSimpleName())
                    .setAll(ContractJson.mapper().<ObjectNode>valueToTree(command));
        }
        try {
            return http.post()
                    .uri(BATCHES_PATH)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange(
                            (request, response) ->
                                    reply(
                                            batch,
                                            response.getStatusCode(),
                                            response.getBody().readAllBytes()));
        } catch (ResourceAccessException e) {
            throw new LedgerUnavailableException(
                    "ledger unreachable for a batch of " + batch.size(), e);
        } catch (OAuth2AuthorizationException e) {
            // Without a token the ledger cannot be asked: like its outage, this waits, it is no
            // refusal of the usage.
            throw new LedgerUnavailableException(
                    "no token for the ledger for a batch of " + batch.size(), e);
        }
    }

    /** Anything but an answer or a refusal of the batch (5xx, 429, 408, ...) means "not now". */
    private Reply reply(List<? extends LedgerCommand> batch, HttpStatusCode status, byte[] body)
            throws IOException {
        if (status.value() == HttpStatus.BAD_REQUEST.value()) {
            return new Reply(null, codeOf(body, status));
        }
        if (!status.is2xxSuccessful()) {
            throw new LedgerUnavailableException(
                    "ledger answered " + status.value() + " to a batch of " + batch.size());
        }
        var results = json.readTree(body).path("results");
        if (results.size() != batch.size()) {
            throw new LedgerUnavailableException(
                    "ledger answered " + results.size() + " results to " + batch.size());
        }
        var answers = new ArrayList<LedgerAnswer>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            answers.add(answer(batch.get(i).commandId(), results.get(i)));
        }
        return new Reply(answers, null);
    }

    private static LedgerAnswer answer(String commandId, JsonNode result) {
        if (POSTED.equals(result.path("outcome").asText())) {
            return LedgerAnswer.posted(commandId);
        }
        return LedgerAnswer.refused(commandId, result.path("rejection").asText("REFUSED"));
    }

    private String codeOf(byte[] body, HttpStatusCode status) {
        try {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.hasNonNull("code")) {
                return problem.get("code").asText();
            }
        } catch (IOException e) {
            // A 400 without a readable problem body is still a refusal; its status is the code.
        }
        return "HTTP_" + status.value();
    }
}

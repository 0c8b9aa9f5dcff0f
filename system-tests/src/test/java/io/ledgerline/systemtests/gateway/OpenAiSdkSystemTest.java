package io.ledgerline.systemtests.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.BadRequestException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.models.Model;

import io.ledgerline.contracts.money.Credits;
import io.ledgerline.systemtests.support.GatewayApi;
import io.ledgerline.systemtests.support.RunningStack;
import io.ledgerline.systemtests.support.Tenants;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The official OpenAI Java SDK pointed at the running gateway with a real virtual key created
 * through the gateway's management API: the calls a developer makes, and the errors they get.
 */
class OpenAiSdkSystemTest {

    private static final String CHAT_MODEL = "gpt-4o-mini";
    private static final String EMBEDDING_MODEL = "text-embedding-3-small";

    /** In the partner's tier (STARTER: budget models) but not on the key. */
    private static final String MODEL_NOT_ON_KEY = "gpt-4.1-nano";

    private static RunningStack stack;
    private static String partnerId;
    private static String secret;

    @BeforeAll
    static void createKey() {
        stack = RunningStack.get();
        partnerId = new Tenants(stack).partner("STARTER", 2_000);
        var created =
                new Tenants(stack)
                        .partnerKey(
                                partnerId,
                                Credits.ofCredits(100),
                                List.of(CHAT_MODEL, EMBEDDING_MODEL));
        secret = GatewayApi.secretOf(created);
    }

    private static OpenAIClient client(String apiKey) {
        // No retries: a refusal must reach the test as the gateway answered it.
        return OpenAIOkHttpClient.builder()
                .apiKey(apiKey)
                .baseUrl(stack.gateway().baseUrl() + "/v1")
                .maxRetries(0)
                .build();
    }

    private static ChatCompletionCreateParams.Builder chat(String model) {
        return ChatCompletionCreateParams.builder()
                .model(model)
                .addUserMessage("Write one sentence about double-entry bookkeeping.")
                .maxCompletionTokens(32);
    }

    @Test
    void chat_completion_answers_with_usage_a_request_id_and_its_cost() {
        var raw =
                client(secret)
                        .chat()
                        .completions()
                        .withRawResponse()
                        .create(chat(CHAT_MODEL).build());

        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().values(GatewayApi.REQUEST_ID))
                .singleElement()
                .asString()
                .isNotBlank();
        assertThat(Credits.parse(raw.headers().values(GatewayApi.COST).get(0)).isPositive())
                .isTrue();
        var completion = raw.parse();
        assertThat(completion.choices()).isNotEmpty();
        assertThat(completion.choices().get(0).message().content())
                .hasValueSatisfying(text -> assertThat(text).isNotBlank());
        assertThat(completion.usage())
                .hasValueSatisfying(usage -> assertThat(usage.completionTokens()).isPositive());
    }

    @Test
    void streaming_chat_delivers_chunks_and_usage_in_the_final_chunk() {
        var params =
                chat(CHAT_MODEL)
                        .streamOptions(
                                ChatCompletionStreamOptions.builder().includeUsage(true).build())
                        .build();
        var chunks = new ArrayList<ChatCompletionChunk>();
        try (var stream = client(secret).chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunks::add);
        }

        var text = new StringBuilder();
        chunks.forEach(
                chunk ->
                        chunk.choices()
                                .forEach(
                                        choice ->
                                                choice.delta().content().ifPresent(text::append)));
        assertThat(text.toString()).isNotBlank();
        assertThat(chunks.get(chunks.size() - 1).usage())
                .hasValueSatisfying(usage -> assertThat(usage.completionTokens()).isPositive());
    }

    @Test
    void embeddings_answer_one_vector_per_input() {
        var embeddings =
                client(secret)
                        .embeddings()
                        .create(
                                EmbeddingCreateParams.builder()
                                        .model(EMBEDDING_MODEL)
                                        .input("credits and reservations")
                                        .encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT)
                                        .build());

        assertThat(embeddings.data()).hasSize(1);
        assertThat(embeddings.data().get(0).embedding()).isNotEmpty();
    }

    @Test
    void models_lists_only_the_keys_allowed_models() {
        var models = client(secret).models().list().data().stream().map(Model::id).toList();

        assertThat(models).containsExactlyInAnyOrder(CHAT_MODEL, EMBEDDING_MODEL);
    }

    @Test
    void an_unknown_key_is_refused_with_401() {
        assertThatThrownBy(
                        () ->
                                client("sk-ll-not-a-real-key")
                                        .chat()
                                        .completions()
                                        .create(chat(CHAT_MODEL).build()))
                .isInstanceOfSatisfying(
                        UnauthorizedException.class,
                        e -> assertThat(e.code()).hasValue("invalid_api_key"));
    }

    @Test
    void a_model_the_key_may_not_use_is_refused_with_403() {
        assertThatThrownBy(
                        () ->
                                client(secret)
                                        .chat()
                                        .completions()
                                        .create(chat(MODEL_NOT_ON_KEY).build()))
                .isInstanceOfSatisfying(
                        PermissionDeniedException.class,
                        e -> assertThat(e.code()).hasValue("model_not_allowed"));
    }

    @Test
    void a_malformed_request_is_refused_with_400() {
        assertThatThrownBy(
                        () ->
                                client(secret)
                                        .chat()
                                        .completions()
                                        .create(chat(CHAT_MODEL).maxCompletionTokens(-1).build()))
                .isInstanceOf(BadRequestException.class);
    }

    @Test
    void a_key_without_budget_for_the_request_is_refused_with_insufficient_quota() {
        var tiny =
                new Tenants(stack).partnerKey(partnerId, Credits.ofMicros(1), List.of(CHAT_MODEL));

        assertThatThrownBy(
                        () ->
                                client(GatewayApi.secretOf(tiny))
                                        .chat()
                                        .completions()
                                        .create(chat(CHAT_MODEL).build()))
                .isInstanceOfSatisfying(
                        OpenAIServiceException.class,
                        e -> {
                            assertThat(e.statusCode()).isIn(402, 429);
                            assertThat(e.code()).hasValue("insufficient_quota");
                        });
    }

    @Test
    void a_request_from_a_domain_the_key_does_not_allow_is_refused_with_403() {
        var created =
                new Tenants(stack)
                        .partnerKey(
                                partnerId,
                                Credits.ofCredits(1),
                                List.of(CHAT_MODEL),
                                Map.of("allowedDomains", List.of("app.example.com")));
        var secret = GatewayApi.secretOf(created);
        var allowed =
                OpenAIOkHttpClient.builder()
                        .apiKey(secret)
                        .baseUrl(stack.gateway().baseUrl() + "/v1")
                        .maxRetries(0)
                        .putHeader("Origin", "https://app.example.com")
                        .build();
        var other =
                OpenAIOkHttpClient.builder()
                        .apiKey(secret)
                        .baseUrl(stack.gateway().baseUrl() + "/v1")
                        .maxRetries(0)
                        .putHeader("Origin", "https://elsewhere.example.org")
                        .build();

        assertThat(allowed.chat().completions().create(chat(CHAT_MODEL).build()).choices())
                .isNotEmpty();
        assertThatThrownBy(() -> other.chat().completions().create(chat(CHAT_MODEL).build()))
                .isInstanceOfSatisfying(
                        PermissionDeniedException.class,
                        e -> assertThat(e.code()).hasValue("domain_not_allowed"));
    }

    @Test
    void requests_beyond_the_keys_rate_limit_are_refused_with_429() {
        var created =
                new Tenants(stack)
                        .partnerKey(
                                partnerId,
                                Credits.ofCredits(1),
                                List.of(CHAT_MODEL),
                                Map.of("requestsPerMinute", 1));
        var limited = client(GatewayApi.secretOf(created));

        assertThat(limited.chat().completions().create(chat(CHAT_MODEL).build()).choices())
                .isNotEmpty();
        assertThatThrownBy(() -> limited.chat().completions().create(chat(CHAT_MODEL).build()))
                .isInstanceOfSatisfying(
                        RateLimitException.class,
                        e -> assertThat(e.code()).hasValue("rate_limit_exceeded"));
    }

    @Test
    void a_revoked_key_is_refused_with_401() {
        var created =
                new Tenants(stack).partnerKey(partnerId, Credits.ofCredits(1), List.of(CHAT_MODEL));
        var revoked = stack.gatewayApi().revokePartnerKey(partnerId, GatewayApi.keyIdOf(created));
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);

        assertThatThrownBy(
                        () ->
                                client(GatewayApi.secretOf(created))
                                        .chat()
                                        .completions()
                                        .create(chat(CHAT_MODEL).build()))
                .isInstanceOf(UnauthorizedException.class);
    }
}

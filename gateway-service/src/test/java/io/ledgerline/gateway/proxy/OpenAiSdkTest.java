package io.ledgerline.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.EmbeddingCreateParams;

import io.ledgerline.contracts.rating.ModelCatalogue;
import io.ledgerline.contracts.rating.Rating;
import io.ledgerline.gateway.livekey.KeyRegistry;
import io.ledgerline.gateway.support.GatewayTestBase;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The official OpenAI Java SDK against the running gateway, for answers and for every refusal. */
class OpenAiSdkTest extends GatewayTestBase {

    static final ModelCatalogue CATALOGUE = ModelCatalogue.standard();
    @Autowired KeyRegistry registry;
    String partnerId;
    String key;

    @BeforeEach
    void partnerWithKey() {
        partnerId = newPartner("SCALE", 100_000);
        key =
                createPartnerKey(
                                partnerId,
                                partnerKey(1_000, "gpt-4o-mini", "text-embedding-3-small"))
                        .path("secret")
                        .asText();
    }

    @Test
    void chat_completion_answers_and_reports_request_id_and_cost() {
        var params =
                ChatCompletionCreateParams.builder()
                        .model("gpt-4o-mini")
                        .addUserMessage("say hello to the gateway")
                        .maxCompletionTokens(3)
                        .build();
        try (var raw = api.sdk(key).chat().completions().withRawResponse().create(params)) {
            var completion = raw.parse();
            assertThat(completion.choices().get(0).message().content()).hasValue("say hello to");
            var usage = completion.usage().orElseThrow();
            assertThat(usage.promptTokens()).isEqualTo(5);
            assertThat(usage.completionTokens()).isEqualTo(3);
            assertThat(raw.headers().values("x-request-id").get(0)).startsWith("req_");
            var expected = Rating.platformCost(CATALOGUE.find("gpt-4o-mini").orElseThrow(), 5, 3);
            assertThat(raw.headers().values("x-ledgerline-cost-credits"))
                    .containsExactly(expected.toDecimalString());
        }
    }

    @Test
    void streaming_passes_chunks_through_with_usage_in_the_final_chunk() {
        var params =
                ChatCompletionCreateParams.builder()
                        .model("gpt-4o-mini")
                        .addUserMessage("one two three four")
                        .maxCompletionTokens(4)
                        .build();
        var chunks = new ArrayList<ChatCompletionChunk>();
        try (var stream = api.sdk(key).chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunks::add);
        }
        var text = new StringBuilder();
        chunks.forEach(
                chunk ->
                        chunk.choices()
                                .forEach(
                                        choice ->
                                                choice.delta().content().ifPresent(text::append)));
        assertThat(text.toString()).isEqualTo("one two three four");
        var usage = chunks.get(chunks.size() - 1).usage().orElseThrow();
        assertThat(usage.promptTokens()).isEqualTo(4);
        assertThat(usage.completionTokens()).isEqualTo(4);
    }

    @Test
    void embeddings_and_models_only_the_keys_models() {
        var embedding =
                api.sdk(key)
                        .embeddings()
                        .create(
                                EmbeddingCreateParams.builder()
                                        .model("text-embedding-3-small")
                                        .input("embed these words")
                                        .build());
        assertThat(embedding.data()).hasSize(1);
        assertThat(embedding.usage().promptTokens()).isEqualTo(3);

        var models = api.sdk(key).models().list().data().stream().map(m -> m.id()).toList();
        assertThat(models).containsExactlyInAnyOrder("gpt-4o-mini", "text-embedding-3-small");
        assertThat(
                        api.sdk(key)
                                .models()
                                .retrieve(
                                        com.openai.models.models.ModelRetrieveParams.builder()
                                                .model("gpt-4o-mini")
                                                .build())
                                .id())
                .isEqualTo("gpt-4o-mini");
    }

    @Test
    void unknown_or_garbled_key_is_401_invalid_api_key() {
        var e =
                catchThrowableOfType(
                        UnauthorizedException.class,
                        () ->
                                api.sdk("llk_not-a-real-key")
                                        .chat()
                                        .completions()
                                        .create(hello("gpt-4o-mini")));
        assertThat(e.statusCode()).isEqualTo(401);
        assertThat(e.code()).hasValue("invalid_api_key");
        var garbled =
                catchThrowableOfType(
                        UnauthorizedException.class, () -> api.sdk("sk-garbled").models().list());
        assertThat(garbled.statusCode()).isEqualTo(401);
    }

    @Test
    void model_outside_the_key_is_403_and_unknown_model_is_404() {
        var notAllowed =
                catchThrowableOfType(
                        PermissionDeniedException.class,
                        () -> api.sdk(key).chat().completions().create(hello("gpt-4o")));
        assertThat(notAllowed.code()).hasValue("model_not_allowed");
        var unknown =
                catchThrowableOfType(
                        NotFoundException.class,
                        () -> api.sdk(key).chat().completions().create(hello("no-such-model")));
        assertThat(unknown.code()).hasValue("model_not_found");
    }

    @Test
    void origin_outside_the_allowed_domains_is_403() {
        var body = partnerKey(100, "gpt-4o-mini");
        body.put("allowedDomains", List.of("example.com"));
        var domainKey = createPartnerKey(partnerId, body).path("secret").asText();

        var refused =
                catchThrowableOfType(
                        PermissionDeniedException.class,
                        () ->
                                api.sdk(domainKey)
                                        .chat()
                                        .completions()
                                        .create(
                                                hello("gpt-4o-mini").toBuilder()
                                                        .putAdditionalHeader(
                                                                "Origin", "https://evil.test")
                                                        .build()));
        assertThat(refused.code()).hasValue("domain_not_allowed");
        var allowed =
                api.sdk(domainKey)
                        .chat()
                        .completions()
                        .create(
                                hello("gpt-4o-mini").toBuilder()
                                        .putAdditionalHeader("Origin", "https://app.example.com")
                                        .build());
        assertThat(allowed.choices()).hasSize(1);
    }

    @Test
    void requests_beyond_the_rate_limit_are_429_rate_limit_exceeded() {
        var body = partnerKey(100, "gpt-4o-mini");
        body.put("requestsPerMinute", 1);
        var limited = createPartnerKey(partnerId, body).path("secret").asText();
        api.sdk(limited).chat().completions().create(hello("gpt-4o-mini"));
        var e =
                catchThrowableOfType(
                        RateLimitException.class,
                        () -> api.sdk(limited).chat().completions().create(hello("gpt-4o-mini")));
        assertThat(e.code()).hasValue("rate_limit_exceeded");
    }

    @Test
    void a_request_the_budget_cannot_cover_is_429_insufficient_quota() {
        var tiny = partnerKey(1, "gpt-4o-mini");
        tiny.put("budgetUcr", 1);
        var poor = createPartnerKey(partnerId, tiny).path("secret").asText();
        var e =
                catchThrowableOfType(
                        RateLimitException.class,
                        () -> api.sdk(poor).chat().completions().create(hello("gpt-4o-mini")));
        assertThat(e.code()).hasValue("insufficient_quota");
        assertThat(e.type()).hasValue("insufficient_quota");
    }

    @Test
    void malformed_and_oversized_bodies_are_400() {
        var negative =
                catchThrowableOfType(
                        BadRequestException.class,
                        () ->
                                api.sdk(key)
                                        .chat()
                                        .completions()
                                        .create(
                                                ChatCompletionCreateParams.builder()
                                                        .model("gpt-4o-mini")
                                                        .addUserMessage("hi")
                                                        .maxTokens(-5)
                                                        .build()));
        assertThat(negative.param()).hasValue("max_tokens");

        var huge = "word ".repeat(300_000);
        var oversized =
                catchThrowableOfType(
                        BadRequestException.class,
                        () ->
                                api.sdk(key)
                                        .chat()
                                        .completions()
                                        .create(
                                                ChatCompletionCreateParams.builder()
                                                        .model("gpt-4o-mini")
                                                        .addUserMessage(huge)
                                                        .build()));
        assertThat(oversized.statusCode()).isEqualTo(400);

        var garbage = api.openAi("/v1/chat/completions", key, "{not json", Map.of());
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body().at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(garbage.header("x-request-id")).startsWith("req_");
        assertThat(garbage.header("x-ledgerline-cost-credits")).isEqualTo("0.000000");
    }

    @Test
    void max_tokens_of_long_max_is_400_invalid_request_and_nothing_is_charged_or_held() {
        for (var field : List.of("max_tokens", "max_completion_tokens")) {
            var body =
                    "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\","
                            + "\"content\":\"hi\"}],\""
                            + field
                            + "\":"
                            + Long.MAX_VALUE
                            + "}";
            var reply = api.openAi("/v1/chat/completions", key, body, Map.of());

            assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
            assertThat(reply.body().at("/error/type").asText()).isEqualTo("invalid_request_error");
            assertThat(reply.body().at("/error/code").asText()).isEqualTo("invalid_request");
            assertThat(reply.body().at("/error/param").asText()).isEqualTo(field);
            assertThat(reply.header("x-ledgerline-cost-credits")).isEqualTo("0.000000");
        }
        assertNothingChargedOrHeld();
    }

    @Test
    void trailing_content_or_a_second_object_after_the_body_is_400_and_nothing_is_charged() {
        var one = chat("gpt-4o-mini", "hi", 4);
        for (var body : List.of(one + " trailing", one + one, one + "\n{\"model\":\"gpt-4o\"}")) {
            var reply = api.openAi("/v1/chat/completions", key, body, Map.of());

            assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
            assertThat(reply.body().at("/error/type").asText()).isEqualTo("invalid_request_error");
            assertThat(reply.body().at("/error/code").asText()).isEqualTo("invalid_request");
            assertThat(reply.header("x-ledgerline-cost-credits")).isEqualTo("0.000000");
        }
        var embeddings =
                api.openAi(
                        "/v1/embeddings",
                        key,
                        "{\"model\":\"text-embedding-3-small\",\"input\":\"a\"}{}",
                        Map.of());
        assertThat(embeddings.status()).isEqualTo(400);
        assertNothingChargedOrHeld();
    }

    @Test
    void wrong_types_and_non_object_bodies_are_400_and_nothing_is_charged() {
        var ok = chat("gpt-4o-mini", "hi", 4);
        var bodies =
                List.of(
                        "[]",
                        "\"text\"",
                        "null",
                        ok.replace("\"max_tokens\":4", "\"max_tokens\":\"1\""),
                        ok.replace("\"max_tokens\":4", "\"max_tokens\":1.5"),
                        ok.replace("}]}", "}],\"stream\":\"true\"}"),
                        ok.replace("\"gpt-4o-mini\"", "7"),
                        "{\"model\":\"gpt-4o-mini\",\"messages\":\"hi\"}");
        for (var body : bodies) {
            var reply = api.openAi("/v1/chat/completions", key, body, Map.of());

            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.body().at("/error/type").asText()).isEqualTo("invalid_request_error");
        }
        assertNothingChargedOrHeld();
    }

    private void assertNothingChargedOrHeld() {
        var view = api.get("/api/v1/partners/" + partnerId + "/keys").body().get(0);
        assertThat(view.path("spentUcr").asLong()).isZero();
        assertThat(view.path("remainingUcr").asLong()).isEqualTo(view.path("budgetUcr").asLong());
        for (var pot : registry.authenticate(key).budget()) {
            assertThat(pot.held().isPositive()).isFalse();
        }
    }

    @Test
    void unknown_paths_under_v1_are_404_in_openai_shape_and_the_management_api_still_answers() {
        var unknown = api.openAi("/v1/completions/legacy", key, "{}", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().at("/error/code").asText()).isEqualTo("unknown_url");
        assertThat(unknown.header("x-request-id")).startsWith("req_");

        var keys = api.get("/api/v1/partners/" + partnerId + "/keys");
        assertThat(keys.status()).isEqualTo(200);
    }

    @Test
    void upstream_failure_is_502_and_charges_nothing() {
        var failing =
                catchThrowableOfType(
                        OpenAIServiceException.class,
                        () ->
                                api.sdk(key)
                                        .chat()
                                        .completions()
                                        .create(
                                                ChatCompletionCreateParams.builder()
                                                        .model("gpt-4o-mini")
                                                        .addUserMessage("[stub:fail=500]")
                                                        .build()));
        assertThat(failing.statusCode()).isEqualTo(502);
        var view = api.get("/api/v1/partners/" + partnerId + "/keys").body().get(0);
        assertThat(view.path("spentUcr").asLong()).isZero();
    }

    private static ChatCompletionCreateParams hello(String model) {
        return ChatCompletionCreateParams.builder()
                .model(model)
                .addUserMessage("hello")
                .maxCompletionTokens(2)
                .build();
    }
}

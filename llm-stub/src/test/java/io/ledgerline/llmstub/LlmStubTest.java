package io.ledgerline.llmstub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import reactor.netty.DisposableServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

class LlmStubTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static DisposableServer stub;
    static HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        stub = LlmStub.start(0);
    }

    @AfterAll
    static void stop() {
        stub.disposeNow();
    }

    @Test
    void chat_counts_prompt_words_and_caps_completion_at_max_tokens() throws Exception {
        var response =
                post(
                        "/v1/chat/completions",
                        """
                {"model":"gpt-4o-mini","max_tokens":3,
                 "messages":[{"role":"system","content":"be brief"},
                             {"role":"user","content":"say hello to the world"}]}""",
                        null);
        assertThat(response.statusCode()).isEqualTo(200);
        var body = JSON.readTree(response.body());
        assertThat(body.at("/usage/prompt_tokens").asLong()).isEqualTo(7);
        assertThat(body.at("/usage/completion_tokens").asLong()).isEqualTo(3);
        assertThat(body.at("/choices/0/message/content").asText()).isEqualTo("be brief say");
        assertThat(body.at("/model").asText()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void stream_sends_one_chunk_per_word_then_usage_then_done() throws Exception {
        var response =
                post(
                        "/v1/chat/completions",
                        """
                {"model":"gpt-4o-mini","stream":true,"max_tokens":2,
                 "messages":[{"role":"user","content":"one two three"}]}""",
                        null);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
        var events = response.body().split("\n\n");
        assertThat(events).hasSize(5);
        assertThat(JSON.readTree(events[0].substring(6)).at("/choices/0/delta/content").asText())
                .isEqualTo("one");
        JsonNode usage = JSON.readTree(events[3].substring(6)).path("usage");
        assertThat(usage.path("prompt_tokens").asLong()).isEqualTo(3);
        assertThat(usage.path("completion_tokens").asLong()).isEqualTo(2);
        assertThat(events[4]).isEqualTo("data: [DONE]");
    }

    @Test
    void fails_when_told_by_header_or_prompt_directive() throws Exception {
        var byHeader =
                post(
                        "/v1/chat/completions",
                        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                        "500");
        assertThat(byHeader.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(byHeader.body()).at("/error/type").asText())
                .isEqualTo("server_error");
        var byPrompt =
                post(
                        "/v1/chat/completions",
                        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"[stub:fail=503]\"}]}",
                        null);
        assertThat(byPrompt.statusCode()).isEqualTo(503);
    }

    @Test
    void embeddings_and_models() throws Exception {
        var response =
                post(
                        "/v1/embeddings",
                        "{\"model\":\"text-embedding-3-small\",\"input\":[\"a b\",\"c\"]}",
                        null);
        var body = JSON.readTree(response.body());
        assertThat(body.path("data")).hasSize(2);
        assertThat(body.at("/data/0/embedding")).hasSize(Embeddings.DIMENSIONS);
        assertThat(body.at("/usage/prompt_tokens").asLong()).isEqualTo(3);
        var models =
                http.send(
                        HttpRequest.newBuilder(uri("/v1/models")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(models.body()).path("data")).hasSize(Models.IDS.size());
    }

    @Test
    void malformed_body_is_a_400() throws Exception {
        assertThat(post("/v1/chat/completions", "{not json", null).statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> post(String path, String body, String fail) throws Exception {
        var request =
                HttpRequest.newBuilder(uri(path))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        if (fail != null) {
            request.header("x-stub-fail", fail);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + stub.port() + path);
    }
}

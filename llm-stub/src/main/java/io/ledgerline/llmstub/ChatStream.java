package io.ledgerline.llmstub;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

import java.util.ArrayList;

/**
 * A streamed chat completion as server-sent events: one chunk per word, a finish chunk, a usage
 * chunk (always sent, as if {@code stream_options.include_usage} were set) and {@code [DONE]}.
 */
final class ChatStream {

    private ChatStream() {}

    static Mono<Void> send(HttpServerResponse res, Completion completion, StubBehaviour behaviour) {
        var events = new ArrayList<String>();
        var words = completion.words();
        for (int i = 0; i < words.size(); i++) {
            var role = i == 0 ? "assistant" : null;
            var text = i == 0 ? words.get(i) : " " + words.get(i);
            events.add(LlmStub.sseEvent(ChatJson.delta(completion, role, text)));
        }
        events.add(LlmStub.sseEvent(ChatJson.finish(completion)));
        events.add(LlmStub.sseEvent(ChatJson.usageChunk(completion)));
        Flux<String> body = Flux.fromIterable(events);
        if (!behaviour.chunkDelay().isZero()) {
            body = body.delayElements(behaviour.chunkDelay());
        }
        return res.header("content-type", "text/event-stream")
                .header("cache-control", "no-cache")
                .sendString(body.concatWith(LlmStub.done()))
                .then();
    }
}

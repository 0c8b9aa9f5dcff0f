package io.ledgerline.llmstub;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON shapes of chat completions and their stream chunks. */
final class ChatJson {

    private ChatJson() {}

    static ObjectNode completion(Completion completion) {
        var body = header(completion, "chat.completion");
        var choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        var message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", completion.content());
        message.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        body.set("usage", usage(completion));
        return body;
    }

    static ObjectNode delta(Completion completion, String role, String content) {
        var chunk = header(completion, "chat.completion.chunk");
        var choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        var delta = choice.putObject("delta");
        if (role != null) {
            delta.put("role", role);
        }
        delta.put("content", content);
        choice.putNull("logprobs");
        choice.putNull("finish_reason");
        return chunk;
    }

    static ObjectNode finish(Completion completion) {
        var chunk = header(completion, "chat.completion.chunk");
        var choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("delta");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        return chunk;
    }

    static ObjectNode usageChunk(Completion completion) {
        var chunk = header(completion, "chat.completion.chunk");
        chunk.putArray("choices");
        chunk.set("usage", usage(completion));
        return chunk;
    }

    private static ObjectNode header(Completion completion, String object) {
        var body = LlmStub.object();
        body.put("id", "chatcmpl-stub-" + Integer.toHexString(completion.content().hashCode()));
        body.put("object", object);
        body.put("created", LlmStub.CREATED_EPOCH_SECONDS);
        body.put("model", completion.model());
        body.put("system_fingerprint", "fp_stub");
        return body;
    }

    private static ObjectNode usage(Completion completion) {
        var usage = LlmStub.object();
        usage.put("prompt_tokens", completion.promptTokens());
        usage.put("completion_tokens", completion.completionTokens());
        usage.put("total_tokens", completion.promptTokens() + completion.completionTokens());
        return usage;
    }
}

package io.ledgerline.gateway.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * The usage a non-streamed answer reports. An answer without readable usage is charged as if it had
 * used the request's whole bound, so a provider that leaves usage out cannot make usage free.
 */
final class AnswerUsage {

    private AnswerUsage() {}

    static Metering.Measured read(
            byte[] body, ObjectMapper json, long fallbackTokensIn, long fallbackTokensOut) {
        try {
            var reply = json.readTree(body);
            long tools = 0;
            for (var choice : reply.path("choices")) {
                tools += choice.at("/message/tool_calls").size();
            }
            var usage = reply.path("usage");
            if (!usage.isObject()) {
                return new Metering.Measured(fallbackTokensIn, fallbackTokensOut, tools);
            }
            return new Metering.Measured(
                    usage.path("prompt_tokens").asLong(0),
                    usage.path("completion_tokens").asLong(0),
                    tools);
        } catch (IOException e) {
            return new Metering.Measured(fallbackTokensIn, fallbackTokensOut, 0);
        }
    }
}

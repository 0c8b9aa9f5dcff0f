package io.ledgerline.llmstub;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The models the stub claims to serve; it answers any model name it is asked for. */
final class Models {

    static final List<String> IDS =
            List.of(
                    "gpt-4.1-nano",
                    "gpt-4o-mini",
                    "gpt-4.1-mini",
                    "gpt-4.1",
                    "gpt-4o",
                    "text-embedding-3-small",
                    "text-embedding-3-large");

    private Models() {}

    static ObjectNode list() {
        var body = LlmStub.object();
        body.put("object", "list");
        var data = body.putArray("data");
        for (var id : IDS) {
            var model = data.addObject();
            model.put("id", id);
            model.put("object", "model");
            model.put("created", LlmStub.CREATED_EPOCH_SECONDS);
            model.put("owned_by", "ledgerline-stub");
        }
        return body;
    }
}

package io.ledgerline.billing.calls;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admission API agent runtimes call around every call or chat (billing-service/README.md):
 * start, extend each minute, end. Open to the {@code billing.calls} scope (security/BillingDoors).
 * Every request is idempotent on the call id and its sequence number.
 */
@RestController
@RequestMapping(CallsController.PATH)
class CallsController {

    static final String PATH = "/api/v1/calls";

    private final CallAdmission admission;
    private final CallClosing closing;
    private final Conversations conversations;

    CallsController(CallAdmission admission, CallClosing closing, Conversations conversations) {
        this.admission = admission;
        this.closing = closing;
        this.conversations = conversations;
    }

    @PostMapping
    CallAnswer start(@RequestBody CallStart body) {
        return admission.start(body.validated());
    }

    @PostMapping("/{callId}/extend")
    CallAnswer extend(@PathVariable String callId, @RequestBody CallExtension body) {
        return admission.extend(CallLimits.requireCallId(callId), body.validatedSequence());
    }

    @PostMapping("/{callId}/end")
    Conversations.Conversation end(@PathVariable String callId, @RequestBody CallEnd body) {
        var ended = closing.end(CallLimits.requireCallId(callId), body.validated());
        return conversations.one(ended).orElseThrow();
    }
}

package io.ledgerline.billing.agentusage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Checks the workspace API key before the body is even read, so strangers learn nothing. */
@Configuration
class WorkspaceApiKeyInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    /** What agent runtimes call: usage reports and the call admission API (feature calls/). */
    static final String[] AGENT_RUNTIME_PATHS = {
        AgentUsageController.PATH, "/api/v1/calls", "/api/v1/calls/**"
    };

    private final WorkspaceApiKey apiKey;

    WorkspaceApiKeyInterceptor(WorkspaceApiKey apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(AGENT_RUNTIME_PATHS);
    }

    @Override
    public boolean preHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler) {
        apiKey.requireValid(request.getHeader(WorkspaceApiKey.HEADER));
        return true;
    }
}

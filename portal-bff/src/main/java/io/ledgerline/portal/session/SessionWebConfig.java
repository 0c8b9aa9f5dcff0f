package io.ledgerline.portal.session;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

@Configuration
class SessionWebConfig implements WebMvcConfigurer {

    private final Permissions permissions;

    SessionWebConfig(Permissions permissions) {
        this.permissions = permissions;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new SignedIn(permissions));
    }
}

package io.ledgerline.portal.session;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a controller method its {@link PortalUser}: the principal Spring Security restored from the
 * server-side session. The filter chain already refuses the API without a session; a method taking
 * a {@code PortalUser} refuses it again, should a path ever be opened by mistake. A person removed
 * from their team since signing in is refused here too, on every endpoint, not only those that
 * check a permission.
 */
class SignedIn implements HandlerMethodArgumentResolver {

    private final Permissions permissions;

    SignedIn(Permissions permissions) {
        this.permissions = permissions;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(PortalUser.class);
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mav,
            NativeWebRequest webRequest,
            WebDataBinderFactory binders) {
        var signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof PortalUser user) {
            permissions.roleOf(user);
            return user;
        }
        throw new Refused(CommonRefusal.UNAUTHENTICATED, "sign in first");
    }
}

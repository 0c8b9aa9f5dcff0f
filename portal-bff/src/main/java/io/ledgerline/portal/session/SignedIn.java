package io.ledgerline.portal.session;

import io.ledgerline.contracts.problem.CommonRefusal;
import io.ledgerline.contracts.problem.Refused;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a controller method its {@link PortalUser} from the server-side session. A method that
 * takes a {@code PortalUser} therefore answers only signed-in users; everyone else gets a 401.
 */
class SignedIn implements HandlerMethodArgumentResolver {

    static final String SESSION_ATTRIBUTE = "ledgerline.portal.user";

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
        var request = webRequest.getNativeRequest(HttpServletRequest.class);
        var session = request == null ? null : request.getSession(false);
        var user = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        if (user instanceof PortalUser signedIn) {
            return signedIn;
        }
        throw new Refused(CommonRefusal.UNAUTHENTICATED, "sign in first");
    }
}

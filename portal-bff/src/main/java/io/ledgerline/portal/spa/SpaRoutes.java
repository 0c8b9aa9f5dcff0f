package io.ledgerline.portal.spa;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The SPA (module portal-spa, served from its jar's {@code META-INF/resources}) routes in the
 * browser: a deep link such as {@code /customers/customer:bistro} or a reload of one gets {@code
 * index.html}, and the SPA draws the page. Only paths whose first segment has no dot and is not
 * {@code api}, {@code actuator}, {@code assets} or {@code error} are forwarded, so an unknown API
 * path or a missing asset is still the {@code 404 ROUTE_NOT_FOUND} problem, never a page.
 */
@Controller
class SpaRoutes {

    static final String INDEX = "forward:/index.html";

    @GetMapping({
        "/",
        "/{page:(?!api$|actuator$|assets$|error$)[^.]+}",
        "/{page:(?!api$|actuator$|assets$|error$)[^.]+}/{*rest}"
    })
    String index() {
        return INDEX;
    }
}

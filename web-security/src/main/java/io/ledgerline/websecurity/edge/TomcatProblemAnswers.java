package io.ledgerline.websecurity.edge;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

import java.util.Arrays;

/**
 * Puts {@link ProblemErrorReportValve} in place of the host's HTML error report valve. Runs after
 * Spring Boot's own customizer, which installs a plain {@link ErrorReportValve}.
 */
class TomcatProblemAnswers
        implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(
                context -> {
                    if (context.getParent() instanceof StandardHost host) {
                        Arrays.stream(host.getPipeline().getValves())
                                .filter(ErrorReportValve.class::isInstance)
                                .forEach(host.getPipeline()::removeValve);
                        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                        host.getPipeline().addValve(new ProblemErrorReportValve());
                    }
                });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

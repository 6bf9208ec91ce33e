package com.creatorcampaignpro.monitoring;

import com.creatorcampaignpro.web.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;

/**
 * Monitoring (README, "Monitoring"): JDBI statement timing, user-activity gauges, and who may
 * scrape /actuator/prometheus. HTTP latency and errors per endpoint ({@code http.server.requests})
 * and the pool ({@code hikaricp.*}) come from Spring Boot's own instrumentation.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScrapeTokenProperties.class)
class MonitoringConfiguration {

    @Bean
    static BeanPostProcessor jdbiQueryTiming(ObjectProvider<MeterRegistry> meters) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                MeterRegistry registry;
                if (bean instanceof Jdbi jdbi && (registry = meters.getIfAvailable()) != null) {
                    SqlStatements statements = jdbi.getConfig(SqlStatements.class);
                    statements.setSqlLogger(new QueryTimingSqlLogger(registry, statements.getSqlLogger()));
                }
                return bean;
            }
        };
    }

    @Bean
    UserActivityMetrics userActivityMetrics(UserActivityDao dao, MeterRegistry meters,
                                            @Value("${ccp.metrics.time-zone:UTC}") String zone) {
        return new UserActivityMetrics(dao, zone, meters, Clock.systemUTC());
    }

    /**
     * /actuator/prometheus only: Prometheus' static bearer token, or an operator's or admin's access
     * token. Ordered before the API's chain, which handles everything else.
     */
    @Bean
    @Order(1)
    SecurityFilterChain prometheusScrapeSecurity(HttpSecurity http, ScrapeTokenProperties properties,
                                                 ProblemResponses problems) throws Exception {
        byte[] scrapeToken = properties.scrapeToken() == null ? null
                : properties.scrapeToken().getBytes(StandardCharsets.UTF_8);
        DefaultBearerTokenResolver jwtResolver = new DefaultBearerTokenResolver();
        // The scrape token is no JWT: keep it away from the JWT decoder, which would answer 401.
        BearerTokenResolver jwtsOnly = request -> {
            String token = jwtResolver.resolve(request);
            return token != null && matches(scrapeToken, token) ? null : token;
        };
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);

        http.securityMatcher("/actuator/prometheus")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole("operator", "admin", "metrics_scraper"))
                .addFilterBefore(new ScrapeTokenFilter(scrapeToken, jwtResolver), BearerTokenAuthenticationFilter.class)
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(jwtsOnly)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /** Constant-time comparison: the token's bytes must not leak through timing. */
    static boolean matches(byte[] expected, String presented) {
        return expected != null && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }

    private static final class ScrapeTokenFilter extends OncePerRequestFilter {
        private final byte[] scrapeToken;
        private final BearerTokenResolver resolver;

        ScrapeTokenFilter(byte[] scrapeToken, BearerTokenResolver resolver) {
            this.scrapeToken = scrapeToken;
            this.resolver = resolver;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String token = scrapeToken == null ? null : resolver.resolve(request);
            if (token != null && matches(scrapeToken, token)) {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("prometheus", null,
                        AuthorityUtils.createAuthorityList("ROLE_metrics_scraper")));
                SecurityContextHolder.setContext(context);
            }
            chain.doFilter(request, response);
        }
    }
}

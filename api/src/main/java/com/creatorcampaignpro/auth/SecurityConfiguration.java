package com.creatorcampaignpro.auth;

import com.creatorcampaignpro.platform.Secrets;
import com.creatorcampaignpro.web.ProblemResponses;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;

/**
 * Stateless bearer-token security: Spring Security's resource server verifies our own HS256 access
 * tokens (signature, expiry, issuer); roles travel in the {@code roles} claim and become
 * {@code ROLE_*} authorities for method security.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(AuthProperties.class)
public class SecurityConfiguration {
    /** Distinct access tokens whose verified form is kept (about 2 KB each). */
    private static final int VERIFIED_TOKENS = 10_000;

    @Bean
    SecretKey accessTokenKey(AuthProperties properties, Secrets secrets) {
        byte[] key = secrets.require("CCP_JWT_SECRET", properties.jwtSecret(), "signing access tokens", 32);
        return new SecretKeySpec(key, "HmacSHA256");
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey accessTokenKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(accessTokenKey));
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey accessTokenKey, AuthProperties properties, RevokedAccounts revokedAccounts) {
        NimbusJwtDecoder signatureVerifier = NimbusJwtDecoder.withSecretKey(accessTokenKey).macAlgorithm(MacAlgorithm.HS256).build();
        // Claims are validated by the cache on every request (a cached token still expires on time), and
        // deleted or deactivated accounts' tokens are refused before they expire (revocation set).
        signatureVerifier.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        return new VerifiedTokenCache(signatureVerifier, new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()), revokedAccounts),
                VERIFIED_TOKENS, Clock.systemUTC());
    }

    /**
     * No Spring Security observations: they wrapped each of the chain's filters in an observation
     * per request (11% of the cheapest endpoint's CPU, a third of its allocation) and fed no metric
     * we use. The HTTP server observation (http.server.requests) is Spring MVC's and stays.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's own expression handler, whose parser evaluates the plain {@code hasRole},
     * {@code hasAnyRole}, {@code isAuthenticated()} and {@code permitAll()} checks of our
     * {@code @PreAuthorize}s without SpEL's reflective invocation (RoleCheckExpressionParser). With a
     * handler bean, method security no longer configures its default one: a RoleHierarchy,
     * GrantedAuthorityDefaults or AuthorizationManagerFactory bean added later must be set here too
     * (none exists today, so this handler's defaults are the ones that applied before).
     */
    @Bean
    static MethodSecurityExpressionHandler methodSecurityExpressionHandler() {
        DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
        handler.setExpressionParser(new RoleCheckExpressionParser(handler.getExpressionParser()));
        return handler;
    }

    /** The default firewall's rules, its header and parameter-name checks without regular expressions. */
    @Bean
    WebSecurityCustomizer firewallWithoutRegex() {
        return web -> web.httpFirewall(FirewallCharacters.strictFirewall());
    }

    @Bean
    PasswordEncoder passwordEncoder(AuthProperties properties) {
        return new BCryptPasswordEncoder(properties.bcryptStrength());
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);

        http.csrf(csrf -> csrf.disable())   // bearer tokens, no cookies: nothing for CSRF to ride on
                .cors(Customizer.withDefaults())   // ccp.cors.* (web/CrossOriginConfiguration): preflights before auth
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/login",
                                "/api/auth/refresh", "/api/auth/logout").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/auth/verify-email", "/api/auth/forgot-password",
                                "/api/auth/reset-password", "/api/auth/google").permitAll()
                        // Profile pictures are public: <img> tags cannot send a bearer token.
                        .requestMatchers(HttpMethod.GET, "/api/users/*/avatar").permitAll()
                        // Stripe signs its events (Stripe-Signature); it sends no bearer token.
                        .requestMatchers(HttpMethod.POST, "/api/payments/webhooks/stripe").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/payments/webhooks/paypal").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // Metrics describe the whole platform: staff who run it only.
                        .requestMatchers("/actuator/**").hasAnyRole("operator", "admin")
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(new BearerHeaderResolver())   // the default's rules, no regex
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }
}

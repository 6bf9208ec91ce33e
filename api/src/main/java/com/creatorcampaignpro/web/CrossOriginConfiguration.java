package com.creatorcampaignpro.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import java.io.IOException;

/**
 * CORS from {@code ccp.cors.*}, applied by Spring Security's {@code cors()} (it picks up the bean
 * named corsFilter), so a preflight is answered before authentication. A request from an origin
 * not allowed is a 403 problem+json, like every other refusal.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorsProperties.class)
class CrossOriginConfiguration {

    @Bean
    CorsFilter corsFilter(CorsProperties properties, Environment environment, ProblemResponses problems) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.originsFor(environment.acceptsProfiles(Profiles.of("prod"))));
        cors.setAllowedMethods(properties.allowedMethods());
        cors.setAllowedHeaders(properties.allowedHeaders());
        cors.setExposedHeaders(properties.exposedHeaders());
        cors.setAllowCredentials(properties.allowCredentials());
        cors.setMaxAge(properties.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new DefaultCorsProcessor() {
            @Override
            protected void rejectRequest(ServerHttpResponse response) throws IOException {
                HttpServletResponse servlet = ((ServletServerHttpResponse) response).getServletResponse();
                problems.write(servlet, Problems.of(HttpStatus.FORBIDDEN, Problems.type("cors-origin-not-allowed"),
                        "Origin not allowed", "this origin may not call the API from a browser (ccp.cors.allowed-origins)"));
            }
        });
        return filter;
    }

    /** Spring Security runs the filter inside its chain; Boot must not register it a second time. */
    @Bean
    FilterRegistrationBean<CorsFilter> corsFilterRegistration(CorsFilter corsFilter) {
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(corsFilter);
        registration.setEnabled(false);
        return registration;
    }
}

package com.creatorcampaignpro.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started the platform where to point a browser or curl. */
@Component
class StartupBanner {
    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);
    private final Environment environment;

    StartupBanner(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void printUrls() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String base = "http://localhost:" + port;
        log.info("""
                Creator Campaign Pro is up.
                  API         {}/api
                  Swagger UI  {}/swagger-ui.html
                  OpenAPI     {}/v3/api-docs
                  Health      {}/actuator/health
                  Database    {}""", base, base, base, base,
                environment.getProperty("ccp.database.description", environment.getProperty("spring.datasource.url")));
    }
}

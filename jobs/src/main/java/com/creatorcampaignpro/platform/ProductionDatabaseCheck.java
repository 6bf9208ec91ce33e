package com.creatorcampaignpro.platform;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Under the prod profile the database must be named (CCP_DB_URL, or spring.datasource.url): a
 * production instance that silently fell back to a local or embedded PostgreSQL would take orders
 * into a database nobody backs up. Runs after the configuration files are read, so a profile
 * activated in a file counts too.
 */
public class ProductionDatabaseCheck implements EnvironmentPostProcessor, Ordered {
    /** Set by the launcher when it chose a local or embedded database because none was named. */
    public static final String FALLBACK_PROPERTY = "ccp.database.fallback";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        boolean fellBack = Boolean.parseBoolean(environment.getProperty(FALLBACK_PROPERTY, "false"));
        String url = environment.getProperty("spring.datasource.url");
        if (fellBack || url == null || url.isBlank()) {
            throw new MissingSecretException("CCP_DB_URL", "the JDBC URL of the PostgreSQL database, with CCP_DB_USER"
                    + " and CCP_DB_PASSWORD", "to use a local or embedded PostgreSQL");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

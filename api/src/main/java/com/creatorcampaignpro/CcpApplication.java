package com.creatorcampaignpro;

import com.creatorcampaignpro.db.local.DatabaseLocator;
import com.creatorcampaignpro.db.local.ResolvedDatabase;
import com.creatorcampaignpro.platform.ProductionDatabaseCheck;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.nio.file.Path;

/** The platform: HTTP API, Quartz scheduler and Spring Batch jobs in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CcpApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CcpApplication.class);
        boolean databaseNamed = System.getProperty("spring.datasource.url") != null
                || System.getenv("SPRING_DATASOURCE_URL") != null;
        boolean explicitUrl = System.getenv("CCP_DB_URL") != null && !System.getenv("CCP_DB_URL").isBlank();
        // Under prod only a named database will do: ProductionDatabaseCheck stops start-up with two lines.
        if (!databaseNamed && (explicitUrl || !prodRequested(args))) {
            // Zero set-up: CCP_DB_URL, else a local PostgreSQL on 5432, else an embedded one under ./.ccp/.
            DatabaseLocator locator = DatabaseLocator.forApp(Path.of(".ccp", "pgdata")).stopEmbeddedOnJvmExit(false);
            ResolvedDatabase database = locator.resolve();
            setIfPresent("spring.datasource.url", database.jdbcUrl());
            setIfPresent("spring.datasource.username", database.username());
            setIfPresent("spring.datasource.password", database.password());
            System.setProperty("ccp.database.description", database.description());
            System.setProperty(ProductionDatabaseCheck.FALLBACK_PROPERTY, Boolean.toString(!explicitUrl));
            if (locator.embeddedServer().isPresent()) {
                // JVM shutdown hooks run concurrently: one hook closes Spring (and its pool) first,
                // then stops the embedded server, so no connection dies under a running job.
                application.setRegisterShutdownHook(false);
                ConfigurableApplicationContext context;
                try {
                    context = application.run(args);
                } catch (RuntimeException startFailed) {
                    locator.close();
                    throw startFailed;
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    context.close();
                    locator.close();
                }, "ccp-shutdown"));
                return;
            }
        }
        application.run(args);
    }

    /**
     * Whether prod is asked for on the command line, in a system property or in SPRING_PROFILES_ACTIVE:
     * enough to skip the fallback search. A prod profile set in a configuration file is caught later,
     * by ProductionDatabaseCheck, from the fallback marker.
     */
    private static boolean prodRequested(String[] args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        return environment.acceptsProfiles(Profiles.of("prod"));
    }

    private static void setIfPresent(String key, String value) {
        if (value != null) {
            System.setProperty(key, value);
        }
    }
}

package com.creatorcampaignpro;

import com.creatorcampaignpro.db.local.DatabaseLocator;
import com.creatorcampaignpro.db.local.ResolvedDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

/** The platform: HTTP API, Quartz scheduler and Spring Batch jobs in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CcpApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CcpApplication.class);
        if (System.getProperty("spring.datasource.url") == null && System.getenv("SPRING_DATASOURCE_URL") == null) {
            // Zero set-up: CCP_DB_URL, else a local PostgreSQL on 5432, else an embedded one under ./.ccp/.
            DatabaseLocator locator = DatabaseLocator.forApp(Path.of(".ccp", "pgdata")).stopEmbeddedOnJvmExit(false);
            ResolvedDatabase database = locator.resolve();
            setIfPresent("spring.datasource.url", database.jdbcUrl());
            setIfPresent("spring.datasource.username", database.username());
            setIfPresent("spring.datasource.password", database.password());
            System.setProperty("ccp.database.description", database.description());
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

    private static void setIfPresent(String key, String value) {
        if (value != null) {
            System.setProperty(key, value);
        }
    }
}

package com.creatorcampaignpro.ai;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The language model port: the OpenAI-compatible client when a key is configured, else the disabled one. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LanguageModelProperties.class)
public class LanguageModelConfiguration {

    @Bean
    LanguageModelClient languageModelClient(LanguageModelProperties properties) {
        if (!properties.configured()) {
            return LanguageModelClient.disabled();
        }
        return new OpenAiCompatibleClient(properties, OpenAiCompatibleClient.httpClient(properties));
    }
}

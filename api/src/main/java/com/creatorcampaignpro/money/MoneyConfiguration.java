package com.creatorcampaignpro.money;

import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;
import java.util.ArrayList;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MoneyProperties.class)
class MoneyConfiguration {

    /**
     * The OpenAPI schema of every {@link SupportedCurrency} field lists the configured currencies as
     * its enum, and every {@link MoneyAmount} field carries minimum 0 and the configured maximum: the
     * document says what the validators enforce, from the same configuration.
     */
    @Bean
    PropertyCustomizer moneyBounds(MoneyProperties money) {
        return (property, type) -> {
            if (property == null || type.getCtxAnnotations() == null) {
                return property;
            }
            for (var annotation : type.getCtxAnnotations()) {
                if (annotation instanceof SupportedCurrency) {
                    setEnum(property, money);
                } else if (annotation instanceof MoneyAmount) {
                    property.setMinimum(BigDecimal.ZERO);
                    property.setMaximum(BigDecimal.valueOf(money.maxAmount()));
                }
            }
            return property;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void setEnum(Schema property, MoneyProperties money) {
        property.setEnum(new ArrayList<>(money.currencies()));
    }
}

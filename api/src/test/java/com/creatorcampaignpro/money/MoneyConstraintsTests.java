package com.creatorcampaignpro.money;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The constraints follow the configuration they are given, not the defaults. */
class MoneyConstraintsTests {
    record Offer(@MoneyAmount Long amount, @SupportedCurrency String currency) {
    }

    private ValidatorFactory factory;
    private Validator validator;

    @BeforeEach
    void configuredForEuroAndPoundUpToOneMillion() {
        MoneyProperties money = new MoneyProperties(List.of("eur", " GBP "), 1_000_000);
        factory = Validation.byDefaultProvider().configure().constraintValidatorFactory(new ConstraintValidatorFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
                if (key == SupportedCurrency.Validator.class) {
                    return (T) new SupportedCurrency.Validator(money);
                }
                if (key == MoneyAmount.Validator.class) {
                    return (T) new MoneyAmount.Validator(money);
                }
                throw new IllegalArgumentException(key.getName());
            }

            @Override
            public void releaseInstance(ConstraintValidator<?, ?> instance) {
            }
        }).buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterEach
    void close() {
        factory.close();
    }

    @Test
    void amountsUpToTheConfiguredMaximumInConfiguredCurrencies() {
        assertThat(validator.validate(new Offer(1_000_000L, "GBP"))).isEmpty();
        assertThat(validator.validate(new Offer(0L, "EUR"))).isEmpty();
        assertThat(validator.validate(new Offer(null, null))).as("null is for @NotNull or the default").isEmpty();
        assertThat(messages(new Offer(1_000_001L, "EUR"))).containsExactly("amount: must be at most 1000000 (minor units)");
        assertThat(messages(new Offer(-1L, "EUR"))).containsExactly("amount: must not be negative");
        assertThat(messages(new Offer(1L, "USD")))
                .containsExactly("currency: must be one of the currencies payouts support: EUR, GBP");
        assertThat(messages(new Offer(1L, "gbp"))).hasSize(1);
    }

    private List<String> messages(Offer offer) {
        Set<ConstraintViolation<Offer>> violations = validator.validate(offer);
        return violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).toList();
    }
}

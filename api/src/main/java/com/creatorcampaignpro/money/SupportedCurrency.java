package com.creatorcampaignpro.money;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A currency a client sends: one of {@code ccp.money.currencies} (null passes: the field's default
 * applies). The OpenAPI schema lists them as its enum ({@link MoneyConfiguration}).
 */
@Documented
@Constraint(validatedBy = SupportedCurrency.Validator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface SupportedCurrency {
    String message() default "must be one of the currencies payouts support";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Created by Spring's constraint validator factory, which injects the configuration. */
    class Validator implements ConstraintValidator<SupportedCurrency, String> {
        private final MoneyProperties money;

        public Validator(MoneyProperties money) {
            this.money = money;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            return AmountRules.currencyViolation(value, money.currencies()).map(message -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}

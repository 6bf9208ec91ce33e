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
 * An amount a client sends, in minor units: 0 to {@code ccp.money.max-amount} (null passes: pair it
 * with {@code @NotNull} where it is required). The OpenAPI schema carries the same minimum and maximum.
 */
@Documented
@Constraint(validatedBy = MoneyAmount.Validator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface MoneyAmount {
    String message() default "must be between 0 and the configured maximum (minor units)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MoneyAmount, Long> {
        private final MoneyProperties money;

        public Validator(MoneyProperties money) {
            this.money = money;
        }

        @Override
        public boolean isValid(Long value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            return AmountRules.amountViolation(value, money.maxAmount()).map(message -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}

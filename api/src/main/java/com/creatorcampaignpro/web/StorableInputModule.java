package com.creatorcampaignpro.web;

import com.creatorcampaignpro.validation.StorableValues;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Request-wide defense for JSON bodies, whatever the DTO: text that PostgreSQL or JSON cannot hold
 * (NUL, unpaired surrogates), dates outside years 1..9999 and {@code null} elements in arrays are
 * refused while reading, so the 400 carries the JSON path of the field (ProblemHandler renders it).
 */
final class StorableInputModule {

    private StorableInputModule() {
    }

    /** Registered on Boot's JsonMapper, hence on every JSON body Spring MVC reads. */
    static JsonMapperBuilderCustomizer customizer() {
        SimpleModule module = new SimpleModule("ccp-storable-input");
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier beanDesc,
                                                          ValueDeserializer<?> deserializer) {
                Class<?> type = beanDesc.getBeanClass();
                if (type == String.class || type == LocalDate.class || type == Instant.class
                        || type == OffsetDateTime.class || JsonNode.class.isAssignableFrom(type) || type == Object.class
                        || Map.class.isAssignableFrom(type)) {
                    return new Checked(deserializer);
                }
                return deserializer;
            }
        });
        // [null] in any array or collection of a DTO: refused, naming the element (e.g. deliverables[0]).
        return builder -> builder.addModule(module)
                .changeDefaultNullHandling(n -> JsonSetter.Value.forContentNulls(Nulls.FAIL));
    }

    /** A client-facing reason for refusing a value, raised while the JSON path is still known. */
    static final class UnstorableValueException extends InvalidFormatException {
        UnstorableValueException(JsonParser p, String reason, Object value, Class<?> type) {
            super(p, reason, value, type);
        }

        String reason() {
            return getOriginalMessage();
        }
    }

    private static final class Checked extends DelegatingDeserializer {
        Checked(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            return check(p, super.deserialize(p, ctxt));
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) throws JacksonException {
            return check(p, super.deserialize(p, ctxt, intoValue));
        }

        private static Object check(JsonParser p, Object value) {
            Optional<String> reason = violation(value, 0);
            if (reason.isPresent()) {
                throw new UnstorableValueException(p, reason.get(), value instanceof String ? null : value,
                        value == null ? Object.class : value.getClass());
            }
            return value;
        }

        /** Walks free-form values (jsonb maps, JsonNode) too: their text lands in PostgreSQL as well. */
        private static Optional<String> violation(Object value, int depth) {
            if (depth > 64) {
                return Optional.of("is nested too deeply");
            }
            if (value instanceof String s) {
                return StorableValues.textViolation(s);
            }
            if (value instanceof LocalDate d) {
                return StorableValues.isStorable(d) ? Optional.empty() : Optional.of(StorableValues.DATE_RANGE);
            }
            if (value instanceof Instant i) {
                return StorableValues.isStorable(i) ? Optional.empty() : Optional.of(StorableValues.DATE_RANGE);
            }
            if (value instanceof OffsetDateTime t) {
                return StorableValues.isStorable(t) ? Optional.empty() : Optional.of(StorableValues.DATE_RANGE);
            }
            if (value instanceof JsonNode node) {
                return nodeViolation(node, depth);
            }
            if (value instanceof Map<?, ?> map) {
                for (var e : map.entrySet()) {
                    Optional<String> v = violation(e.getKey(), depth + 1).or(() -> violation(e.getValue(), depth + 1));
                    if (v.isPresent()) {
                        return v;
                    }
                }
            } else if (value instanceof Collection<?> list) {
                for (Object element : list) {
                    Optional<String> v = violation(element, depth + 1);
                    if (v.isPresent()) {
                        return v;
                    }
                }
            }
            return Optional.empty();
        }

        private static Optional<String> nodeViolation(JsonNode node, int depth) {
            if (node.isString()) {
                return StorableValues.textViolation(node.asString());
            }
            if (node.isObject()) {
                for (var field : node.properties()) {
                    Optional<String> v = StorableValues.textViolation(field.getKey()).or(() -> violation(field.getValue(), depth + 1));
                    if (v.isPresent()) {
                        return v;
                    }
                }
            } else if (node.isArray()) {
                for (JsonNode element : node) {
                    Optional<String> v = violation(element, depth + 1);
                    if (v.isPresent()) {
                        return v;
                    }
                }
            }
            return Optional.empty();
        }
    }
}

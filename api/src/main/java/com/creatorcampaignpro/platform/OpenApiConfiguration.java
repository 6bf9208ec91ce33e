package com.creatorcampaignpro.platform;

import com.creatorcampaignpro.web.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import com.creatorcampaignpro.web.RequestInputFilter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;

import java.util.List;
import java.util.Map;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
    static final String PROBLEM = "Problem";

    static {
        // The caller comes from the bearer token, never from the request: not a parameter to document.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI creatorCampaignProApi() {
        return new OpenAPI()
                .info(new Info().title("Creator Campaign Pro API").version("v1")
                        .description("Campaigns, influencers, content and payouts. Errors are application/problem+json"
                                + " (RFC 9457); money is integer minor units with an ISO-4217 currency."))
                .components(new Components()
                        .addSecuritySchemes("bearer",
                                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** Operations open to anyone ({@code @PreAuthorize("permitAll()")}) need no token: say so. */
    @Bean
    OperationCustomizer publicOperationsNeedNoToken() {
        return (operation, handler) -> {
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
            if (rule == null) {
                rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
            }
            if (rule != null && rule.value().replace(" ", "").equals("permitAll()")) {
                operation.setSecurity(List.of());
            }
            return operation;
        };
    }

    /**
     * Every error response as what it is on the wire, application/problem+json: the 400 of any
     * operation that reads input, the 401 and 403 of any that needs a token, and whatever the
     * controllers declared.
     */
    @Bean
    OpenApiCustomizer errorsAreProblemJson() {
        return api -> api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            boolean readsInput = operation.getRequestBody() != null
                    || (operation.getParameters() != null && !operation.getParameters().isEmpty());
            if (readsInput) {
                responses.putIfAbsent("400", new ApiResponse().description("invalid input: errors[] names each field"));
            }
            if (operation.getSecurity() == null || !operation.getSecurity().isEmpty()) {
                responses.putIfAbsent("401", new ApiResponse().description("no valid bearer access token"));
                responses.putIfAbsent("403", new ApiResponse().description("the caller's role does not allow this operation"));
            }
            responses.putIfAbsent("429", new ApiResponse().description("rate limited: see Retry-After"));
            for (Map.Entry<String, ApiResponse> response : responses.entrySet()) {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    response.getValue().setContent(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
                }
            }
            operation.setResponses(responses);
        }));
    }

    /**
     * The bounds every query parameter and header has, whatever its controller says: values over
     * {@link RequestInputFilter#MAX_QUERY_VALUE} characters or repeated more than
     * {@link RequestInputFilter#MAX_QUERY_REPEATS} times are refused by that filter, headers over
     * Tomcat's 8 KB by Tomcat, Idempotency-Key over 255 by IdempotentRequests.
     */
    @Bean
    OpenApiCustomizer parameterBounds() {
        return api -> api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getParameters() == null) {
                return;
            }
            for (Parameter parameter : operation.getParameters()) {
                Schema<?> schema = parameter.getSchema();
                if (schema == null) {
                    continue;
                }
                if ("array".equals(schema.getType()) || schema.getTypes() != null && schema.getTypes().contains("array")) {
                    if (schema.getMaxItems() == null) {
                        schema.setMaxItems(RequestInputFilter.MAX_QUERY_REPEATS);
                    }
                    schema = schema.getItems();
                }
                if (schema == null || !isString(schema) || schema.getMaxLength() != null || schema.getEnum() != null
                        || BOUNDED_FORMATS.contains(String.valueOf(schema.getFormat()))) {
                    continue;
                }
                // Paths and headers: Tomcat's 8 KB request-line and header limit.
                schema.setMaxLength(switch (parameter.getIn()) {
                    case "header" -> "Idempotency-Key".equalsIgnoreCase(parameter.getName()) ? 255 : 8192;
                    case "path" -> 8192;
                    default -> RequestInputFilter.MAX_QUERY_VALUE;
                });
            }
        }));
    }

    /**
     * The core records a campaign and an invitation carry (Deliverable, TargetAudience) have no web
     * annotations (core is framework-free): their schemas get the bounds and values the core rules enforce.
     */
    @Bean
    OpenApiCustomizer campaignRecordBounds() {
        return api -> {
            var schemas = api.getComponents() == null ? null : api.getComponents().getSchemas();
            if (schemas == null) {
                return;
            }
            Schema<?> deliverable = schemas.get("Deliverable");
            if (deliverable != null && deliverable.getProperties() != null) {
                var p = deliverable.getProperties();
                enumOf(p.get("platform"), java.util.Arrays.stream(com.creatorcampaignpro.social.Platform.values())
                        .map(com.creatorcampaignpro.social.Platform::dbValue).toList());
                enumOf(p.get("contentType"), java.util.Arrays.stream(com.creatorcampaignpro.content.ContentType.values())
                        .map(com.creatorcampaignpro.content.ContentType::dbValue).toList());
                maxLength(p.get("description"), com.creatorcampaignpro.campaign.Deliverable.MAX_DESCRIPTION);
            }
            Schema<?> audience = schemas.get("TargetAudience");
            if (audience != null && audience.getProperties() != null) {
                var p = audience.getProperties();
                tags(p.get("countries"), com.creatorcampaignpro.campaign.TargetAudience.MAX_TAGS, 2);
                tags(p.get("genders"), com.creatorcampaignpro.campaign.TargetAudience.MAX_TAGS,
                        com.creatorcampaignpro.campaign.TargetAudience.MAX_TAG_LENGTH);
                tags(p.get("interests"), com.creatorcampaignpro.campaign.TargetAudience.MAX_TAGS,
                        com.creatorcampaignpro.campaign.TargetAudience.MAX_TAG_LENGTH);
                maxLength(p.get("notes"), com.creatorcampaignpro.campaign.TargetAudience.MAX_NOTES);
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void enumOf(Schema schema, java.util.List<String> values) {
        if (schema != null) {
            schema.setEnum(new java.util.ArrayList<>(values));
        }
    }

    private static void maxLength(Schema<?> schema, int max) {
        if (schema != null) {
            schema.setMaxLength(max);
        }
    }

    private static void tags(Schema<?> array, int maxItems, int maxLength) {
        if (array != null) {
            array.setMaxItems(maxItems);
            maxLength(array.getItems(), maxLength);
        }
    }

    private static final java.util.Set<String> BOUNDED_FORMATS = java.util.Set.of("uuid", "date", "date-time");

    private static boolean isString(Schema<?> schema) {
        return "string".equals(schema.getType()) || schema.getTypes() != null && schema.getTypes().contains("string");
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("JSON path, query parameter or header"))
                .addProperty("message", new StringSchema());
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri").description("stable: clients switch on it"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(fieldError)
                        .description("on validation errors: one entry per offending field"));
    }
}

package com.creatorcampaignpro.db;

import com.creatorcampaignpro.campaign.Deliverable;
import com.creatorcampaignpro.campaign.TargetAudience;
import com.creatorcampaignpro.payment.PaymentMethodDetails;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericType;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMapperFactory;
import org.jdbi.v3.core.statement.StatementContext;
import org.postgresql.util.PGobject;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Type;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one way the domain's jsonb values cross JDBC: {@code List<Deliverable>}, {@link TargetAudience}
 * and {@link PaymentMethodDetails} bind as jsonb and map back from jsonb columns, so no DAO or
 * service converts JSON by hand. Registered in {@link JdbiFactory} both as column mapper factory and
 * as argument factory. SQL NULL reads as the empty value (no deliverables, no audience, no details).
 */
public final class JsonbCodec implements ColumnMapperFactory, ArgumentFactory {
    public static final GenericType<List<Deliverable>> DELIVERABLES = new GenericType<>() { };

    private static final JsonMapper JSON = JsonMapper.builder()
            // Rows written before a field was retired must still read.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final JavaType DELIVERABLE_LIST = JSON.getTypeFactory().constructCollectionType(List.class, Deliverable.class);

    /**
     * The column mappers, also for row mappers to call directly ({@code JsonbCodec.DELIVERABLES_COLUMN.map(rs,
     * "deliverables", ctx)}): JDBI looks a column mapper up by type once per statement, through every
     * registered factory, which for a one-row read cost more than the row itself.
     */
    public static final ColumnMapper<List<Deliverable>> DELIVERABLES_COLUMN = column(json -> json == null ? List.of()
            : List.copyOf(JSON.<List<Deliverable>>readValue(json, DELIVERABLE_LIST)));
    // The seed stored a free-form object: read it by its known keys, the rest goes to notes.
    public static final ColumnMapper<TargetAudience> TARGET_AUDIENCE_COLUMN = column(json -> json == null ? TargetAudience.NONE
            : TargetAudience.fromMap(JSON.readValue(json, new TypeReference<Map<String, Object>>() { })));
    public static final ColumnMapper<PaymentMethodDetails> PAYMENT_METHOD_DETAILS_COLUMN = column(json -> json == null
            ? PaymentMethodDetails.NONE : JSON.readValue(json, PaymentMethodDetails.class));

    @Override
    public Optional<ColumnMapper<?>> build(Type type, ConfigRegistry config) {
        if (isDeliverables(type)) {
            return Optional.of(DELIVERABLES_COLUMN);
        }
        if (type == TargetAudience.class) {
            return Optional.of(TARGET_AUDIENCE_COLUMN);
        }
        if (type == PaymentMethodDetails.class) {
            return Optional.of(PAYMENT_METHOD_DETAILS_COLUMN);
        }
        return Optional.empty();
    }

    @Override
    public Optional<Argument> build(Type type, Object value, ConfigRegistry config) {
        if (isDeliverables(type) || type == PaymentMethodDetails.class) {
            return Optional.of(jsonb(value == null ? null : JSON.writeValueAsString(value)));
        }
        if (type == TargetAudience.class) {
            return Optional.of(jsonb(value == null ? null : JSON.writeValueAsString(((TargetAudience) value).toMap())));
        }
        return Optional.empty();
    }

    private static boolean isDeliverables(Type type) {
        return GenericTypes.getErasedType(type) == List.class
                && GenericTypes.findGenericParameter(type, List.class).filter(Deliverable.class::equals).isPresent();
    }

    private static Argument jsonb(String json) {
        return new JsonbArgument(json);
    }

    private static <T> ColumnMapper<T> column(Reader<T> reader) {
        return (ResultSet r, int columnNumber, StatementContext ctx) -> reader.read(r.getString(columnNumber));
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(String json);
    }

    private record JsonbArgument(String json) implements Argument {
        @Override
        public void apply(int position, PreparedStatement statement, StatementContext ctx) throws SQLException {
            if (json == null) {
                statement.setNull(position, Types.OTHER);
                return;
            }
            PGobject jsonb = new PGobject();
            jsonb.setType("jsonb");
            jsonb.setValue(json);
            statement.setObject(position, jsonb);
        }

        @Override
        public String toString() {
            return json;
        }
    }
}

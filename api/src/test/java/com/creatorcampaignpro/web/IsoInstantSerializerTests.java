package com.creatorcampaignpro.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantSerializerTests {

    record Stamped(Instant at, List<Instant> history,
                   @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd HH:mm", timezone = "UTC") Instant day) {
    }

    @Test
    void writesWhatInstantToStringWrites() {
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.MIN, Instant.MAX,
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59.999999999Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.5Z"), Instant.parse("2026-12-03T19:14:59Z"),
                Instant.parse("2026-12-03T19:14:00Z"), Instant.parse("2026-12-03T00:00:00.000001Z"),
                Instant.parse("2026-12-03T19:14:59.12Z"), Instant.parse("2026-12-03T19:14:59.123456700Z"),
                Instant.parse("2024-02-29T23:59:59.001Z"), Instant.parse("1900-03-01T00:00:00.100000001Z")));
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            long second = random.nextLong(-70_000_000_000L, 260_000_000_000L);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(second, nano));
        }
        for (Instant instant : instants) {
            assertThat(IsoInstantSerializer.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void theMapperWritesTheSameJsonWithAndWithoutIt() {
        Stamped value = new Stamped(Instant.parse("2026-12-03T19:14:59.123456Z"),
                List.of(Instant.EPOCH, Instant.parse("2026-01-01T00:00:00.5Z")), Instant.parse("2026-12-03T19:14:59Z"));
        for (boolean numeric : List.of(false, true)) {
            JsonMapper plain = JsonMapper.builder().configure(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS, numeric).build();
            JsonMapper ours = JsonMapper.builder().configure(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS, numeric)
                    .addModule(new SimpleModule().addSerializer(Instant.class, new IsoInstantSerializer())).build();
            assertThat(ours.writeValueAsString(value)).isEqualTo(plain.writeValueAsString(value));
        }
        assertThat(JsonMapper.builder().addModule(new SimpleModule().addSerializer(Instant.class, new IsoInstantSerializer()))
                .build().writeValueAsString(value))
                .isEqualTo("{\"at\":\"2026-12-03T19:14:59.123456Z\",\"history\":[\"1970-01-01T00:00:00Z\",\"2026-01-01T00:00:00.500Z\"],"
                        + "\"day\":\"2026-12-03 19:14\"}");
    }

    @Test
    void contextualCopiesKeepTheFastPath() {
        // Jackson contextualizes every Instant property's serializer: the copies must still be ours.
        IsoInstantSerializer serializer = new IsoInstantSerializer();
        assertThat(serializer.withFormat(null, null, JsonFormat.Shape.ANY)).isInstanceOf(IsoInstantSerializer.class);
        assertThat(serializer.withFeatures(null, true)).isInstanceOf(IsoInstantSerializer.class);
    }
}

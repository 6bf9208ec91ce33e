package com.creatorcampaignpro.social;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EngagementFormulaTests {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private static MediaItem post(int day, Long views, Long likes, Long comments, Long shares) {
        return new MediaItem("m" + day, "VIDEO", "video", null, T0.plusSeconds(86_400L * day),
                views, likes, comments, shares, null, null, null);
    }

    @Test
    void byFollowersIsInteractionsPerPostOverFollowersOnTheMostRecentTwenty() {
        List<MediaItem> media = new ArrayList<>();
        for (int day = 0; day < 25; day++) {
            // The 5 oldest posts are viral: they must fall out of the sample.
            media.add(day < 5 ? post(day, null, 1_000_000L, 0L, null) : post(day, null, 90L, 10L, null));
        }

        AccountMetrics m = EngagementFormula.INSTAGRAM.compute(10_000, media);

        assertThat(m.engagementSample()).isEqualTo(20);
        assertThat(m.engagementRate()).isEqualByComparingTo("1.0000");         // 100 per post / 10,000
        assertThat(m.windowStart()).isEqualTo(T0.plusSeconds(86_400L * 5));
        assertThat(m.windowEnd()).isEqualTo(T0.plusSeconds(86_400L * 24));
        assertThat(m.avgViews()).isNull();                                    // no post reported views
        assertThat(m.viewsSample()).isZero();
        assertThat(m.formula()).startsWith("instagram/");
    }

    @Test
    void byViewsIsInteractionsOverViewsOfThePostsThatReportViews() {
        List<MediaItem> media = List.of(
                post(1, 1_000L, 40L, 10L, 50L),
                post(2, 3_000L, 200L, 0L, 0L),
                post(3, null, 500L, 0L, 0L));          // no views reported: out of the by-views figure

        AccountMetrics tiktok = EngagementFormula.TIKTOK.compute(1, media);
        AccountMetrics youtube = EngagementFormula.YOUTUBE.compute(1, media);

        assertThat(tiktok.engagementRate()).isEqualByComparingTo("7.5000");   // (100 + 200) / 4,000
        assertThat(youtube.engagementRate()).isEqualByComparingTo("6.2500");  // (50 + 200) / 4,000: shares not counted
        assertThat(tiktok.engagementSample()).isEqualTo(2);
        assertThat(tiktok.avgViews()).isEqualTo(2_000L);
        assertThat(tiktok.viewsSample()).isEqualTo(2);
    }

    @Test
    void noFigureRatherThanZeroWhenThePlatformReportsNothingToMeasure() {
        assertThat(EngagementFormula.TWITTER.compute(5_000, List.of())).isEqualTo(AccountMetrics.none(EngagementFormula.TWITTER.id()));
        AccountMetrics noFollowers = EngagementFormula.TWITTER.compute(0, List.of(post(1, 10L, 1L, 1L, 1L)));
        assertThat(noFollowers.engagementRate()).isNull();
        assertThat(noFollowers.engagementSample()).isZero();
        assertThat(noFollowers.avgViews()).isEqualTo(10L);
        AccountMetrics hiddenCounters = EngagementFormula.YOUTUBE.compute(100, List.of(post(1, 500L, null, null, null)));
        assertThat(hiddenCounters.engagementRate()).isNull();
        assertThat(hiddenCounters.avgViews()).isNull();
    }

    @Test
    void theSnapshotCarriesTheFormulasFiguresIntoTheProfile() {
        SocialProfile read = new SocialProfile("1", "u", "https://x.com/u", 1_000, 10, 99, 0, EngagementRate.ZERO);
        AccountSnapshot snapshot = AccountSnapshot.of(Platform.TWITTER, read,
                List.of(post(1, 4_000L, 30L, 5L, 5L), post(2, 2_000L, 10L, 0L, 0L)));

        assertThat(snapshot.profile().engagementRate()).isEqualByComparingTo("2.5000");   // 50 / 2 / 1,000
        assertThat(snapshot.profile().avgViews()).isEqualTo(3_000);
        assertThat(snapshot.metrics().engagementSample()).isEqualTo(2);
    }
}

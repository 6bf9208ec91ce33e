package com.creatorcampaignpro.prediction;

import com.creatorcampaignpro.content.ContentType;
import com.creatorcampaignpro.prediction.PerformancePrediction.Confidence;
import com.creatorcampaignpro.social.Platform;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PerformancePredictorTests {
    private final PerformancePredictor predictor = PerformancePredictor.defaults();
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private static PostStats reel(long likes, long comments, Long views, Long reach) {
        return new PostStats(Platform.INSTAGRAM, ContentType.REEL, NOW, views, likes, comments, null, null, reach, null);
    }

    @Test
    void predictionWorkedOutByHand() {
        // Five reels: engagement 100, 200, 400, 800, 1,600 (likes + comments); views 10x; reach 5x.
        List<PostStats> history = new ArrayList<>();
        for (long e : new long[]{100, 200, 400, 800, 1600}) {
            history.add(reel(e - 10, 10, e * 10, e * 5));
        }
        history.add(new PostStats(Platform.YOUTUBE, ContentType.VIDEO, NOW, 1L, 1L, 0L, 0L, 0L, null, null));

        PerformancePrediction p = predictor.predict(history, Platform.INSTAGRAM, ContentType.REEL, 2, 50_000L, "USD",
                new PerformancePredictor.ClickHistory(300, 30_000, 6));

        // median post x 2
        assertThat(p.engagement().expected()).isEqualTo(800);
        assertThat(p.reach().expected()).isEqualTo(4_000);
        assertThat(p.impressions().expected()).isEqualTo(8_000);
        assertThat(p.impressionsSource()).isEqualTo("views");
        // log1p mean m, sd s of the five; t(0.90, 4) = 1.533; (exp(m +- 1.533 s sqrt(1.2)) - 1) x 2
        assertThat(p.engagement().low()).isCloseTo(126.246, within(0.01));
        assertThat(p.engagement().high()).isCloseTo(5027.108, within(0.01));
        assertThat(p.engagement().sampleSize()).isEqualTo(5);
        // 1 % click-through of past campaign content
        assertThat(p.clicks().expected()).isCloseTo(80, within(1e-9));
        assertThat(p.cost()).isEqualTo(100_000);
        assertThat(p.costPerEngagement()).isCloseTo(125, within(1e-9));
        assertThat(p.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(p.basis()).isEqualTo("type");
    }

    @Test
    void tooLittleHistoryIsLowConfidenceWithTheReasonAndNoFigures() {
        List<PostStats> history = List.of(reel(100, 1, 1000L, null), reel(200, 2, 2000L, null));
        PerformancePrediction p = predictor.predict(history, Platform.INSTAGRAM, ContentType.REEL, 1, 10_000L, "USD", null);
        assertThat(p.confidence()).isEqualTo(Confidence.LOW);
        assertThat(p.basis()).isEqualTo("none");
        assertThat(p.engagement()).isNull();
        assertThat(p.reach()).isNull();
        assertThat(p.impressions()).isNull();
        assertThat(p.clicks()).isNull();
        assertThat(p.costPerEngagement()).isNull();
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("too little history").contains("2 recent instagram"));
        assertThat(predictor.predict(List.of(), Platform.TIKTOK, ContentType.VIDEO, 1, null, "USD", null).confidence())
                .isEqualTo(Confidence.LOW);
    }

    @Test
    void aShortTypeHistoryFallsBackToThePlatformAtMediumConfidence() {
        List<PostStats> history = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            history.add(new PostStats(Platform.INSTAGRAM, i < 2 ? ContentType.STORY : ContentType.POST, NOW, null,
                    100L + i, 5L, null, null, null, 2_000L + i));
        }
        PerformancePrediction story = predictor.predict(history, Platform.INSTAGRAM, ContentType.STORY, 1, null, "USD", null);
        assertThat(story.basis()).isEqualTo("platform");
        assertThat(story.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(story.engagement().sampleSize()).isEqualTo(12);
        assertThat(story.impressionsSource()).isEqualTo("impressions");
        assertThat(story.reach()).isNull();
        assertThat(story.notes()).anySatisfy(n -> assertThat(n).startsWith("reach:"));
        PerformancePrediction post = predictor.predict(history, Platform.INSTAGRAM, ContentType.POST, 1, null, "USD", null);
        assertThat(post.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(post.cost()).isNull();
    }

    @Test
    void theSameSpreadOverMorePostsGivesANarrowerIntervalAroundTheMedian() {
        List<PostStats> five = new ArrayList<>();
        for (long e : new long[]{50, 120, 300, 700, 2000}) {
            five.add(reel(e, 0, null, null));
        }
        List<PostStats> fifty = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            fifty.addAll(five);
        }
        PerformancePrediction.Estimate few = predictor.predict(five, Platform.INSTAGRAM, ContentType.REEL, 1, null, "USD", null).engagement();
        PerformancePrediction.Estimate many = predictor.predict(fifty, Platform.INSTAGRAM, ContentType.REEL, 1, null, "USD", null).engagement();
        assertThat(many.expected()).isEqualTo(few.expected()).isEqualTo(300);
        assertThat(many.low()).isGreaterThan(few.low()).isLessThan(many.expected());
        assertThat(many.high()).isLessThan(few.high()).isGreaterThan(many.expected());
        assertThat(many.sampleSize()).isEqualTo(50);
    }
}

package com.creatorcampaignpro.metrics;

import com.creatorcampaignpro.campaign.Campaign;
import com.creatorcampaignpro.campaign.CampaignDao;
import com.creatorcampaignpro.error.NotFoundException;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.validation.StorableValues;
import com.creatorcampaignpro.metrics.AnalyticsDtos.CampaignAnalytics;
import com.creatorcampaignpro.metrics.AnalyticsDtos.Day;
import com.creatorcampaignpro.metrics.AnalyticsDtos.Totals;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A marketer's view of a campaign's rolled-up metrics (written by metricsRollupJob). */
@Service
public class CampaignAnalyticsService {
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    private final CampaignDao campaigns;
    private final CampaignMetricsDao metrics;
    private final MetricsProperties properties;
    private final Clock clock = Clock.systemUTC();

    public CampaignAnalyticsService(CampaignDao campaigns, CampaignMetricsDao metrics, MetricsProperties properties) {
        this.campaigns = campaigns;
        this.metrics = metrics;
        this.properties = properties;
    }

    /**
     * Totals as of the last rollup run (zeros and a null asOf before the first), the ratios, and the daily series between {@code from} and {@code to} inclusive
     * (ISO dates; default the last 30 days up to today in the rollup's time zone): one point per day
     * on which the rollup ran, today's being the current totals.
     */
    // Three statements whose figures are combined (spent with the rollup's totals, today's point with
    // the daily series): REPEATABLE READ gives them one snapshot; at the default READ COMMITTED each
    // would see its own. Read-only, so PostgreSQL never fails it with a serialization error.
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public CampaignAnalytics analytics(UUID marketerId, UUID campaignId, String from, String to) {
        Campaign campaign = campaigns.findOwned(campaignId, marketerId)
                .orElseThrow(() -> new NotFoundException("campaign", campaignId));
        LocalDate toDay = to == null ? LocalDate.now(clock.withZone(properties.timeZone())) : parseDate("to", to);
        LocalDate fromDay = from == null ? toDay.minusDays(DEFAULT_DAYS - 1) : parseDate("from", from);
        if (fromDay.isAfter(toDay)) {
            throw new ValidationException("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(fromDay, toDay) >= MAX_DAYS) {
            throw new ValidationException("to", "the range may span at most " + MAX_DAYS + " days");
        }

        CoveredTotals covered = metrics.find(campaignId);
        boolean rolledUp = covered.asOf() != null;
        CampaignTotals t = covered.totals();
        // Closed days come from campaign_metrics_daily; today's point is the live rollup.
        LocalDate today = LocalDate.now(clock.withZone(properties.timeZone()));
        List<Day> series = new ArrayList<>();
        for (DailyTotals day : metrics.daily(campaignId, fromDay, toDay)) {
            if (!(rolledUp && day.day().equals(today))) {
                series.add(Day.of(day));
            }
        }
        if (rolledUp && !today.isBefore(fromDay) && !today.isAfter(toDay)) {
            series.add(Day.of(new DailyTotals(today, t)));
        }
        return new CampaignAnalytics(campaignId, campaign.currency(), campaign.spent().minorUnits(), covered.asOf(), Totals.of(t),
                CampaignPerformance.engagementRate(t.engagement(), t.impressions()),
                AnalyticsDtos.plain(CampaignPerformance.costPerEngagement(campaign.spent().minorUnits(), t.engagement())),
                AnalyticsDtos.plain(CampaignPerformance.costPerMille(campaign.spent().minorUnits(), t.impressions())),
                fromDay, toDay, series);
    }

    private static LocalDate parseDate(String field, String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be a date like 2026-03-01");
        }
        if (!StorableValues.isStorable(date)) {
            throw new ValidationException(field, StorableValues.DATE_RANGE);
        }
        return date;
    }
}

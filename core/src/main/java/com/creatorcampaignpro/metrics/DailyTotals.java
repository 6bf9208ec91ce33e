package com.creatorcampaignpro.metrics;

import java.time.LocalDate;

/** A campaign's totals as they stood at the end of a day (the last rollup run of that day). */
public record DailyTotals(LocalDate day, CampaignTotals totals) {
}

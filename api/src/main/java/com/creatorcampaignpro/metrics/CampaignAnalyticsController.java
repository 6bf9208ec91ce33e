package com.creatorcampaignpro.metrics;

import com.creatorcampaignpro.metrics.AnalyticsDtos.CampaignAnalytics;
import com.creatorcampaignpro.web.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@PreAuthorize("hasRole('marketer')")
@Tag(name = "campaigns")
class CampaignAnalyticsController {
    private final CampaignAnalyticsService analytics;

    CampaignAnalyticsController(CampaignAnalyticsService analytics) {
        this.analytics = analytics;
    }

    @GetMapping("/api/campaigns/{id}/analytics")
    @Operation(summary = "A campaign's totals, daily series, engagement rate, CPE and CPM, as of the last metrics rollup")
    CampaignAnalytics get(Caller caller, @PathVariable UUID id,
                          @Parameter(description = "first day of the series (ISO date), default 29 days before to")
                          @RequestParam(required = false) String from,
                          @Parameter(description = "last day of the series (ISO date), default today")
                          @RequestParam(required = false) String to) {
        return analytics.analytics(caller.id(), id, from, to);
    }
}

package com.creatorcampaignpro.social;

import com.creatorcampaignpro.social.SocialAccountSync.Synced;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes synced accounts' recent media and their published content's metrics, then applies the media
 * retention to those accounts: three statements per chunk.
 */
public class SocialMediaRecorder implements SocialAccountSync.MediaRecorder {
    private final SocialMediaDao dao;
    private final int keep;
    private final Duration maxAge;
    private final JsonMapper json = JsonMapper.builder().build();

    /** Keeps each account's {@code keep} most recent posts, none posted more than {@code maxAge} ago. */
    public SocialMediaRecorder(SocialMediaDao dao, int keep, Duration maxAge) {
        this.dao = dao;
        this.keep = keep;
        this.maxAge = maxAge;
    }

    @Override
    public void record(List<Synced> synced, Instant asOf) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Synced s : synced) {
            for (MediaItem m : s.snapshot().media()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("social_account_id", s.account().id().toString());
                row.put("platform", s.account().platform().dbValue());
                row.put("platform_media_id", m.platformMediaId());
                row.put("media_type", m.mediaType());
                row.put("content_type", m.contentType());
                row.put("permalink", m.permalink());
                row.put("posted_at", m.postedAt().toString());
                row.put("views", m.views());
                row.put("likes", m.likes());
                row.put("comments", m.comments());
                row.put("shares", m.shares());
                row.put("saves", m.saves());
                row.put("reach", m.reach());
                row.put("impressions", m.impressions());
                row.put("as_of", s.asOf().toString());
                rows.add(row);
            }
        }
        if (!rows.isEmpty()) {
            String document = json.writeValueAsString(rows);
            dao.upsertMedia(document);
            dao.upsertContentMetrics(document);
        }
        // Also for accounts that returned no media this time: their old rows age out all the same.
        dao.prune(synced.stream().map(s -> s.account().id()).distinct().toArray(UUID[]::new), keep, asOf.minus(maxAge));
    }
}

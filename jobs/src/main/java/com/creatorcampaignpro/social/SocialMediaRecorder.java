package com.creatorcampaignpro.social;

import com.creatorcampaignpro.social.SocialAccountSync.Synced;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes synced accounts' recent media and their published content's metrics, two statements per chunk. */
public class SocialMediaRecorder implements SocialAccountSync.MediaRecorder {
    private final SocialMediaDao dao;
    private final JsonMapper json = JsonMapper.builder().build();

    public SocialMediaRecorder(SocialMediaDao dao) {
        this.dao = dao;
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
        if (rows.isEmpty()) {
            return;
        }
        String document = json.writeValueAsString(rows);
        dao.upsertMedia(document);
        dao.upsertContentMetrics(document);
    }
}

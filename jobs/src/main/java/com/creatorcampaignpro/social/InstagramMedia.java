package com.creatorcampaignpro.social;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The media fields both Instagram integrations read ({@code /me/media} with Instagram Login,
 * {@code /{ig-user-id}/media} with Facebook Login): the same Graph API media node and lifetime insights,
 * asked for in one request by field expansion. Since v22 {@code views} replaces plays and impressions.
 */
final class InstagramMedia {
    static final String FIELDS = "id,media_type,media_product_type,permalink,timestamp,like_count,comments_count,"
            + "insights.metric(views,reach,saved,shares)";

    private InstagramMedia() {
    }

    static List<MediaItem> parse(ProviderHttp http, JsonNode page, int limit) {
        List<MediaItem> media = new ArrayList<>();
        for (JsonNode item : page.path("data")) {
            if (media.size() >= limit) {
                break;
            }
            String id = ProviderHttp.text(item, "id");
            String type = ProviderHttp.text(item, "media_type");
            if (id == null || type == null) {
                throw new UnreadableResponseException(http.platform(), "media without id or media_type");
            }
            JsonNode insights = item.path("insights").path("data");
            media.add(new MediaItem(id, type, contentType(ProviderHttp.text(item, "media_product_type"), type),
                    ProviderHttp.text(item, "permalink"), http.time(item, "timestamp"),
                    insight(http, insights, "views"),
                    http.optionalCount(item.path("like_count"), "like_count"),
                    http.optionalCount(item.path("comments_count"), "comments_count"),
                    insight(http, insights, "shares"), insight(http, insights, "saved"),
                    insight(http, insights, "reach"), null));
        }
        return media;
    }

    /** FEED, REELS, STORY, AD (media_product_type) to ours; a feed video is a video, any other feed item a post. */
    private static String contentType(String product, String mediaType) {
        if (product == null) {
            return null;
        }
        return switch (product.toUpperCase(Locale.ROOT)) {
            case "REELS" -> "reel";
            case "STORY" -> "story";
            case "FEED", "AD" -> "VIDEO".equals(mediaType) ? "video" : "post";
            default -> null;
        };
    }

    /** {"data": [{"name": "reach", "period": "lifetime", "values": [{"value": 123}]}]}; absent = not reported. */
    private static Long insight(ProviderHttp http, JsonNode insights, String name) {
        for (JsonNode metric : insights) {
            if (name.equals(ProviderHttp.text(metric, "name"))) {
                JsonNode value = metric.path("values").path(0).path("value");
                if (value.isMissingNode()) {
                    value = metric.path("total_value").path("value");
                }
                return http.optionalCount(value, name);
            }
        }
        return null;
    }
}

package com.creatorcampaignpro.influencer;

import com.creatorcampaignpro.db.CustomPlan;
import com.creatorcampaignpro.db.TextArray;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.TemplateEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statement of one search shape: which filters a search uses, its sort and whether it continues
 * after a cursor. Each shape's SQL is built once and kept (a few hundred shapes at most are ever
 * used), so a search binds its values and nothing else: no SQL text, template or filter record is
 * built per call. Each filter is a fixed fragment with bound values: the WHERE clause holds only the
 * conditions that apply, so PostgreSQL plans each combination on its own instead of one plan full of
 * "(:x IS NULL OR ...)". No fragment ever contains client text.
 *
 * <p>Plans: a shape whose best plan depends on its values is planned with them at every execution
 * ({@link CustomPlan}): tags (a rare category is a GIN lookup, a common one a walk down the sort
 * index), free text and location patterns (trigram selectivity), and the rate filter (a cheap price
 * ceiling matches few influencers, a high one most). Every other shape (sort, cursor, follower and
 * engagement ranges, country, platform, availability, verified) has one good plan, a walk down the
 * sort index with the conditions as filters, so pgjdbc prepares it on the server and PostgreSQL may
 * reuse a generic plan, saving the planning.
 */
final class SearchStatement {
    private static final Map<Integer, SearchStatement> BY_SHAPE = new ConcurrentHashMap<>();

    private enum Filter {
        TEXT("(p.display_name || ' ' || p.bio) ILIKE :textPattern", true),
        ANY_CATEGORY("p.categories && :categories", true),
        ALL_CATEGORIES("p.categories @> :categories", true),
        LANGUAGES("p.languages && :languages", true),
        COUNTRY("p.country = CAST(:country AS char(2))", false),
        LOCATION("p.location ILIKE :locationPattern", true),
        PLATFORM("""
                EXISTS (SELECT 1 FROM social_accounts s
                        WHERE s.user_id = p.user_id AND s.platform = :platform AND s.status = 'connected')""", false),
        MIN_FOLLOWERS("p.total_followers >= :minFollowers", false),
        MAX_FOLLOWERS("p.total_followers <= :maxFollowers", false),
        MIN_ENGAGEMENT("p.avg_engagement_rate >= :minEngagementRate", false),
        MIN_VIEWS("p.avg_views >= :minAvgViews", false),
        AVAILABILITY("p.availability = :availability", false),
        VERIFIED("p.verified = :verified", false),
        // The rate filter is one EXISTS whose conditions are the RATE_* flags present (see rate()).
        RATE("", true),
        RATE_PLATFORM("r.platform = :platform", true),
        RATE_CURRENCY("r.currency = CAST(:currency AS char(3))", true),
        RATE_MIN("r.rate_amount >= :minRate", true),
        RATE_MAX("r.rate_amount <= :maxRate", true),
        // The cursor's value is cast to the column's type so the row comparison stays an index condition.
        AFTER("", false);

        final String sql;
        final boolean valueDependentPlan;

        Filter(String sql, boolean valueDependentPlan) {
            this.sql = sql;
            this.valueDependentPlan = valueDependentPlan;
        }

        int bit() {
            return 1 << ordinal();
        }
    }

    final String sql;
    final boolean customPlan;

    private SearchStatement(String sql, boolean customPlan) {
        this.sql = sql;
        this.customPlan = customPlan;
    }

    static SearchStatement of(InfluencerSearch search) {
        int filters = shape(search);
        return BY_SHAPE.computeIfAbsent(filters | search.sort().ordinal() << Filter.values().length,
                key -> build(filters, search.sort()));
    }

    /** The statement with this search's values bound (only those its shape uses). */
    Query bind(Query query, InfluencerSearch search) {
        query.setTemplateEngine(TemplateEngine.NOP);
        if (customPlan) {
            query.addCustomizer(CustomPlan.EVERY_EXECUTION);
        }
        if (search.text() != null) {
            query.bind("textPattern", search.textPattern());
        }
        if (!search.categories().isEmpty()) {
            query.bind("categories", new TextArray(search.categories()));
        }
        if (!search.languages().isEmpty()) {
            query.bind("languages", new TextArray(search.languages()));
        }
        if (search.country() != null) {
            query.bind("country", search.country());
        }
        if (search.location() != null) {
            query.bind("locationPattern", search.locationPattern());
        }
        if (search.platform() != null) {
            query.bind("platform", search.platform().dbValue());
        }
        if (search.minFollowers() != null) {
            query.bind("minFollowers", search.minFollowers());
        }
        if (search.maxFollowers() != null) {
            query.bind("maxFollowers", search.maxFollowers());
        }
        if (search.minEngagementRate() != null) {
            query.bind("minEngagementRate", search.minEngagementRate());
        }
        if (search.minAvgViews() != null) {
            query.bind("minAvgViews", search.minAvgViews());
        }
        if (search.availability() != null) {
            query.bind("availability", search.availability().dbValue());
        }
        if (search.verified() != null) {
            query.bind("verified", search.verified());
        }
        if (search.contentType() != null) {
            query.bind("contentType", search.contentType().dbValue());
            if (search.currency() != null) {
                query.bind("currency", search.currency());
            }
            if (search.minRate() != null) {
                query.bind("minRate", search.minRate());
            }
            if (search.maxRate() != null) {
                query.bind("maxRate", search.maxRate());
            }
        }
        if (search.after() != null) {
            query.bind("afterValue", search.after().value()).bind("afterId", search.after().id());
        }
        return query.bind("limit", search.fetchSize());
    }

    private static int shape(InfluencerSearch s) {
        int shape = 0;
        shape |= s.text() != null ? Filter.TEXT.bit() : 0;
        if (!s.categories().isEmpty()) {
            shape |= s.allCategories() ? Filter.ALL_CATEGORIES.bit() : Filter.ANY_CATEGORY.bit();
        }
        shape |= !s.languages().isEmpty() ? Filter.LANGUAGES.bit() : 0;
        shape |= s.country() != null ? Filter.COUNTRY.bit() : 0;
        shape |= s.location() != null ? Filter.LOCATION.bit() : 0;
        shape |= s.platform() != null ? Filter.PLATFORM.bit() : 0;
        shape |= s.minFollowers() != null ? Filter.MIN_FOLLOWERS.bit() : 0;
        shape |= s.maxFollowers() != null ? Filter.MAX_FOLLOWERS.bit() : 0;
        shape |= s.minEngagementRate() != null ? Filter.MIN_ENGAGEMENT.bit() : 0;
        shape |= s.minAvgViews() != null ? Filter.MIN_VIEWS.bit() : 0;
        shape |= s.availability() != null ? Filter.AVAILABILITY.bit() : 0;
        shape |= s.verified() != null ? Filter.VERIFIED.bit() : 0;
        if (s.contentType() != null) {
            shape |= Filter.RATE.bit();
            shape |= s.platform() != null ? Filter.RATE_PLATFORM.bit() : 0;
            shape |= s.currency() != null ? Filter.RATE_CURRENCY.bit() : 0;
            shape |= s.minRate() != null ? Filter.RATE_MIN.bit() : 0;
            shape |= s.maxRate() != null ? Filter.RATE_MAX.bit() : 0;
        }
        shape |= s.after() != null ? Filter.AFTER.bit() : 0;
        return shape;
    }

    private static SearchStatement build(int shape, InfluencerSort sort) {
        String sortColumn = switch (sort) {
            case FOLLOWERS -> "total_followers";
            case ENGAGEMENT -> "avg_engagement_rate";
            case RATING -> "rating";
        };
        List<String> where = new ArrayList<>();
        where.add("u.is_active");
        boolean custom = false;
        for (Filter filter : Filter.values()) {
            if ((shape & filter.bit()) == 0) {
                continue;
            }
            custom |= filter.valueDependentPlan;
            switch (filter) {
                case RATE -> where.add(rate(shape));
                case RATE_PLATFORM, RATE_CURRENCY, RATE_MIN, RATE_MAX -> {
                    // inside rate()
                }
                case AFTER -> where.add(switch (sort) {
                    case FOLLOWERS -> "(p.total_followers, p.user_id) < (CAST(:afterValue AS bigint), :afterId)";
                    case ENGAGEMENT -> "(p.avg_engagement_rate, p.user_id) < (CAST(:afterValue AS numeric(7, 4)), :afterId)";
                    case RATING -> "(p.rating, p.user_id) < (CAST(:afterValue AS numeric(3, 2)), :afterId)";
                });
                default -> where.add(filter.sql);
            }
        }
        // One round trip for the page and its social accounts: the page first (LIMIT), then its
        // accounts joined by their (user_id, platform) key, a few index probes per page.
        String sql = """
                SELECT page.*, s.platform AS s_platform, s.username AS s_username, s.profile_url AS s_profile_url,
                       s.followers AS s_followers, s.engagement_rate AS s_engagement_rate, s.avg_views AS s_avg_views,
                       s.status AS s_status, s.last_synced_at AS s_last_synced_at
                FROM (SELECT p.* FROM influencer_profiles p JOIN users u ON u.id = p.user_id
                      WHERE %s
                      ORDER BY p.%s DESC, p.user_id DESC
                      LIMIT :limit) page
                LEFT JOIN social_accounts s ON s.user_id = page.user_id
                ORDER BY page.%s DESC, page.user_id DESC, s.platform
                """.formatted(String.join("\n        AND ", where), sortColumn, sortColumn);
        return new SearchStatement(sql, custom);
    }

    private static String rate(int shape) {
        StringBuilder rate = new StringBuilder("""
                EXISTS (SELECT 1 FROM content_rates r
                        WHERE r.influencer_id = p.user_id AND r.content_type = :contentType""");
        for (Filter condition : List.of(Filter.RATE_PLATFORM, Filter.RATE_CURRENCY, Filter.RATE_MIN, Filter.RATE_MAX)) {
            if ((shape & condition.bit()) != 0) {
                rate.append(" AND ").append(condition.sql);
            }
        }
        return rate.append(')').toString();
    }
}

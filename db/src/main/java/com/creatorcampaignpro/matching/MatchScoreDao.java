package com.creatorcampaignpro.matching;

import com.creatorcampaignpro.db.Rows;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

/** match_scores and match_score_runs: written by matchScoringJob (set-based, per page of campaigns), read by the API. */
@RegisterRowMapper(MatchScoreDao.StoredMatchMapper.class)
@RegisterRowMapper(MatchScoreDao.MatchRunMapper.class)
public interface MatchScoreDao {

    /**
     * The key of the advisory lock that stands in for match_scores' foreign keys (V201): the bytes of
     * "ccpmatch". Job writes hold it shared, the delete triggers of campaigns and users exclusively.
     */
    long WRITE_LOCK = 0x6363706d_61746368L;

    /**
     * Takes {@link #WRITE_LOCK} shared until the transaction ends (a campaign or user delete waits for
     * this write, then its trigger removes the rows written) and returns the transaction's isolation.
     * A statement of its own: a statement's snapshot is taken before a lock inside it is granted, so
     * a read in the same statement could miss a delete that committed while this waited.
     */
    @SqlQuery("SELECT current_setting('transaction_isolation') FROM pg_advisory_xact_lock_shared(" + WRITE_LOCK + ")")
    String lockWrites();

    /** Those of these campaigns that exist: a plain read (V201: no row lock, see {@link #replace}). */
    @SqlQuery("SELECT id FROM campaigns WHERE id = ANY(:campaignIds)")
    List<UUID> existingCampaigns(@Bind("campaignIds") UUID[] campaignIds);

    /** Those of these influencers' users that exist: a plain read, as {@link #existingCampaigns}. */
    @SqlQuery("SELECT id FROM users WHERE id = ANY(:influencerIds)")
    List<UUID> existingUsers(@Bind("influencerIds") UUID[] influencerIds);

    @SqlUpdate("DELETE FROM match_scores WHERE campaign_id = ANY(:campaignIds)")
    int deleteFor(@Bind("campaignIds") UUID[] campaignIds);

    /**
     * All rows of a page of campaigns in one statement: parallel arrays, one element per row;
     * components as smallint[] literals. {@link #replace} leaves out rows of deleted campaigns and
     * influencers first, in Java: with an existence check per row in this statement the planner
     * (which sees the arrays' sizes) hashed all of users and campaigns for every page, measured
     * about twice this insert's time on the benchmark database (BENCHMARKS.md, AI matching); and with
     * a join or IN against the arrays it nest-looped two 50,000-row lists (minutes).
     */
    @SqlUpdate("""
            INSERT INTO match_scores (campaign_id, influencer_id, rank, score, components, model_version, computed_at)
            SELECT c, i, r, s, v::smallint[], :modelVersion, :computedAt
            FROM unnest(:campaignIds, :influencerIds, :ranks, :scores, :components) AS t(c, i, r, s, v)
            """)
    int insertAll(@Bind("campaignIds") UUID[] campaignIds, @Bind("influencerIds") UUID[] influencerIds,
                  @Bind("ranks") int[] ranks, @Bind("scores") double[] scores, @Bind("components") String[] components,
                  @Bind("modelVersion") String modelVersion, @Bind("computedAt") Timestamp computedAt);

    @SqlUpdate("""
            INSERT INTO match_score_runs (campaign_id, computed_at, campaign_updated_at, model_version, influencers_scored, matches)
            SELECT c, :computedAt, u::timestamptz, :modelVersion, :influencersScored, m
            FROM unnest(:campaignIds, :campaignUpdatedAts, :matches) AS t(c, u, m)
            WHERE c = ANY(:liveCampaignIds)
            ON CONFLICT (campaign_id) DO UPDATE SET computed_at = EXCLUDED.computed_at,
                campaign_updated_at = EXCLUDED.campaign_updated_at, model_version = EXCLUDED.model_version,
                influencers_scored = EXCLUDED.influencers_scored, matches = EXCLUDED.matches
            """)
    int upsertRuns(@Bind("campaignIds") UUID[] campaignIds, @Bind("campaignUpdatedAts") String[] campaignUpdatedAts,
                   @Bind("matches") int[] matches, @Bind("liveCampaignIds") UUID[] liveCampaignIds,
                   @Bind("influencersScored") int influencersScored,
                   @Bind("modelVersion") String modelVersion, @Bind("computedAt") Timestamp computedAt);

    /**
     * One page of campaigns' results replaces what they had, in one transaction (the caller's, when
     * called inside one). A campaign or influencer deleted since the page was read is left out.
     * Call it in a READ COMMITTED transaction that commits right after it: the transaction holds
     * {@link #WRITE_LOCK} to its end, and a delete queued for that lock holds back every other write's
     * request for it, so one that waits for another writer's transaction before committing can hang.
     */
    @Transaction
    default void replace(CampaignPage page, String modelVersion, Instant computedAt) {
        String isolation = lockWrites();
        if (!"read committed".equals(isolation)) {
            // under a transaction snapshot the statements below could miss a delete that committed
            // before the lock was granted, and write rows of the deleted id
            throw new IllegalStateException("match_scores must be written READ COMMITTED, not " + isolation);
        }
        Timestamp at = Timestamp.from(computedAt);
        // Every statement from here on sees any delete that did not wait for this transaction.
        List<UUID> liveCampaigns = existingCampaigns(page.campaignIds());
        UUID[] live = liveCampaigns.toArray(UUID[]::new);
        Set<UUID> campaigns = new HashSet<>(liveCampaigns);
        Set<UUID> influencers = new HashSet<>(existingUsers(
                Arrays.stream(page.influencerIds()).distinct().toArray(UUID[]::new)));
        deleteFor(live);
        int n = 0;
        int[] keep = new int[page.influencerIds().length];
        for (int i = 0; i < keep.length; i++) {
            if (campaigns.contains(page.rowCampaignIds()[i]) && influencers.contains(page.influencerIds()[i])) {
                keep[n++] = i;
            }
        }
        UUID[] rowCampaigns = new UUID[n];
        UUID[] rowInfluencers = new UUID[n];
        int[] ranks = new int[n];
        double[] scores = new double[n];
        String[] components = new String[n];
        for (int k = 0; k < n; k++) {
            int i = keep[k];
            rowCampaigns[k] = page.rowCampaignIds()[i];
            rowInfluencers[k] = page.influencerIds()[i];
            ranks[k] = page.ranks()[i];
            scores[k] = page.scores()[i];
            components[k] = StoredComponents.literal(page.components()[i]);
        }
        insertAll(rowCampaigns, rowInfluencers, ranks, scores, components, modelVersion, at);
        // ISO-8601 text: the driver binds no array of timestamps
        String[] updated = Arrays.stream(page.campaignUpdatedAts()).map(Instant::toString).toArray(String[]::new);
        upsertRuns(page.campaignIds(), updated, page.matches(), live, page.influencersScored(), modelVersion, at);
    }

    /**
     * A page of results in columns: per campaign (campaignIds, campaignUpdatedAts, matches) and per
     * row (rowCampaignIds ... components: each row's component values 0..1 in MatchComponent order).
     */
    record CampaignPage(UUID[] campaignIds, Instant[] campaignUpdatedAts, int[] matches, int influencersScored,
                        UUID[] rowCampaignIds, UUID[] influencerIds, int[] ranks, double[] scores, double[][] components) {
    }

    @SqlQuery("""
            SELECT * FROM match_scores WHERE campaign_id = :campaignId ORDER BY rank LIMIT :limit
            """)
    List<StoredMatch> top(@Bind("campaignId") UUID campaignId, @Bind("limit") int limit);

    @SqlQuery("SELECT * FROM match_score_runs WHERE campaign_id = :campaignId")
    Optional<MatchRun> run(@Bind("campaignId") UUID campaignId);

    class StoredMatchMapper implements RowMapper<StoredMatch> {
        @Override
        public StoredMatch map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new StoredMatch(rs.getObject("campaign_id", UUID.class), rs.getObject("influencer_id", UUID.class),
                    rs.getInt("rank"), rs.getDouble("score"),
                    StoredComponents.json((Number[]) rs.getArray("components").getArray()), rs.getString("model_version"),
                    Rows.instant(rs, "computed_at"));
        }
    }

    class MatchRunMapper implements RowMapper<MatchRun> {
        @Override
        public MatchRun map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new MatchRun(rs.getObject("campaign_id", UUID.class), Rows.instant(rs, "computed_at"),
                    Rows.instant(rs, "campaign_updated_at"), rs.getString("model_version"),
                    rs.getInt("influencers_scored"), rs.getInt("matches"));
        }
    }
}

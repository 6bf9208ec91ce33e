package com.creatorcampaignpro.content;

import com.creatorcampaignpro.db.Rows;
import com.creatorcampaignpro.social.Platform;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Content and its workflow. Reads and writes are scoped in SQL to a party: the influencer who
 * submitted it, or the marketer who owns its campaign; anyone else finds nothing.
 */
@RegisterRowMapper(ContentDao.ContentMapper.class)
public interface ContentDao {

    /** Empty when the same URL is already live under this invitation: a retried submission. */
    @SqlQuery("""
            INSERT INTO content (campaign_id, influencer_id, invitation_id, platform, content_type, title, caption,
                                 content_url, media_urls, deliverable)
            VALUES (:campaignId, :influencerId, :invitationId, :platform, :contentType, :title, :caption,
                    :contentUrl, :mediaUrls, :deliverable)
            ON CONFLICT (invitation_id, content_url) WHERE invitation_id IS NOT NULL AND status <> 'rejected' DO NOTHING
            RETURNING *
            """)
    Optional<Content> insert(@Bind("campaignId") UUID campaignId, @Bind("influencerId") UUID influencerId,
                             @Bind("invitationId") UUID invitationId, @Bind("platform") String platform,
                             @Bind("contentType") String contentType, @Bind("title") String title,
                             @Bind("caption") String caption, @Bind("contentUrl") String contentUrl,
                             @Bind("mediaUrls") String[] mediaUrls, @Bind("deliverable") String deliverable);

    default Optional<Content> insert(UUID campaignId, UUID influencerId, UUID invitationId, ContentDraft d) {
        return insert(campaignId, influencerId, invitationId, d.platform().dbValue(), d.contentType().dbValue(),
                d.title(), d.caption(), d.contentUrl(), Rows.array(d.mediaUrls()), d.deliverable());
    }

    @SqlQuery("""
            SELECT * FROM content
            WHERE invitation_id = :invitationId AND content_url = :contentUrl AND status <> 'rejected'
            """)
    Optional<Content> findLiveByUrl(@Bind("invitationId") UUID invitationId, @Bind("contentUrl") String contentUrl);

    @SqlQuery("""
            SELECT c.* FROM content c JOIN campaigns k ON k.id = c.campaign_id
            WHERE c.id = :id AND (c.influencer_id = :userId OR k.marketer_id = :userId)
            """)
    Optional<Content> findForParty(@Bind("id") UUID id, @Bind("userId") UUID userId);

    /** Locks the row: a resubmission and a review of the same content are serialized. */
    @SqlQuery("SELECT * FROM content WHERE id = :id AND influencer_id = :influencerId FOR UPDATE")
    Optional<Content> lockForInfluencer(@Bind("id") UUID id, @Bind("influencerId") UUID influencerId);

    @SqlQuery("""
            SELECT c.* FROM content c JOIN campaigns k ON k.id = c.campaign_id
            WHERE c.id = :id AND k.marketer_id = :marketerId
            FOR UPDATE OF c
            """)
    Optional<Content> lockForMarketer(@Bind("id") UUID id, @Bind("marketerId") UUID marketerId);

    /** A resubmission: new fields, back to pending; the last verdict's feedback stays for reference. */
    @SqlQuery("""
            UPDATE content SET platform = :platform, content_type = :contentType, title = :title, caption = :caption,
                               content_url = :contentUrl, media_urls = :mediaUrls, deliverable = :deliverable,
                               status = 'pending',
                               submitted_at = CASE WHEN status = 'pending' THEN submitted_at ELSE now() END,
                               updated_at = now()
            WHERE id = :id
            RETURNING *
            """)
    Content resubmit(@Bind("id") UUID id, @Bind("platform") String platform, @Bind("contentType") String contentType,
                     @Bind("title") String title, @Bind("caption") String caption, @Bind("contentUrl") String contentUrl,
                     @Bind("mediaUrls") String[] mediaUrls, @Bind("deliverable") String deliverable);

    default Content resubmit(UUID id, ContentDraft d) {
        return resubmit(id, d.platform().dbValue(), d.contentType().dbValue(), d.title(), d.caption(), d.contentUrl(),
                Rows.array(d.mediaUrls()), d.deliverable());
    }

    @SqlQuery("""
            UPDATE content SET status = :status, feedback = :feedback, reviewed_by = :reviewerId, reviewed_at = now(),
                               updated_at = now()
            WHERE id = :id
            RETURNING *
            """)
    Content review(@Bind("id") UUID id, @Bind("status") String status, @Bind("feedback") String feedback,
                   @Bind("reviewerId") UUID reviewerId);

    @SqlQuery("""
            UPDATE content SET status = 'published', platform_media_id = :platformMediaId,
                               content_url = COALESCE(:liveUrl, content_url), published_at = now(), updated_at = now()
            WHERE id = :id
            RETURNING *
            """)
    Content publish(@Bind("id") UUID id, @Bind("platformMediaId") String platformMediaId, @Bind("liveUrl") String liveUrl);

    /** Another content already claims this media on this platform (the sync matches metrics by it). */
    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM content
                           WHERE platform = :platform AND platform_media_id = :platformMediaId AND id <> :id)
            """)
    boolean mediaClaimedByOther(@Bind("platform") String platform, @Bind("platformMediaId") String platformMediaId,
                                @Bind("id") UUID id);

    @SqlQuery("""
            SELECT * FROM content
            WHERE influencer_id = :influencerId
              AND (CAST(:campaignId AS uuid) IS NULL OR campaign_id = :campaignId)
              AND (CAST(:status AS text) IS NULL OR status = :status)
              AND (CAST(:afterAt AS timestamptz) IS NULL OR (created_at, id) < (:afterAt, :afterId))
            ORDER BY created_at DESC, id DESC
            LIMIT :limit
            """)
    List<Content> pageForInfluencer(@Bind("influencerId") UUID influencerId, @Bind("campaignId") UUID campaignId,
                                    @Bind("status") String status, @Bind("afterAt") Instant afterAt,
                                    @Bind("afterId") UUID afterId, @Bind("limit") int limit);

    @SqlQuery("""
            SELECT c.* FROM content c JOIN campaigns k ON k.id = c.campaign_id
            WHERE k.marketer_id = :marketerId
              AND (CAST(:campaignId AS uuid) IS NULL OR c.campaign_id = :campaignId)
              AND (CAST(:status AS text) IS NULL OR c.status = :status)
              AND (CAST(:afterAt AS timestamptz) IS NULL OR (c.created_at, c.id) < (:afterAt, :afterId))
            ORDER BY c.created_at DESC, c.id DESC
            LIMIT :limit
            """)
    List<Content> pageForMarketer(@Bind("marketerId") UUID marketerId, @Bind("campaignId") UUID campaignId,
                                  @Bind("status") String status, @Bind("afterAt") Instant afterAt,
                                  @Bind("afterId") UUID afterId, @Bind("limit") int limit);

    class ContentMapper implements RowMapper<Content> {
        @Override
        public Content map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Content(
                    rs.getObject("id", UUID.class),
                    rs.getObject("campaign_id", UUID.class),
                    rs.getObject("influencer_id", UUID.class),
                    rs.getObject("invitation_id", UUID.class),
                    Platform.parse(rs.getString("platform")).orElseThrow(),
                    ContentType.parse(rs.getString("content_type")).orElseThrow(),
                    rs.getString("title"),
                    rs.getString("caption"),
                    rs.getString("content_url"),
                    Rows.strings(rs, "media_urls"),
                    rs.getString("platform_media_id"),
                    rs.getString("deliverable"),
                    ContentStatus.parse(rs.getString("status")).orElseThrow(),
                    rs.getString("feedback"),
                    Rows.instant(rs, "submitted_at"),
                    rs.getObject("reviewed_by", UUID.class),
                    Rows.instant(rs, "reviewed_at"),
                    Rows.instant(rs, "published_at"),
                    Rows.instant(rs, "created_at"),
                    Rows.instant(rs, "updated_at"));
        }
    }
}

package com.creatorcampaignpro.social;

import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The socialSyncJob's reads of social_accounts, on the due index (platform, sync_attempted_at, id).
 * Due: live (connected or error, with a token), last attempted before the run's cutoff, not cooling
 * down after a 429, and, for accounts in 'error', last attempted longer ago than a backoff that doubles
 * with each consecutive failure ({@code baseSeconds × 2^(failures-1)}, at most {@code maxSeconds}).
 */
@RegisterRowMapper(SocialAccountDao.SocialAccountMapper.class)
public interface SocialSyncDao {
    String DUE = """
            platform = :platform AND status IN ('connected', 'error') AND access_token_enc IS NOT NULL
              AND sync_attempted_at < :cutoff
              AND (rate_limited_until IS NULL OR rate_limited_until <= now())
              AND (status = 'connected'
                   OR sync_attempted_at < now() - make_interval(secs => least(:maxSeconds,
                          :baseSeconds * power(2, least(greatest(sync_failures - 1, 0), 30)))))
            """;

    /**
     * The next page of due accounts after the keyset position, least recently attempted first, of one
     * slice (a hash of the id modulo {@code slices}; the job's partitions of one platform each read
     * one). The slice is a filter on the due index's walk, not a condition it can seek on: each page
     * reads about {@code slices} times its rows from the index.
     */
    @SqlQuery("SELECT * FROM social_accounts WHERE " + DUE + """
              AND (sync_attempted_at, id) > (:afterAttempted, :afterId)
              AND (:slices = 1 OR (hashtext(CAST(id AS text)) & 2147483647) % :slices = :slice)
            ORDER BY sync_attempted_at, id
            LIMIT :limit
            """)
    List<SocialAccount> due(@Bind("platform") String platform, @Bind("cutoff") Instant cutoff,
                            @Bind("baseSeconds") double baseSeconds, @Bind("maxSeconds") double maxSeconds,
                            @Bind("afterAttempted") Instant afterAttempted, @Bind("afterId") UUID afterId,
                            @Bind("slice") int slice, @Bind("slices") int slices, @Bind("limit") int limit);

    /** The oldest due account's last attempt: the platform's sync lag. */
    @SqlQuery("SELECT min(sync_attempted_at) FROM social_accounts WHERE " + DUE)
    Optional<Instant> oldestDue(@Bind("platform") String platform, @Bind("cutoff") Instant cutoff,
                                @Bind("baseSeconds") double baseSeconds, @Bind("maxSeconds") double maxSeconds);
}

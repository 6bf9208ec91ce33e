package com.creatorcampaignpro.monitoring;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Cluster-wide user activity for the monitoring gauges: the database sees every instance's users. */
public interface UserActivityDao {

    /** Accounts created since the start of today in {@code zone}. */
    @SqlQuery("""
            SELECT count(*) FROM users
            WHERE created_at >= date_trunc('day', now() AT TIME ZONE :zone) AT TIME ZONE :zone
            """)
    long registrationsToday(@Bind("zone") String zone);

    /** Successful password logins since the start of today in {@code zone} (index on attempted_at). */
    @SqlQuery("""
            SELECT count(*) FROM login_attempts
            WHERE succeeded AND attempted_at >= date_trunc('day', now() AT TIME ZONE :zone) AT TIME ZONE :zone
            """)
    long loginsToday(@Bind("zone") String zone);

    /**
     * Users who logged in (password or Google) or refreshed a session in the last 7 days: every
     * login and every refresh writes a refresh token row.
     */
    @SqlQuery("""
            SELECT count(DISTINCT user_id) FROM refresh_tokens
            WHERE created_at >= now() - interval '7 days'
            """)
    long weeklyActiveUsers();
}

package com.creatorcampaignpro.user;

import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The account's life cycle beside {@link UserDao}: verification, password resets, Google links,
 * staff roles, admin listings and deletion.
 */
@RegisterRowMapper(UserDao.UserMapper.class)
public interface AccountDao {

    @SqlUpdate("UPDATE users SET email_verified = TRUE, updated_at = now() WHERE id = :id AND is_active")
    int markEmailVerified(@Bind("id") UUID id);

    @SqlUpdate("UPDATE users SET password_hash = :hash, updated_at = now() WHERE id = :id AND is_active")
    int setPasswordHash(@Bind("id") UUID id, @Bind("hash") String hash);

    @SqlQuery(UserDao.SELECT_USER + "WHERE u.google_subject = :subject")
    Optional<User> findByGoogleSubject(@Bind("subject") String subject);

    /** Links a Google account; 0 when the user already has another Google account linked. */
    @SqlUpdate("""
            UPDATE users SET google_subject = :subject, email_verified = TRUE, updated_at = now()
            WHERE id = :id AND (google_subject IS NULL OR google_subject = :subject)
            """)
    int linkGoogle(@Bind("id") UUID id, @Bind("subject") String subject);

    /** A new account from Google: no password; empty when the email or the Google account is taken. */
    @SqlQuery("""
            INSERT INTO users (email, password_hash, user_type, first_name, last_name, google_subject, email_verified)
            VALUES (:email, NULL, :userType, :firstName, :lastName, :subject, TRUE)
            ON CONFLICT DO NOTHING
            RETURNING *, ARRAY[]::text[] AS staff_roles
            """)
    Optional<User> insertFromGoogle(@Bind("email") String email, @Bind("userType") String userType,
                                    @Bind("firstName") String firstName, @Bind("lastName") String lastName,
                                    @Bind("subject") String subject);

    @SqlQuery("SELECT google_subject FROM users WHERE id = :id")
    Optional<String> googleSubject(@Bind("id") UUID id);

    /**
     * Locks the influencer profile before the user's row: a profile update in flight locks the
     * profile, then (V120's trigger) the user's row; taking them in the same order cannot deadlock.
     */
    @SqlQuery("SELECT count(*) FROM (SELECT 1 FROM influencer_profiles WHERE user_id = :id FOR UPDATE) locked")
    int lockInfluencerProfile(@Bind("id") UUID id);

    /** Locks the user's row: serializes concurrent role changes and deletions of one account. */
    @SqlQuery(UserDao.SELECT_USER + "WHERE u.id = :id FOR UPDATE OF u")
    Optional<User> lock(@Bind("id") UUID id);

    /**
     * The ids of the active admins, with their role rows locked: two admins demoting each other at
     * once are serialized here, so the second sees that it would remove the last admin.
     */
    @SqlQuery("""
            SELECT r.user_id FROM staff_roles r JOIN users u ON u.id = r.user_id
            WHERE r.role = 'admin' AND u.is_active
            ORDER BY r.user_id
            FOR UPDATE OF r
            """)
    List<UUID> lockAdmins();

    @SqlUpdate("DELETE FROM staff_roles WHERE user_id = :userId AND NOT (role = ANY(:keep))")
    int revokeRolesExcept(@Bind("userId") UUID userId, @Bind("keep") String[] keep);

    @SqlUpdate("""
            INSERT INTO staff_roles (user_id, role, granted_by) VALUES (:userId, :role, :grantedBy)
            ON CONFLICT (user_id, role) DO NOTHING
            """)
    int grantRole(@Bind("userId") UUID userId, @Bind("role") String role, @Bind("grantedBy") UUID grantedBy);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM staff_roles r JOIN users u ON u.id = r.user_id WHERE r.role = 'admin' AND u.is_active)")
    boolean anyActiveAdmin();

    /** Serializes bootstrap across instances starting at once; released at the end of the transaction. */
    @SqlQuery("SELECT pg_advisory_xact_lock(:key) IS NOT NULL")
    boolean advisoryLock(@Bind("key") long key);

    /** Admin listing, newest first, keyset-paged; filters are optional (email: substring, any case). */
    @SqlQuery(UserDao.SELECT_USER + """
            WHERE (CAST(:email AS text) IS NULL OR lower(u.email) LIKE '%' || lower(:email) || '%')
              AND (CAST(:role AS text) IS NULL
                   OR u.user_type = :role
                   OR EXISTS (SELECT 1 FROM staff_roles s WHERE s.user_id = u.id AND s.role = :role))
              AND (CAST(:afterAt AS timestamptz) IS NULL OR (u.created_at, u.id) < (:afterAt, :afterId))
            ORDER BY u.created_at DESC, u.id DESC
            LIMIT :limit
            """)
    List<User> page(@Bind("email") String email, @Bind("role") String role, @Bind("afterAt") Instant afterAt,
                    @Bind("afterId") UUID afterId, @Bind("limit") int limit);

    /**
     * Account deletion keeps the row (campaigns, content and payments point at it, and finance needs
     * them) but removes everything that identifies the person.
     */
    @SqlUpdate("""
            UPDATE users SET email = 'deleted-' || id || '@deleted.invalid', password_hash = NULL, google_subject = NULL,
                             first_name = '', last_name = '', company_name = NULL, phone = NULL, avatar_url = NULL,
                             email_verified = FALSE, is_active = FALSE, deleted_at = now(), updated_at = now()
            WHERE id = :id AND deleted_at IS NULL
            """)
    int anonymize(@Bind("id") UUID id);

    @SqlUpdate("DELETE FROM staff_roles WHERE user_id = :userId")
    int revokeAllRoles(@Bind("userId") UUID userId);

    @SqlUpdate("""
            UPDATE influencer_profiles SET display_name = '', bio = '', location = NULL, country = NULL,
                                           audience = '{}', availability = 'unavailable', updated_at = now()
            WHERE user_id = :userId
            """)
    int anonymizeInfluencerProfile(@Bind("userId") UUID userId);

    /** The platform tokens and the handles go; the rows stay for any content that points at them. */
    @SqlUpdate("""
            UPDATE social_accounts SET access_token_enc = NULL, refresh_token_enc = NULL, token_expires_at = NULL,
                                       platform_user_id = NULL, username = NULL, profile_url = NULL,
                                       status = 'disconnected', updated_at = now()
            WHERE user_id = :userId
            """)
    int disconnectSocialAccounts(@Bind("userId") UUID userId);

    /** Payout details stay for finance (payments reference them) but can never be used again. */
    @SqlUpdate("UPDATE payment_methods SET status = 'disabled', is_default = FALSE, updated_at = now() WHERE user_id = :userId")
    int disablePaymentMethods(@Bind("userId") UUID userId);

    @SqlUpdate("UPDATE users SET avatar_url = :url, updated_at = now() WHERE id = :id AND is_active")
    int setAvatarUrl(@Bind("id") UUID id, @Bind("url") String url);
}

package com.creatorcampaignpro.user;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.Optional;
import java.util.UUID;

@RegisterConstructorMapper(Avatar.class)
public interface UserAvatarDao {

    /** Replacing is an upsert, so a retried upload leaves one row with the same bytes. */
    @SqlUpdate("""
            INSERT INTO user_avatars (user_id, content_type, image, sha256) VALUES (:userId, :contentType, :image, :sha256)
            ON CONFLICT (user_id) DO UPDATE SET content_type = excluded.content_type, image = excluded.image,
                                                sha256 = excluded.sha256, updated_at = now()
            """)
    void upsert(@Bind("userId") UUID userId, @Bind("contentType") String contentType, @Bind("image") byte[] image,
                @Bind("sha256") String sha256);

    @SqlQuery("""
            SELECT a.user_id, a.content_type, a.image, a.sha256, a.updated_at
            FROM user_avatars a JOIN users u ON u.id = a.user_id
            WHERE a.user_id = :userId AND u.is_active
            """)
    Optional<Avatar> find(@Bind("userId") UUID userId);

    @SqlUpdate("DELETE FROM user_avatars WHERE user_id = :userId")
    int delete(@Bind("userId") UUID userId);
}

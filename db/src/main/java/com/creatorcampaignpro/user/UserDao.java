package com.creatorcampaignpro.user;

import com.creatorcampaignpro.db.Rows;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@RegisterRowMapper(UserDao.UserMapper.class)
public interface UserDao {

    /** Selects a user with their staff roles in one round trip. */
    String SELECT_USER = """
            SELECT u.*, ARRAY(SELECT r.role FROM staff_roles r WHERE r.user_id = u.id ORDER BY r.role) AS staff_roles
            FROM users u
            """;

    /** Empty when the email is taken (in any letter case): the caller answers 409 without a race. */
    @SqlQuery("""
            INSERT INTO users (email, password_hash, user_type, first_name, last_name, company_name, phone)
            VALUES (:email, :passwordHash, :userType, :firstName, :lastName, :companyName, :phone)
            ON CONFLICT ((lower(email))) DO NOTHING
            RETURNING *, ARRAY[]::text[] AS staff_roles
            """)
    Optional<User> insert(@Bind("email") String email, @Bind("passwordHash") String passwordHash,
                          @Bind("userType") String userType, @Bind("firstName") String firstName,
                          @Bind("lastName") String lastName, @Bind("companyName") String companyName,
                          @Bind("phone") String phone);

    @SqlQuery(SELECT_USER + "WHERE u.id = :id")
    Optional<User> find(@Bind("id") UUID id);

    @SqlQuery(SELECT_USER + "WHERE lower(u.email) = lower(:email)")
    Optional<User> findByEmail(@Bind("email") String email);

    @SqlQuery("""
            UPDATE users SET first_name = :firstName, last_name = :lastName, company_name = :companyName,
                             phone = :phone, updated_at = now()
            WHERE id = :id AND is_active
            RETURNING *, ARRAY(SELECT r.role FROM staff_roles r WHERE r.user_id = users.id ORDER BY r.role) AS staff_roles
            """)
    Optional<User> updateProfile(@Bind("id") UUID id, @Bind("firstName") String firstName,
                                 @Bind("lastName") String lastName, @Bind("companyName") String companyName,
                                 @Bind("phone") String phone);

    @SqlUpdate("UPDATE users SET last_login_at = now() WHERE id = :id")
    void touchLastLogin(@Bind("id") UUID id);

    @SqlUpdate("""
            INSERT INTO staff_roles (user_id, role, granted_by) VALUES (:userId, :role, :grantedBy)
            ON CONFLICT (user_id, role) DO NOTHING
            """)
    int grantRole(@Bind("userId") UUID userId, @Bind("role") String role, @Bind("grantedBy") UUID grantedBy);

    class UserMapper implements RowMapper<User> {
        @Override
        public User map(ResultSet rs, StatementContext ctx) throws SQLException {
            Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
            Rows.strings(rs, "staff_roles").forEach(r -> StaffRole.parse(r).ifPresent(roles::add));
            return new User(
                    rs.getObject("id", UUID.class),
                    rs.getString("email"),
                    rs.getString("password_hash"),
                    UserType.parse(rs.getString("user_type")).orElseThrow(),
                    rs.getString("first_name"),
                    rs.getString("last_name"),
                    rs.getString("company_name"),
                    rs.getString("phone"),
                    rs.getString("avatar_url"),
                    rs.getBoolean("email_verified"),
                    rs.getBoolean("is_active"),
                    Set.copyOf(roles),
                    Rows.instant(rs, "last_login_at"),
                    Rows.instant(rs, "created_at"),
                    Rows.instant(rs, "updated_at"));
        }
    }
}

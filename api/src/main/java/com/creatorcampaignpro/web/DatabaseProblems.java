package com.creatorcampaignpro.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a constraint violation or a data error that PostgreSQL raised, from wherever it came (JDBI's
 * exceptions, Spring's DataAccessException, a failed commit), to a 4xx problem by its SQLState:
 * the checks before the write let it through, but it is still about the client's input or the
 * current state. The constraint's meaning is named, never the SQL or the server's message.
 */
final class DatabaseProblems {

    /** Constraint name -> (field, what it means), for the constraints a client can run into. */
    private static final Map<String, Problems.FieldError> MEANINGS = Map.ofEntries(
            Map.entry("users_email_lower_key", new Problems.FieldError("email", "is already registered")),
            Map.entry("users_google_subject_key", new Problems.FieldError("idToken", "this Google account is already linked to another user")),
            Map.entry("content_platform_media_key", new Problems.FieldError("platformMediaId", "is already the published media of other content")),
            Map.entry("content_invitation_url_key", new Problems.FieldError("contentUrl", "was already submitted for this invitation")),
            Map.entry("campaign_invitations_one_live", new Problems.FieldError("influencerId", "already has a live invitation to this campaign")),
            Map.entry("payment_disputes_one_open", new Problems.FieldError("paymentId", "already has an open dispute")),
            Map.entry("payment_methods_one_default", new Problems.FieldError("isDefault", "another payout method is already the default")),
            Map.entry("payment_methods_one_stripe", new Problems.FieldError("provider", "a Stripe payout method already exists")),
            Map.entry("payment_methods_paypal_email", new Problems.FieldError("paypalEmail", "is already a payout method")),
            Map.entry("content_rates_influencer_platform_type_key", new Problems.FieldError("rates", "names the same platform and content type twice")),
            Map.entry("social_accounts_user_platform_key", new Problems.FieldError("platform", "is already connected")),
            Map.entry("campaigns_dates_ordered", new Problems.FieldError("endDate", "must not be before startDate")),
            Map.entry("campaigns_follower_range", new Problems.FieldError("maxFollowers", "must not be below minFollowers")),
            Map.entry("payments_content_key", new Problems.FieldError("contentId", "already has a payment")),
            Map.entry("campaigns_currency_locked", new Problems.FieldError("currency",
                    "is fixed once the campaign has an invitation")),
            Map.entry("campaign_invitations_campaign_currency", new Problems.FieldError("currency",
                    "must be the campaign's currency, which changed while this request ran; retry")));

    private DatabaseProblems() {
    }

    /** Problem types that the checks before the write already use for the same conflict: one type per meaning. */
    private static final Map<String, String> TYPES = Map.of("content_platform_media_key", "media-claimed");

    /** The first SQLException in the chain, if the failure came from the database. */
    static Optional<SQLException> sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    /** A problem for errors caused by data (SQLState classes 22 and 23, conflicts of 40), else empty. */
    static Optional<ProblemDetail> of(SQLException e) {
        String state = e.getSQLState();
        String constraint = constraintOf(e);
        Problems.FieldError meaning = constraint == null ? null : MEANINGS.get(constraint);
        return switch (state) {
            case "23505" -> Optional.of(conflict(TYPES.getOrDefault(constraint, "duplicate"), meaning,
                    "the request duplicates existing data"));
            case "23503" -> Optional.of(conflict("referenced-data-changed", meaning,
                    "the request refers to data that no longer exists or is still referenced"));
            case "23P01" -> Optional.of(conflict("constraint-violation", meaning, "the request conflicts with existing data"));
            case "23502", "23514" -> Optional.of(meaning != null
                    ? Problems.validation(List.of(meaning))
                    : Problems.of(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid request",
                    "a value is missing or outside what is allowed"));
            // Raised by V120's triggers: a write for an account deleted while the request was in flight.
            case "CCP01" -> Optional.of(Problems.of(HttpStatus.CONFLICT, Problems.type("account-inactive"),
                    "Account inactive", "the account was deleted or deactivated"));
            // Raised by V170's triggers: a currency change racing an invitation (the constraint says which side lost).
            case "CCP02" -> Optional.of(conflict("currency-locked", meaning, "the campaign's currency is fixed once it has an invitation"));
            case "40001", "40P01" -> Optional.of(Problems.of(HttpStatus.CONFLICT, Problems.type("concurrent-update"),
                    "Concurrent update", "another request changed the same data at the same time; retry"));
            default -> state.startsWith("22")
                    // data exceptions: NUL in text (22021), values out of range (22003, 22008), too long (22001)...
                    ? Optional.of(Problems.of(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid request",
                    "a value is outside what can be stored"))
                    : Optional.empty();
        };
    }

    private static ProblemDetail conflict(String code, Problems.FieldError meaning, String fallback) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, Problems.type(code), "Conflict with existing data",
                meaning == null ? fallback : meaning.field() + ": " + meaning.message());
        if (meaning != null) {
            problem.setProperty("errors", List.of(meaning));
        }
        return problem;
    }

    private static String constraintOf(SQLException e) {
        if (e instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null) {
            return psql.getServerErrorMessage().getConstraint();
        }
        return null;
    }
}

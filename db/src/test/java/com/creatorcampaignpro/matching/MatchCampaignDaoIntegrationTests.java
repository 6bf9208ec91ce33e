package com.creatorcampaignpro.matching;

import com.creatorcampaignpro.campaign.Campaign;
import com.creatorcampaignpro.campaign.CampaignDao;
import com.creatorcampaignpro.campaign.CampaignStatus;
import com.creatorcampaignpro.campaign.Deliverable;
import com.creatorcampaignpro.campaign.TargetAudience;
import com.creatorcampaignpro.content.ContentType;
import com.creatorcampaignpro.db.testing.PostgresExtension;
import com.creatorcampaignpro.money.Money;
import com.creatorcampaignpro.social.Platform;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The scorer's criteria read back what the campaign API stored, target audience included (issue 10, point 2). */
@ExtendWith(PostgresExtension.class)
class MatchCampaignDaoIntegrationTests {
    private final Jdbi jdbi;
    private final CampaignDao campaigns;
    private final MatchCampaignDao criteria;

    MatchCampaignDaoIntegrationTests(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.campaigns = jdbi.onDemand(CampaignDao.class);
        this.criteria = jdbi.onDemand(MatchCampaignDao.class);
    }

    private UUID marketer() {
        return jdbi.withHandle(h -> h.createQuery("INSERT INTO users (email, user_type) VALUES (:e, 'marketer') RETURNING id")
                .bind("e", "m-" + UUID.randomUUID() + "@example.com").mapTo(UUID.class).one());
    }

    @Test
    void aCampaignSavedThroughTheCampaignDaoIsTheScorersCriteria() {
        UUID owner = marketer();
        Campaign saved = campaigns.insert(new Campaign(null, owner, "Audience", "", List.of(), CampaignStatus.DRAFT,
                Money.of(100_000, "EUR"), Money.of(25_000, "EUR"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1),
                List.of("food"), List.of("pt"), List.of("PT"), List.of("instagram"), 1_000L, 50_000L, new BigDecimal("2.5"),
                new TargetAudience(List.of("PT", "ES"), 18, 34, List.of("female"), List.of("cooking"), null),
                List.of(new Deliverable("instagram", "reel", 2, null, null)), null, null));

        MatchCriteria c = criteria.owned(saved.id(), owner).orElseThrow().criteria();

        assertThat(c.audience()).isEqualTo(new MatchCriteria.AudienceTarget(Set.of("PT", "ES"), 18, 34, Set.of("female")));
        assertThat(c.categories()).containsExactly("food");
        assertThat(c.requiredPlatforms()).containsExactly(Platform.INSTAGRAM);
        assertThat(c.deliverables()).containsExactly(new MatchCriteria.DeliverableNeed(Platform.INSTAGRAM, ContentType.REEL, 2));
        assertThat(c.remainingBudget()).isEqualTo(75_000);
        assertThat(c.minEngagementRate()).isEqualTo(2.5);
        assertThat(criteria.owned(saved.id(), marketer())).isEmpty();
    }

    @Test
    void aSeedStyleAudienceIsReadLikeTheCampaignRecordReadsIt() {
        // The seed stored free-form objects: {"country": "us", "ageRange": "25-34", "gender": "Male"}.
        UUID owner = marketer();
        UUID id = jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO campaigns (marketer_id, name, budget, target_audience)
                        VALUES (:m, 'seed', 1000, '{"country": "us", "ageRange": "25-34", "gender": "Male"}') RETURNING id""")
                .bind("m", owner).mapTo(UUID.class).one());

        MatchCriteria.AudienceTarget audience = criteria.owned(id, owner).orElseThrow().criteria().audience();

        assertThat(audience).isEqualTo(new MatchCriteria.AudienceTarget(Set.of("US"), 25, 34, Set.of("male")));
        assertThat(audience).isEqualTo(toTarget(campaigns.find(id).orElseThrow().targetAudience()));
    }

    private static MatchCriteria.AudienceTarget toTarget(TargetAudience a) {
        return new MatchCriteria.AudienceTarget(Set.copyOf(a.countries().stream().map(String::toUpperCase).toList()),
                a.minAge(), a.maxAge(), Set.copyOf(a.genders().stream().map(String::toLowerCase).toList()));
    }
}

package com.creatorcampaignpro.campaign;

import com.creatorcampaignpro.db.testing.PostgresExtension;
import com.creatorcampaignpro.money.Money;
import com.creatorcampaignpro.user.User;
import com.creatorcampaignpro.user.UserDao;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(PostgresExtension.class)
class CampaignDaoIntegrationTests {
    private final CampaignDao campaigns;
    private final UserDao users;

    CampaignDaoIntegrationTests(Jdbi jdbi) {
        this.campaigns = jdbi.onDemand(CampaignDao.class);
        this.users = jdbi.onDemand(UserDao.class);
    }

    private UUID marketer() {
        User user = users.insert("dao-" + UUID.randomUUID() + "@example.com", "hash", "marketer", "M", "K", null, null)
                .orElseThrow();
        return user.id();
    }

    private static Campaign draft(UUID marketerId, String name) {
        return new Campaign(null, marketerId, name, "", List.of("awareness", "sales"), CampaignStatus.DRAFT,
                Money.of(1_000, "USD"), Money.zero("USD"),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), List.of("food"), List.of("en"), List.of("PT"),
                List.of("instagram"), 1_000L, 50_000L, new BigDecimal("2.5000"),
                new TargetAudience(List.of("PT", "ES"), 18, 24, List.of("female"), List.of("cooking"), "urban"),
                List.of(new Deliverable("instagram", "reel", 2, LocalDate.of(2026, 1, 15), "recipe reel"),
                        new Deliverable("tiktok", "video", 1, null, null)), null, null);
    }

    @Test
    void insertRoundTripsEveryColumn() {
        UUID owner = marketer();
        Campaign saved = campaigns.insert(draft(owner, "Round trip"));

        Campaign read = campaigns.findOwned(saved.id(), owner).orElseThrow();
        assertThat(read).isEqualTo(saved);
        assertThat(read.targetCountries()).containsExactly("PT");
        assertThat(read.minEngagementRate()).isEqualByComparingTo("2.5");
        assertThat(read.objectives()).containsExactly("awareness", "sales");
        assertThat(read.budget()).isEqualTo(Money.of(1_000, "USD"));
        assertThat(read.targetAudience().minAge()).isEqualTo(18);
        assertThat(read.targetAudience().countries()).containsExactly("PT", "ES");
        assertThat(read.deliverables()).hasSize(2);
        assertThat(read.deliverables().get(0).dueDate()).isEqualTo(LocalDate.of(2026, 1, 15));
    }

    @Test
    void ownershipIsPartOfEveryLookup() {
        UUID owner = marketer();
        UUID stranger = marketer();
        Campaign saved = campaigns.insert(draft(owner, "Mine"));

        assertThat(campaigns.findOwned(saved.id(), stranger)).isEmpty();
        assertThat(campaigns.delete(saved.id(), stranger)).isZero();
        assertThat(campaigns.find(saved.id())).isPresent();
    }

    @Test
    void keysetPagesWalkEveryRowOnceNewestFirst() {
        UUID owner = marketer();
        List<UUID> inserted = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            inserted.add(campaigns.insert(draft(owner, "c" + i)).id());
        }
        List<UUID> walked = new ArrayList<>();
        List<Campaign> page = campaigns.pageOwned(owner, null, null, null, 3);
        while (!page.isEmpty()) {
            page.forEach(c -> walked.add(c.id()));
            Campaign last = page.get(page.size() - 1);
            page = campaigns.pageOwned(owner, null, last.createdAt(), last.id(), 3);
        }
        assertThat(walked).hasSize(7).containsExactlyInAnyOrderElementsOf(inserted).doesNotHaveDuplicates();
    }
}

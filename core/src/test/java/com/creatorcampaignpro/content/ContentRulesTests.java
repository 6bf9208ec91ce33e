package com.creatorcampaignpro.content;

import com.creatorcampaignpro.campaign.CampaignStatus;
import com.creatorcampaignpro.error.ConflictException;
import com.creatorcampaignpro.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.creatorcampaignpro.content.ContentStatus.APPROVED;
import static com.creatorcampaignpro.content.ContentStatus.CHANGES_REQUESTED;
import static com.creatorcampaignpro.content.ContentStatus.PENDING;
import static com.creatorcampaignpro.content.ContentStatus.PUBLISHED;
import static com.creatorcampaignpro.content.ContentStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentRulesTests {

    @Test
    void theStatusMachineIsDesignMds() {
        assertThat(PENDING.allowedNext()).containsExactlyInAnyOrder(APPROVED, REJECTED, CHANGES_REQUESTED);
        assertThat(APPROVED.allowedNext()).containsExactly(PUBLISHED);
        assertThat(CHANGES_REQUESTED.allowedNext()).containsExactly(PENDING);
        assertThat(REJECTED.allowedNext()).isEmpty();
        assertThat(PUBLISHED.allowedNext()).isEmpty();
        assertThat(PENDING.isEditable()).isTrue();
        assertThat(CHANGES_REQUESTED.isEditable()).isTrue();
        assertThat(APPROVED.isEditable()).isFalse();
    }

    @Test
    void reviewsMovePendingContentOnlyAndRejectionsSayWhy() {
        assertThat(ContentRules.checkReview(PENDING, APPROVED, null)).isNull();
        assertThat(ContentRules.checkReview(PENDING, REJECTED, "  off brand ")).isEqualTo("off brand");
        assertThatThrownBy(() -> ContentRules.checkReview(PENDING, REJECTED, " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("feedback"));
        assertThatThrownBy(() -> ContentRules.checkReview(PENDING, CHANGES_REQUESTED, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ContentRules.checkReview(APPROVED, APPROVED, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("illegal-status-transition"));
        assertThatThrownBy(() -> ContentRules.checkReview(CHANGES_REQUESTED, REJECTED, "x")).isInstanceOf(ConflictException.class);
    }

    @Test
    void draftsAreValidatedFieldByField() {
        ContentDraft draft = ContentRules.draft("Instagram", "REEL", " t ", null, " https://a.example.com/x ", null, " ");
        assertThat(draft.platform().dbValue()).isEqualTo("instagram");
        assertThat(draft.contentUrl()).isEqualTo("https://a.example.com/x");
        assertThat(draft.deliverable()).isNull();
        assertThatThrownBy(() -> ContentRules.draft("myspace", "podcast", null, null, "file:///etc/passwd", List.of("x"), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.FieldViolation::field)
                        .containsExactly("platform", "contentType", "contentUrl", "mediaUrls[0]"));
    }

    @Test
    void contentGoesOnlyToActiveCampaigns() {
        ContentRules.checkCampaignAcceptsContent(CampaignStatus.ACTIVE);
        for (CampaignStatus status : List.of(CampaignStatus.DRAFT, CampaignStatus.PAUSED, CampaignStatus.COMPLETED)) {
            assertThatThrownBy(() -> ContentRules.checkCampaignAcceptsContent(status))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("campaign-not-active"));
        }
    }
}

package com.creatorcampaignpro.campaign;

import com.creatorcampaignpro.content.ContentType;
import com.creatorcampaignpro.error.ValidationException;
import com.creatorcampaignpro.error.ValidationException.FieldViolation;
import com.creatorcampaignpro.social.Platform;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One deliverable a campaign or an invitation asks for, e.g. 2 Instagram reels by a date. */
public record Deliverable(
        @NotBlank @Schema(allowableValues = {"instagram", "youtube", "tiktok", "twitter"}) String platform,
        @NotBlank @Schema(allowableValues = {"post", "story", "reel", "video", "short", "tweet", "live"}) String contentType,
        @NotNull @Min(1) @Max(1000) Integer quantity,
        LocalDate dueDate,
        @Size(max = 2000) String description) {

    /** Checks platform and content type (400 naming {@code deliverables[i].<field>}) and stores them lower-case. */
    public static List<Deliverable> normalized(List<Deliverable> deliverables) {
        if (deliverables == null) {
            return List.of();
        }
        List<FieldViolation> violations = new ArrayList<>();
        List<Deliverable> out = new ArrayList<>();
        for (int i = 0; i < deliverables.size(); i++) {
            Deliverable d = deliverables.get(i);
            Platform platform = Platform.parse(d.platform().trim()).orElse(null);
            if (platform == null) {
                violations.add(new FieldViolation("deliverables[" + i + "].platform", "must be one of instagram, youtube, tiktok, twitter"));
            }
            ContentType type = ContentType.parse(d.contentType().trim()).orElse(null);
            if (type == null) {
                violations.add(new FieldViolation("deliverables[" + i + "].contentType",
                        "must be one of post, story, reel, video, short, tweet, live"));
            }
            if (platform != null && type != null) {
                out.add(new Deliverable(platform.dbValue(), type.dbValue(), d.quantity(), d.dueDate(),
                        d.description() == null ? null : d.description().trim()));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return out;
    }
}

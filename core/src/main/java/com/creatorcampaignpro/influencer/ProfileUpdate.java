package com.creatorcampaignpro.influencer;

import java.util.List;

/** What an influencer edits on their own profile; metrics, rating and verification are not theirs to set. */
public record ProfileUpdate(
        String displayName,
        String bio,
        List<String> categories,
        List<String> languages,
        String location,
        String country,
        Availability availability) {
}

package com.creatorcampaignpro.user;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/** Profile pictures: PNG, JPEG or WebP up to max-size, served with this cache lifetime. */
@ConfigurationProperties("ccp.avatar")
public record AvatarProperties(
        @DefaultValue("2MB") DataSize maxSize,
        @DefaultValue("1h") Duration cacheMaxAge) {
}

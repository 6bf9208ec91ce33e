package com.creatorcampaignpro.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bootstrap admin: at start-up, while no admin exists, this email's account (created with the
 * password when missing) is made admin. Both come from the environment.
 */
@ConfigurationProperties("ccp.admin")
public record AdminProperties(@DefaultValue Bootstrap bootstrap) {

    public record Bootstrap(String email, String password) {
        public boolean requested() {
            return email != null && !email.isBlank();
        }
    }
}

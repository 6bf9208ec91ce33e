package com.creatorcampaignpro.social;

import com.creatorcampaignpro.platform.Secrets;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The token cipher (key from CCP_TOKEN_KEY) and the account sync that the API and the sync job share. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SocialSyncProperties.class)
class SocialConfiguration {

    /**
     * Required in prod. In development an unset key is random per process: tokens stored by an earlier
     * run then fail to decrypt and those accounts are disconnected with a message asking to reconnect.
     */
    @Bean
    TokenCipher tokenCipher(SocialProperties properties, Secrets secrets) {
        return TokenCipher.withKey(secrets.require("CCP_TOKEN_KEY", properties.tokenKey(),
                "encrypting OAuth tokens at rest", 32));
    }

    @Bean
    SocialAccountSync socialAccountSync(SocialAccountDao accounts, TokenCipher cipher, SocialPlatformClients clients,
                                        PlatformTransactionManager transactions, SocialProperties properties,
                                        SocialMediaDao media, SocialSyncProperties sync) {
        return new SocialAccountSync(accounts, cipher, clients, new TransactionTemplate(transactions), properties.refreshSkew(),
                new SocialMediaRecorder(media, sync.mediaKeep(), sync.mediaMaxAge()));
    }
}

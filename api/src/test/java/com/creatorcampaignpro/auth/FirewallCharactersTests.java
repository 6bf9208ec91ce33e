package com.creatorcampaignpro.auth;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirewallCharactersTests {
    // StrictHttpFirewall's own patterns (spring-security-web 7.0): the loop must accept exactly what they accept.
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void acceptsExactlyWhatTheFirewallsPatternsAcceptForEveryCodePoint() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String alone = Character.toString(codePoint);
            String inToken = "Bearer eyJ" + alone + "x";
            for (String value : List.of(alone, inToken)) {
                assertThat(FirewallCharacters.NAMES.test(value)).as("name U+%04X", codePoint)
                        .isEqualTo(NAME.matcher(value).matches());
                assertThat(FirewallCharacters.HEADER_VALUES.test(value)).as("header value U+%04X", codePoint)
                        .isEqualTo(HEADER_VALUE.matcher(value).matches());
            }
        }
    }

    @Test
    void agreesOnSurrogatesAloneInPairsAndReversed() {
        List<String> values = List.of("\uD83D\uDE00", "a\uD83D", "\uDE00b", "\uDE00\uD83D", "\uD83D\uD83D\uDE00",
                "tab\there", "line\nbreak", "", "é and ü", "\u0085", "\u200B", "\uFFFF", "\uFEFF");
        for (String value : values) {
            assertThat(FirewallCharacters.NAMES.test(value)).as(value).isEqualTo(NAME.matcher(value).matches());
            assertThat(FirewallCharacters.HEADER_VALUES.test(value)).as(value)
                    .isEqualTo(HEADER_VALUE.matcher(value).matches());
        }
    }

    @Test
    void theFirewallRefusesAControlCharacterInAHeaderAndAllowsABearerToken() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/campaigns");
        request.addHeader("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln");
        request.addHeader("X-Bad", "a\u0007b");
        FirewalledRequest firewalled = FirewallCharacters.strictFirewall().getFirewalledRequest(request);
        assertThat(firewalled.getHeader("Authorization")).startsWith("Bearer ");
        assertThatThrownBy(() -> firewalled.getHeader("X-Bad"))
                .isInstanceOf(RequestRejectedException.class);
    }
}

package com.creatorcampaignpro.auth;

import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.function.Predicate;

/**
 * Spring Security's default {@link StrictHttpFirewall} character rules, checked by a loop instead of
 * its regular expressions. The firewall checks a header's value each time the application reads it
 * ({@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}), and the bearer token is a few hundred
 * characters read several times per request: the regex was 16-18% of the cheapest endpoint's CPU
 * samples (JFR, BENCHMARKS.md "HTTP API"). Same rules: every code point assigned in Unicode and
 * not an ISO control character (a tab allowed in header values); {@code FirewallCharactersTests}
 * compares both on every code point. Everything else in the firewall keeps its defaults.
 */
final class FirewallCharacters {
    /** Header names and parameter names: {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}. */
    static final Predicate<String> NAMES = value -> allowed(value, false);
    /** Header values: {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}. */
    static final Predicate<String> HEADER_VALUES = value -> allowed(value, true);

    private FirewallCharacters() {
    }

    static StrictHttpFirewall strictFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(NAMES);
        firewall.setAllowedHeaderValues(HEADER_VALUES);
        firewall.setAllowedParameterNames(NAMES);
        return firewall;
    }

    static boolean allowed(String value, boolean tabAllowed) {
        int i = 0;
        int length = value.length();
        while (i < length) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++;   // printable ASCII: assigned and not a control character
                continue;
            }
            int codePoint = value.codePointAt(i);
            if (Character.getType(codePoint) == Character.UNASSIGNED
                    || Character.getType(codePoint) == Character.CONTROL && !(tabAllowed && codePoint == '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}

package com.creatorcampaignpro.auth;

import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.Test;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.util.SimpleMethodInvocation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RoleCheckExpressionParserTests {
    private static final List<String> DIRECT = List.of("hasRole('marketer')", "hasRole('admin')",
            "hasAnyRole('marketer', 'admin')", "hasAnyRole('marketer','influencer')", "hasAnyRole('operator', 'admin')",
            "hasAnyRole('finance')", "isAuthenticated()", "permitAll()", " hasRole( 'finance' ) ");
    private static final List<String> LEFT_TO_SPEL = List.of("hasRole('marketer') and hasRole('admin')",
            "hasRole('a', 'b')", "hasRole(\"marketer\")", "hasAuthority('ROLE_marketer')", "!isAuthenticated()",
            "isAnonymous()", "hasRole('ROLE_marketer') or true", "denyAll()", "hasAnyRole()", "#id != null");

    private final DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
    private final RoleCheckExpressionParser parser = new RoleCheckExpressionParser(new SpelExpressionParser());

    @Test
    void decidesAsSpelDoesForEveryFormAndCaller() {
        for (String text : DIRECT) {
            Expression direct = parser.parseExpression(text);
            Expression spel = new SpelExpressionParser().parseExpression(text);
            assertThat(direct).as(text).isInstanceOf(RoleCheckExpressionParser.DirectRoleCheck.class);
            assertThat(direct.getExpressionString()).isEqualTo(text);
            for (Authentication caller : callers()) {
                EvaluationContext context = handler.createEvaluationContext(caller, invocation());
                assertThat(direct.getValue(context)).as("%s for %s", text, caller)
                        .isEqualTo(spel.getValue(handler.createEvaluationContext(caller, invocation())));
            }
        }
    }

    @Test
    void leavesEveryOtherExpressionToSpel() {
        for (String text : LEFT_TO_SPEL) {
            assertThat(parser.parseExpression(text)).as(text).isNotInstanceOf(RoleCheckExpressionParser.DirectRoleCheck.class);
        }
    }

    private static List<Authentication> callers() {
        List<Authentication> callers = new ArrayList<>();
        for (List<String> roles : List.of(List.<String>of(), List.of("marketer"), List.of("admin"), List.of("influencer"),
                List.of("finance", "operator"), List.of("marketer", "admin"), List.of("MARKETER"))) {
            Jwt jwt = new Jwt("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "HS256"),
                    Map.of("sub", "someone", "roles", roles));
            callers.add(new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList(
                    roles.stream().map(r -> "ROLE_" + r).toArray(String[]::new))));
        }
        callers.add(new AnonymousAuthenticationToken("key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        TestingAuthenticationToken unauthenticated = new TestingAuthenticationToken("someone", null, "ROLE_marketer");
        unauthenticated.setAuthenticated(false);
        callers.add(unauthenticated);
        return callers;
    }

    /** A method invocation to build the evaluation context for (the checks do not look at it). */
    private static MethodInvocation invocation() {
        try {
            return new SimpleMethodInvocation("target", String.class.getMethod("length"));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.creatorcampaignpro.auth;

import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.ParseException;
import org.springframework.expression.ParserContext;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.ast.SpelNodeImpl;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.security.access.expression.SecurityExpressionOperations;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The method-security expression parser, with the forms our {@code @PreAuthorize}s use,
 * {@code hasRole('x')}, {@code hasAnyRole('x', 'y')}, {@code isAuthenticated()} and {@code permitAll()}, evaluated by
 * calling that same method on the expression root instead of through SpEL's reflective method
 * lookup, argument conversion and invocation (3-5% of a database endpoint's CPU). Same decision, same
 * root method, same annotation lookup, interceptor, denial and error handling: only the evaluation
 * of the parsed expression changes. Anything else, or a root that is not Spring Security's, goes to
 * SpEL as before.
 */
final class RoleCheckExpressionParser implements ExpressionParser {
    private static final String ROLE = "'([A-Za-z0-9_]+)'";
    private static final Pattern HAS_ROLE = Pattern.compile("hasRole\\(\\s*" + ROLE + "\\s*\\)");
    private static final Pattern HAS_ANY_ROLE = Pattern.compile("hasAnyRole\\(\\s*" + ROLE + "(\\s*,\\s*" + ROLE.replace("(", "(?:")
            + ")*\\s*\\)");
    private static final Pattern QUOTED = Pattern.compile(ROLE);

    private final ExpressionParser spel;

    RoleCheckExpressionParser(ExpressionParser spel) {
        this.spel = spel;
    }

    @Override
    public Expression parseExpression(String expressionString) throws ParseException {
        return direct(expressionString, spel.parseExpression(expressionString));
    }

    @Override
    public Expression parseExpression(String expressionString, ParserContext context) throws ParseException {
        Expression parsed = spel.parseExpression(expressionString, context);
        return context != null && context.isTemplate() ? parsed : direct(expressionString, parsed);
    }

    /** {@code parsed} itself, or the same expression evaluated directly when it is one of those forms. */
    static Expression direct(String text, Expression parsed) {
        if (!(parsed instanceof SpelExpression spelExpression) || !(spelExpression.getAST() instanceof SpelNodeImpl ast)) {
            return parsed;
        }
        String form = text.strip();
        Predicate<SecurityExpressionOperations> check = null;
        if (form.equals("isAuthenticated()")) {
            check = SecurityExpressionOperations::isAuthenticated;
        } else if (form.equals("permitAll()")) {
            check = SecurityExpressionOperations::permitAll;
        } else if (HAS_ROLE.matcher(form).matches()) {
            String role = roles(form).get(0);
            check = root -> root.hasRole(role);
        } else if (HAS_ANY_ROLE.matcher(form).matches()) {
            String[] roles = roles(form).toArray(String[]::new);
            check = root -> root.hasAnyRole(roles);
        }
        return check == null ? parsed : new DirectRoleCheck(text, ast, check);
    }

    private static List<String> roles(String form) {
        List<String> roles = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(form);
        while (quoted.find()) {
            roles.add(quoted.group(1));
        }
        return roles;
    }

    /** The parsed SpEL expression (for every other use: its text, its type, ...), evaluated directly. */
    static final class DirectRoleCheck extends SpelExpression {
        private final Predicate<SecurityExpressionOperations> check;

        DirectRoleCheck(String text, SpelNodeImpl ast, Predicate<SecurityExpressionOperations> check) {
            // The configuration AbstractSecurityExpressionHandler's own SpelExpressionParser uses (the default).
            super(text, ast, new SpelParserConfiguration());
            this.check = check;
        }

        @Override
        public Object getValue(EvaluationContext context) {
            if (context.getRootObject().getValue() instanceof SecurityExpressionOperations root) {
                return check.test(root);
            }
            return super.getValue(context);
        }
    }
}

package com.creatorcampaignpro.matching;

/**
 * One component of a score: its value (0..1), its weight, the points it adds to the 0..100 score, and
 * whether the campaign asked for it at all (a component the campaign does not ask for counts as a
 * full fit for everyone, so it shifts all scores alike and changes no ranking).
 */
public record ComponentScore(MatchComponent component, double value, double weight, double points, boolean applicable,
                             String detail) {
}

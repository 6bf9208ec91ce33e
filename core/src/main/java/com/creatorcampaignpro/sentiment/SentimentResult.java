package com.creatorcampaignpro.sentiment;

import java.util.List;

/**
 * A text's sentiment: {@code score} in -1..1, its label, and the words (or emoji) that drove it, with
 * what each contributed after negation, intensifiers and emphasis, strongest first.
 */
public record SentimentResult(double score, SentimentLabel label, List<DrivingWord> drivers, String engine) {

    public SentimentResult {
        drivers = List.copyOf(drivers);
    }

    public record DrivingWord(String word, double contribution) {
    }
}

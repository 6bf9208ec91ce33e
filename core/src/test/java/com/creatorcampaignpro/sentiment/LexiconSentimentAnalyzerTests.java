package com.creatorcampaignpro.sentiment;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class LexiconSentimentAnalyzerTests {
    private final LexiconSentimentAnalyzer analyzer = new LexiconSentimentAnalyzer();

    private double score(String text) {
        return analyzer.analyze(text).score();
    }

    @Test
    void negationFlipsAndDamps() {
        assertThat(score("good")).isPositive();
        assertThat(score("not good")).isNegative();
        assertThat(score("not bad")).isPositive();
        assertThat(Math.abs(score("not good"))).isLessThan(score("good"));
        assertThat(score("it isn't good")).isNegative();
        // the negation's scope ends at the clause
        assertThat(score("no, good")).isPositive();
    }

    @Test
    void intensifiersAndCapitalsStrengthenDampenersWeaken() {
        assertThat(score("very good")).isGreaterThan(score("good"));
        assertThat(score("slightly good")).isLessThan(score("good")).isPositive();
        assertThat(score("very bad")).isLessThan(score("bad"));
        assertThat(score("this is GOOD")).isGreaterThan(score("this is good"));
        assertThat(score("good!!!")).isGreaterThan(score("good"));
    }

    @Test
    void emojiAndEmoticonsCount() {
        assertThat(analyzer.analyze("😍").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(analyzer.analyze("❤️").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(analyzer.analyze("💔").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(analyzer.analyze(":(").label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void butWeighsWhatFollows() {
        assertThat(score("the design is great but the battery is bad")).isLessThan(0);
        assertThat(score("the battery is bad but the design is great")).isGreaterThan(0);
    }

    @Test
    void reportsTheDrivingWordsStrongestFirst() {
        SentimentResult r = analyzer.analyze("Nice packaging, but the product is terrible 😡");
        assertThat(r.label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(r.drivers()).extracting(SentimentResult.DrivingWord::word).containsExactlyInAnyOrder("Nice", "terrible", "😡");
        assertThat(r.drivers().get(0).word()).isEqualTo("terrible");
        assertThat(r.engine()).isEqualTo(LexiconSentimentAnalyzer.ENGINE);
        assertThat(analyzer.analyze("Link in bio").drivers()).isEmpty();
        assertThat(analyzer.analyze("").label()).isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void labelsTheWrittenTestSetAccurately() throws IOException {
        record Case(String label, String text, String tags) {
        }
        List<Case> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("labelled-en.tsv"), StandardCharsets.UTF_8))) {
            in.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(l -> {
                String[] p = l.split("\t");
                cases.add(new Case(p[0], p[1], p[2]));
            });
        }
        int right = 0;
        Map<String, int[]> perTag = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            SentimentResult r = analyzer.analyze(c.text());
            boolean ok = r.label().jsonValue().equals(c.label());
            right += ok ? 1 : 0;
            if (!ok) {
                wrong.add(c.label() + " <- " + r.label().jsonValue() + " " + r.score() + ": " + c.text());
            }
            for (String tag : c.tags().split(",")) {
                int[] counts = perTag.computeIfAbsent(tag, t -> new int[2]);
                counts[0] += ok ? 1 : 0;
                counts[1]++;
            }
        }
        double accuracy = (double) right / cases.size();
        StringBuilder report = new StringBuilder(String.format("sentiment accuracy %d/%d = %.3f;", right, cases.size(), accuracy));
        perTag.forEach((tag, c) -> report.append(' ').append(tag).append(' ').append(c[0]).append('/').append(c[1]));
        System.out.println(report);
        wrong.forEach(w -> System.out.println("  missed: " + w));
        assertThat(cases).hasSizeGreaterThanOrEqualTo(70);
        assertThat(accuracy).as(report.toString()).isGreaterThanOrEqualTo(0.9);
    }
}

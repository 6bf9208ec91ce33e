package com.creatorcampaignpro.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A lexicon-and-rules sentiment analyzer for English, in the manner of VADER (Hutto and Gilbert,
 * ICWSM 2014) with our own lexicon ({@code lexicon-en.tsv}, about 270 words, emoji and emoticons):
 * <ul>
 *   <li>negation ("not", "never", "no", "...n't", "without") within the three words before a
 *       sentiment word flips and damps it (x -0.74: "not good" is mildly negative, "not bad" mildly
 *       positive);</li>
 *   <li>intensifiers ("very", "really", "so", "extremely") and dampeners ("slightly", "somewhat") in
 *       the two words before move it by 0.293 away from or towards zero;</li>
 *   <li>a word in capitals in a text that is not all capitals is emphasised (+0.733);</li>
 *   <li>"but" shifts the weight to what follows (before x0.5, after x1.5);</li>
 *   <li>up to four exclamation marks amplify the total (0.292 each).</li>
 * </ul>
 * The sum is squashed to -1..1 by {@code s / sqrt(s^2 + 15)}; |score| below 0.05 is neutral.
 * Deterministic, thread-safe, no model download.
 */
public final class LexiconSentimentAnalyzer {
    public static final String ENGINE = "lexicon-en-v1";
    static final double NEUTRAL_BAND = 0.05;
    private static final double NEGATION_FACTOR = -0.74;
    private static final double BOOST = 0.293;
    private static final double CAPS_BOOST = 0.733;
    private static final double EXCLAMATION_BOOST = 0.292;
    private static final double ALPHA = 15;
    private static final int NEGATION_WINDOW = 3;
    private static final int MAX_DRIVERS = 8;

    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "none", "nobody", "nothing", "neither",
            "nor", "without", "cannot", "cant", "dont", "isnt", "wasnt", "doesnt", "didnt", "wont", "aint", "hardly");
    private static final Map<String, Double> INTENSIFIERS = Map.ofEntries(
            Map.entry("very", BOOST), Map.entry("really", BOOST), Map.entry("so", BOOST), Map.entry("extremely", BOOST),
            Map.entry("super", BOOST), Map.entry("incredibly", BOOST), Map.entry("absolutely", BOOST),
            Map.entry("totally", BOOST), Map.entry("completely", BOOST), Map.entry("truly", BOOST),
            Map.entry("highly", BOOST), Map.entry("most", BOOST), Map.entry("too", BOOST), Map.entry("utterly", BOOST),
            Map.entry("slightly", -BOOST), Map.entry("somewhat", -BOOST), Map.entry("barely", -BOOST),
            Map.entry("marginally", -BOOST), Map.entry("fairly", -BOOST), Map.entry("little", -BOOST));

    private final Map<String, Double> lexicon;

    public LexiconSentimentAnalyzer() {
        this.lexicon = load();
    }

    private static Map<String, Double> load() {
        Map<String, Double> lexicon = new HashMap<>();
        try (InputStream in = LexiconSentimentAnalyzer.class.getResourceAsStream("lexicon-en.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                lexicon.put(stripVariation(line.substring(0, tab)), Double.parseDouble(line.substring(tab + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(lexicon);
    }

    public SentimentResult analyze(String text) {
        List<Token> tokens = tokenize(text);
        boolean allCaps = text.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
        int butAt = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).key.equals("but")) {
                butAt = i;
            }
        }
        List<SentimentResult.DrivingWord> drivers = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Double base = lexicon.get(t.key);
            if (base == null || INTENSIFIERS.containsKey(t.key)) {
                continue;
            }
            double v = base;
            if (t.word && !allCaps && t.text.length() > 1 && t.text.equals(t.text.toUpperCase(Locale.ROOT))) {
                v += Math.signum(v) * CAPS_BOOST;
            }
            for (int back = 1; back <= 2 && i - back >= 0; back++) {
                Token prev = tokens.get(i - back);
                if (prev.clauseBreak) {
                    break;
                }
                Double boost = INTENSIFIERS.get(prev.key);
                if (boost != null) {
                    v += Math.signum(v) * boost * (back == 1 ? 1 : 0.95);
                }
            }
            if (negated(tokens, i)) {
                v *= NEGATION_FACTOR;
            }
            if (butAt >= 0) {
                v *= i < butAt ? 0.5 : 1.5;
            }
            sum += v;
            drivers.add(new SentimentResult.DrivingWord(t.text, Math.round(v * 1000) / 1000.0));
        }
        long exclamations = Math.min(4, text.chars().filter(ch -> ch == '!').count());
        if (sum != 0) {
            sum += Math.signum(sum) * exclamations * EXCLAMATION_BOOST;
        }
        double score = sum / Math.sqrt(sum * sum + ALPHA);
        SentimentLabel label = score >= NEUTRAL_BAND ? SentimentLabel.POSITIVE
                : score <= -NEUTRAL_BAND ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
        drivers.sort(Comparator.comparingDouble((SentimentResult.DrivingWord d) -> -Math.abs(d.contribution())));
        return new SentimentResult(Math.round(score * 10_000) / 10_000.0, label,
                drivers.subList(0, Math.min(MAX_DRIVERS, drivers.size())), ENGINE);
    }

    /** A negation among the three words before, within the same clause. */
    private static boolean negated(List<Token> tokens, int i) {
        for (int back = 1; back <= NEGATION_WINDOW && i - back >= 0; back++) {
            Token prev = tokens.get(i - back);
            if (prev.clauseBreak) {
                return false;
            }
            if (NEGATIONS.contains(prev.key) || prev.key.endsWith("nt") && prev.text.toLowerCase(Locale.ROOT).endsWith("n't")) {
                return true;
            }
        }
        return false;
    }

    private record Token(String text, String key, boolean word, boolean clauseBreak) {
    }

    private static final String[] EMOTICONS = {">:(", ":'(", ":-)", ":-(", ":-D", ":)", ":(", ":D", ";)", "<3"};

    private List<Token> tokenize(String text) {
        String s = text.replace('\u2019', '\'');
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        outer:
        while (i < s.length()) {
            for (String e : EMOTICONS) {
                if (s.startsWith(e, i)) {
                    tokens.add(new Token(e, e, false, false));
                    i += e.length();
                    continue outer;
                }
            }
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.codePointAt(i)) || s.charAt(i) == '\'')) {
                    i += Character.charCount(s.codePointAt(i));
                }
                String word = s.substring(start, i);
                String key = word.toLowerCase(Locale.ROOT).replace("'", "");
                if (!lexicon.containsKey(key) && word.toLowerCase(Locale.ROOT).endsWith("'s")) {
                    key = key.substring(0, key.length() - 1);
                }
                tokens.add(new Token(word, key, true, false));
                continue;
            }
            i += Character.charCount(cp);
            if (cp == '.' || cp == '!' || cp == '?' || cp == ';' || cp == ',' || cp == ':') {
                tokens.add(new Token(String.valueOf((char) cp), "", false, true));
            } else if (Character.getType(cp) == Character.OTHER_SYMBOL || cp == 0x2764) {
                String emoji = new String(Character.toChars(cp));
                if (lexicon.containsKey(emoji)) {
                    tokens.add(new Token(emoji, emoji, false, false));
                }
            }
        }
        return tokens;
    }

    private static String stripVariation(String s) {
        return s.replace("\uFE0F", "");
    }
}

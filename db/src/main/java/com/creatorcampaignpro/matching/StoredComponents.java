package com.creatorcampaignpro.matching;

/**
 * How match_scores stores a match's components: the ten-thousandths (0..10000) of each value in
 * {@link MatchComponent} order (V150: about a third of a jsonb object's insert cost), read back as the
 * {"category":0.6667,...} text the API explains a score with. No String.format: a full run writes a
 * million of these.
 */
final class StoredComponents {
    private static final MatchComponent[] COMPONENTS = MatchComponent.values();

    private StoredComponents() {
    }

    /** The smallint[] literal, e.g. {6667,10000,0,...}. */
    static String literal(double[] values) {
        if (values.length != COMPONENTS.length) {
            throw new IllegalArgumentException("expected " + COMPONENTS.length + " component values, got " + values.length);
        }
        StringBuilder text = new StringBuilder(64).append('{');
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] <= 1)) {
                throw new IllegalArgumentException(COMPONENTS[i].key() + " must be within 0..1, was " + values[i]);
            }
            text.append(i == 0 ? "" : ",").append(Math.round(values[i] * 10_000));
        }
        return text.append('}').toString();
    }

    /** {"category":0.6667,...}: each component's value to 4 decimals, in MatchComponent order. */
    static String json(Number[] tenThousandths) {
        StringBuilder json = new StringBuilder(200).append('{');
        for (int i = 0; i < tenThousandths.length && i < COMPONENTS.length; i++) {
            json.append(i == 0 ? "\"" : ",\"").append(COMPONENTS[i].key()).append("\":");
            int v = tenThousandths[i].intValue();
            json.append(v / 10_000).append('.');
            String fraction = Integer.toString(v % 10_000);
            json.append("0000", 0, 4 - fraction.length()).append(fraction);
        }
        return json.append('}').toString();
    }
}

package com.creatorcampaignpro.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A command line: the command, its positional words, {@code --name value} options and {@code key=value} pairs. */
record Args(String command, List<String> positional, Map<String, String> options, Map<String, String> pairs) {

    static Args parse(String... argv) {
        if (argv.length == 0) {
            return new Args("help", List.of(), Map.of(), Map.of());
        }
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 1; i < argv.length; i++) {
            String word = argv[i];
            if (word.startsWith("--") && word.length() > 2) {
                String name = word.substring(2);
                int eq = name.indexOf('=');
                if (eq > 0) {
                    options.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (i + 1 < argv.length) {
                    options.put(name, argv[++i]);
                } else {
                    throw new UsageException("option --" + name + " needs a value");
                }
            } else if (word.indexOf('=') > 0) {
                int eq = word.indexOf('=');
                String key = word.substring(0, eq);
                if (pairs.put(key, word.substring(eq + 1)) != null) {
                    throw new UsageException("parameter " + key + " is given twice");
                }
            } else {
                positional.add(word);
            }
        }
        return new Args(argv[0], List.copyOf(positional), options, pairs);
    }

    /** The positional word at {@code index}, or a usage error naming what is missing. */
    String required(int index, String what) {
        if (positional.size() <= index) {
            throw new UsageException(command + " needs " + what);
        }
        return positional.get(index);
    }

    long requiredId(int index) {
        String raw = required(index, "an execution id");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new UsageException("'" + raw + "' is not an execution id (a number, see: ccp executions JOB)");
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}

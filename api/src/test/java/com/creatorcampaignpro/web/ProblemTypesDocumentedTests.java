package com.creatorcampaignpro.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's errors table lists every problem type the code can answer: the types are read off the
 * sources (every way a type is made), so a new one fails here until it is documented.
 */
class ProblemTypesDocumentedTests {
    private static final List<Pattern> TYPE_SITES = List.of(
            Pattern.compile("Problems\\.type\\(\\s*\"([a-z0-9-]+)\""),
            Pattern.compile("(?:ConflictException|UnauthenticatedException)\\(\\s*\"([a-z0-9-]+)\""),
            Pattern.compile("Outcome\\(null, \"([a-z0-9-]+)\""),
            Pattern.compile("BASE \\+ \"([a-z0-9-]+)\""),
            Pattern.compile("conflict\\(\"([a-z0-9-]+)\""),
            Pattern.compile("getOrDefault\\(constraint, \"([a-z0-9-]+)\""),
            Pattern.compile("TYPES = Map\\.of\\(\"[a-z_]+\", \"([a-z0-9-]+)\"\\)"),
            Pattern.compile("case [45]\\d\\d -> \"([a-z0-9-]+)\""),
            Pattern.compile("ServerError\\(\\) \\? \"([a-z0-9-]+)\" : \"([a-z0-9-]+)\""));

    @Test
    void everyProblemTypeIsInTheReadmesErrorsTable() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Set<String> types = new TreeSet<>();
        for (String module : List.of("api", "core", "jobs", "db")) {
            try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    for (Pattern site : TYPE_SITES) {
                        Matcher m = site.matcher(source);
                        while (m.find()) {
                            for (int g = 1; g <= m.groupCount(); g++) {
                                types.add(m.group(g));
                            }
                        }
                    }
                }
            }
        }
        assertThat(types).as("types found in the sources").contains("validation-error", "currency-locked", "duplicate",
                "rate-limited", "internal-error", "invalid-refresh-token", "unsupported-media-type", "media-claimed");

        String readme = Files.readString(root.resolve("README.md"));
        String table = readme.substring(readme.indexOf("### Errors"), readme.indexOf("## Hardening"));
        List<String> missing = types.stream().filter(t -> !table.contains("`" + t + "`")).toList();
        assertThat(missing).as("problem types missing from README's errors table").isEmpty();
    }
}

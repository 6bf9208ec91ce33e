package com.creatorcampaignpro.jobs;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a job presents itself to operators: what it does and the parameters it accepts. Each job's
 * configuration declares one as a bean next to the job; the operators' API lists and validates
 * launches from these alone. {@code reads}/{@code writes} are short descriptions for listings.
 */
public record JobDefinition(String name, String description, String reads, String writes,
                            List<JobParameterSpec> parameters) {

    public JobDefinition {
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
        Set<String> seen = new HashSet<>();
        for (JobParameterSpec p : parameters) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException("job " + name + " declares parameter " + p.name() + " twice");
            }
        }
    }
}

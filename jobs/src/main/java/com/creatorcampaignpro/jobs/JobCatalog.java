package com.creatorcampaignpro.jobs;

import com.creatorcampaignpro.error.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every Spring Batch job of the application with its {@link JobDefinition}, by name. */
public class JobCatalog {
    private static final Logger log = LoggerFactory.getLogger(JobCatalog.class);

    public record Entry(Job job, JobDefinition definition) {
        public String name() {
            return definition.name();
        }
    }

    private final Map<String, Entry> entries = new TreeMap<>();

    public JobCatalog(Collection<Job> jobs, Collection<JobDefinition> definitions) {
        Map<String, JobDefinition> byName = new TreeMap<>();
        for (JobDefinition d : definitions) {
            if (byName.put(d.name(), d) != null) {
                throw new IllegalStateException("two JobDefinition beans are named " + d.name());
            }
        }
        for (Job job : jobs) {
            JobDefinition definition = byName.remove(job.getName());
            if (definition == null) {
                // Still launchable and listed, just without parameters: declare a JobDefinition bean (README, "Adding a job").
                log.warn("Job {} has no JobDefinition bean: it is listed without description and accepts no parameters",
                        job.getName());
                definition = new JobDefinition(job.getName(), "", "", "", List.of());
            }
            entries.put(job.getName(), new Entry(job, definition));
        }
        if (!byName.isEmpty()) {
            throw new IllegalStateException("JobDefinition beans without a Job bean of the same name: " + byName.keySet());
        }
    }

    public Entry get(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new NotFoundException("job", name);
        }
        return entry;
    }

    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    public Collection<Entry> all() {
        return entries.values();
    }
}

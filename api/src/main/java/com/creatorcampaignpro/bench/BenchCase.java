package com.creatorcampaignpro.bench;

/**
 * One benchmark of scripts/bench. To add one: implement this, register it in {@link Bench#CASES},
 * and record its figures in BENCHMARKS.md.
 */
public interface BenchCase {

    /** The name used with {@code scripts/bench --only <name>}. */
    String name();

    /** Runs on the context's database (already filled with demo data) and adds rows to the report. */
    void run(BenchContext context, BenchReport report) throws Exception;
}

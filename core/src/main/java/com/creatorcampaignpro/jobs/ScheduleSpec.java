package com.creatorcampaignpro.jobs;

/** A job's schedule: a Quartz cron expression in a time zone, and whether it fires at all. */
public record ScheduleSpec(String cron, String timeZone, boolean enabled) {
}

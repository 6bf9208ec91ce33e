package com.creatorcampaignpro.jobs;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@RegisterConstructorMapper(StoredSchedule.class)
public interface JobScheduleDao {

    /** Serializes start-up reconciliation and operators' edits across instances (transaction scoped). */
    @SqlQuery("SELECT true FROM pg_advisory_xact_lock(8246, hashtext(:jobName))")
    boolean lock(@Bind("jobName") String jobName);

    @SqlQuery("SELECT * FROM job_schedules WHERE job_name = :jobName")
    Optional<StoredSchedule> find(@Bind("jobName") String jobName);

    @SqlQuery("SELECT * FROM job_schedules ORDER BY job_name")
    List<StoredSchedule> list();

    /** The configuration applied as is: the schedule is config-made again. */
    @SqlUpdate("""
            INSERT INTO job_schedules (job_name, cron, time_zone, paused, source, config_cron, config_time_zone,
                                       config_enabled, updated_by, updated_at)
            VALUES (:jobName, :cron, :timeZone, NOT :enabled, 'config', :cron, :timeZone, :enabled, NULL, now())
            ON CONFLICT (job_name) DO UPDATE SET
                cron = EXCLUDED.cron, time_zone = EXCLUDED.time_zone, paused = EXCLUDED.paused, source = 'config',
                config_cron = EXCLUDED.config_cron, config_time_zone = EXCLUDED.config_time_zone,
                config_enabled = EXCLUDED.config_enabled, updated_by = NULL, updated_at = now()
            """)
    void applyConfig(@Bind("jobName") String jobName, @Bind("cron") String cron, @Bind("timeZone") String timeZone,
                     @Bind("enabled") boolean enabled);

    /** An operator's change; the configuration it was last built from stays as it was. */
    @SqlUpdate("""
            UPDATE job_schedules SET cron = :cron, time_zone = :timeZone, paused = :paused, source = 'operator',
                                     updated_by = :by, updated_at = now()
            WHERE job_name = :jobName
            """)
    int applyOperatorChange(@Bind("jobName") String jobName, @Bind("cron") String cron,
                            @Bind("timeZone") String timeZone, @Bind("paused") boolean paused, @Bind("by") UUID by);
}

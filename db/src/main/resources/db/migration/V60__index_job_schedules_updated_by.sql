-- Every foreign key gets an index (MigrationsIntegrationTests checks it): deleting a user must not scan job_schedules.
CREATE INDEX job_schedules_updated_by ON job_schedules (updated_by) WHERE updated_by IS NOT NULL;

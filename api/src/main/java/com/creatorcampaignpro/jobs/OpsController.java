package com.creatorcampaignpro.jobs;

import org.springframework.web.bind.annotation.RequestHeader;
import com.creatorcampaignpro.web.IdempotentRequests;
import com.creatorcampaignpro.jobs.OpsDtos.Accepted;
import com.creatorcampaignpro.jobs.OpsDtos.ExecutionDetail;
import com.creatorcampaignpro.jobs.OpsDtos.ExecutionPage;
import com.creatorcampaignpro.jobs.OpsDtos.JobList;
import com.creatorcampaignpro.jobs.OpsDtos.LaunchRequest;
import com.creatorcampaignpro.jobs.OpsDtos.ScheduleList;
import com.creatorcampaignpro.jobs.OpsDtos.ScheduleRequest;
import com.creatorcampaignpro.jobs.OpsDtos.ScheduleView;
import com.creatorcampaignpro.web.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.Map;

/** Operators' control of jobs, executions and schedules. Admins may do what operators do. */
@RestController
@RequestMapping("/api/ops")
@PreAuthorize("hasAnyRole('operator', 'admin')")
@Tag(name = "operations")
class OpsController {
    private final OpsService ops;
    private final IdempotentRequests idempotent;

    OpsController(OpsService ops, IdempotentRequests idempotent) {
        this.ops = ops;
        this.idempotent = idempotent;
    }

    @GetMapping("/jobs")
    @Operation(summary = "Every job with its parameters, running and last execution, schedule and next fire time")
    JobList jobs() {
        return new JobList(ops.jobs());
    }

    @PostMapping("/jobs/{name}/executions")
    @Operation(summary = "Launch a job (asynchronous: 202 with the execution id); 409 if it is already running")
    ResponseEntity<Accepted> launch(Caller caller, @PathVariable String name,
                                    @RequestBody(required = false) LaunchRequest request,
                                    @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        Map<String, String> parameters = request == null || request.parameters() == null ? Map.of() : request.parameters();
        // A retried launch must not start a second run once the first has finished: the key replays the first
        // answer. Outside any transaction of ours: the launch commits the new execution before a thread runs it.
        return idempotent.executeOutsideTransaction(caller.id(), idempotencyKey, "POST /api/ops/jobs/" + name + "/executions", parameters,
                Accepted.class, () -> accepted(ops.launch(caller.id(), name, parameters)));
    }

    @GetMapping("/jobs/{name}/executions")
    @Operation(summary = "A job's executions, newest first (keyset pagination by execution id)")
    ExecutionPage history(@PathVariable String name,
                          @Parameter(description = "COMPLETED, STARTING, STARTED, STOPPING, STOPPED, FAILED, ABANDONED, UNKNOWN")
                          @RequestParam(required = false) String status,
                          @Parameter(description = "1..100, default 20") @RequestParam(required = false) Integer limit,
                          @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String after) {
        return ops.history(name, status, limit, after);
    }

    @GetMapping("/executions/{id}")
    @Operation(summary = "One execution: parameters, status, times, and per-step counts and failures")
    ExecutionDetail execution(@PathVariable long id) {
        return ops.detail(id);
    }

    @PostMapping("/executions/{id}/stop")
    @Operation(summary = "Ask a running execution to stop at its next chunk boundary; 409 unless running")
    ResponseEntity<Accepted> stop(Caller caller, @PathVariable long id) {
        return accepted(ops.stop(caller.id(), id));
    }

    @PostMapping("/executions/{id}/restart")
    @Operation(summary = "Restart a FAILED or STOPPED execution with its parameters; completed steps are not redone")
    ResponseEntity<Accepted> restart(Caller caller, @PathVariable long id) {
        return accepted(ops.restart(caller.id(), id));
    }

    @PostMapping("/executions/{id}/abandon")
    @Operation(summary = "Mark a FAILED or STOPPED execution ABANDONED: it can then never be restarted")
    ExecutionDetail abandon(Caller caller, @PathVariable long id) {
        return ops.abandon(caller.id(), id);
    }

    @GetMapping("/schedules")
    @Operation(summary = "Every job schedule with its state, next fire time and origin (config or operator)")
    ScheduleList schedules() {
        return new ScheduleList(ops.schedules());
    }

    @PutMapping("/schedules/{job}")
    @Operation(summary = "Change a schedule's cron (Quartz, seconds first) and time zone; kept across restarts")
    ScheduleView updateSchedule(Caller caller, @PathVariable String job, @Valid @RequestBody ScheduleRequest request) {
        return ops.updateSchedule(caller.id(), job, request.cron(), request.timeZone());
    }

    @PostMapping("/schedules/{job}/pause")
    @Operation(summary = "Pause a schedule (kept across restarts)")
    ScheduleView pause(Caller caller, @PathVariable String job) {
        return ops.pause(caller.id(), job);
    }

    @PostMapping("/schedules/{job}/resume")
    @Operation(summary = "Resume a paused schedule")
    ScheduleView resume(Caller caller, @PathVariable String job) {
        return ops.resume(caller.id(), job);
    }

    @PostMapping("/schedules/{job}/trigger")
    @Operation(summary = "Fire a schedule now, on whichever instance's scheduler picks it up (202)")
    ResponseEntity<Void> trigger(Caller caller, @PathVariable String job) {
        ops.trigger(caller.id(), job);
        return ResponseEntity.accepted().build();
    }

    private static ResponseEntity<Accepted> accepted(Accepted body) {
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/ops/executions/{id}").buildAndExpand(body.executionId()).toUri();
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(location).body(body);
    }
}

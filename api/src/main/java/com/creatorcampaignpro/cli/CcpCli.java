package com.creatorcampaignpro.cli;

import com.creatorcampaignpro.cli.Args.UsageException;
import com.creatorcampaignpro.cli.OpsClient.ApiError;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * ccp: the operators' command line over /api/ops. Started by scripts/ccp; base URL from CCP_URL
 * (default http://localhost:8080); tokens in ~/.config/ccp/credentials after {@code ccp login}.
 */
public final class CcpCli {
    static final String USAGE = """
            usage: ccp COMMAND [ARGS]
              login EMAIL                  log in (password from the prompt or CCP_PASSWORD); tokens kept in ~/.config/ccp
              logout                       revoke and forget the stored tokens
              jobs                         every job: schedule, next fire, last execution
              launch JOB [key=value ...]   start a job with parameters (see: ccp jobs)
              executions JOB [--status S] [--limit N] [--after CURSOR]
                                           a job's executions, newest first
              show ID                      one execution with its parameters and steps
              stop ID | restart ID | abandon ID
              schedules                    every schedule with its state and next fire time
              schedule JOB CRON [ZONE]     change a schedule, e.g. ccp schedule housekeepingJob '0 30 2 * * ?' UTC
              pause JOB | resume JOB | trigger JOB
              payouts-csv [--from DATE] [--to DATE] [--status S] [--provider stripe|paypal] [--batch ID] [--out FILE]
                                           finance: download the payout CSV (payouts-v1), one row per payment
            environment: CCP_URL (default http://localhost:8080)
            """;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final OpsClient client;
    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> env;
    private final ZoneId zone;

    CcpCli(OpsClient client, PrintStream out, PrintStream err, Function<String, String> env, ZoneId zone) {
        this.client = client;
        this.out = out;
        this.err = err;
        this.env = env;
        this.zone = zone;
    }

    public static void main(String[] argv) {
        String url = System.getenv().getOrDefault("CCP_URL", "http://localhost:8080");
        CcpCli cli = new CcpCli(new OpsClient(url, Credentials.defaultFile()), System.out, System.err, System::getenv,
                ZoneId.systemDefault());
        System.exit(cli.run(argv));
    }

    /** @return the process exit code: 0 done, 1 refused or failed, 2 usage error */
    int run(String... argv) {
        Args args;
        try {
            args = Args.parse(argv);
            dispatch(args);
            return 0;
        } catch (UsageException e) {
            err.println("ccp: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (ApiError e) {
            err.println("ccp: " + describe(e));
            return 1;
        }
    }

    private void dispatch(Args a) {
        switch (a.command()) {
            case "help", "-h", "--help" -> out.print(USAGE);
            case "login" -> login(a.required(0, "your EMAIL"));
            case "logout" -> {
                client.logout();
                out.println("Logged out.");
            }
            case "jobs" -> jobs();
            case "launch" -> launch(a.required(0, "a JOB name"), a.pairs());
            case "executions" -> executions(a);
            case "show" -> show(a.requiredId(0));
            case "stop" -> accepted(client.post("/api/ops/executions/" + a.requiredId(0) + "/stop", null), "Stopping");
            case "restart" -> accepted(client.post("/api/ops/executions/" + a.requiredId(0) + "/restart", null), "Restarted");
            case "abandon" -> {
                JsonNode e = client.post("/api/ops/executions/" + a.requiredId(0) + "/abandon", null);
                out.println("Execution " + e.get("id").asLong() + " of " + text(e, "jobName") + " is " + text(e, "status")
                        + ": it can no longer be restarted.");
            }
            case "schedules" -> schedules();
            case "payouts-csv" -> payoutsCsv(a);
            case "schedule" -> {
                String job = a.required(0, "a JOB name");
                String cron = a.required(1, "a CRON expression (quote it: '0 15 3 * * ?')");
                String timeZone = a.positional().size() > 2 ? a.positional().get(2) : "UTC";
                scheduleChanged(client.put("/api/ops/schedules/" + path(job), Map.of("cron", cron, "timeZone", timeZone)));
            }
            case "pause" -> scheduleChanged(client.post("/api/ops/schedules/" + path(a.required(0, "a JOB name")) + "/pause", null));
            case "resume" -> scheduleChanged(client.post("/api/ops/schedules/" + path(a.required(0, "a JOB name")) + "/resume", null));
            case "trigger" -> {
                String job = a.required(0, "a JOB name");
                client.post("/api/ops/schedules/" + path(job) + "/trigger", null);
                out.println("Triggered " + job + ": follow it with  ccp executions " + job);
            }
            default -> throw new UsageException("unknown command '" + a.command() + "'");
        }
    }

    private void login(String email) {
        String password = env.apply("CCP_PASSWORD");
        if (password == null) {
            Console console = System.console();
            if (console != null) {
                char[] typed = console.readPassword("Password for %s: ", email);
                password = typed == null ? "" : new String(typed);
            } else {
                try {
                    password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                } catch (IOException e) {
                    throw new UsageException("cannot read the password: " + e.getMessage());
                }
            }
        }
        if (password == null || password.isEmpty()) {
            throw new UsageException("no password given");
        }
        client.login(email, password);
        out.println("Logged in to " + client.baseUrl() + " as " + email + ".");
    }

    private void jobs() {
        Table table = new Table("JOB", "SCHEDULE", "NEXT FIRE", "LAST", "STATUS", "ENDED", "RUNNING");
        for (JsonNode job : client.get("/api/ops/jobs").get("items")) {
            JsonNode schedule = job.get("schedule");
            JsonNode last = job.get("lastExecution");
            JsonNode running = job.get("runningExecution");
            String when = schedule == null || schedule.isNull() ? "manual"
                    : text(schedule, "cron") + " " + text(schedule, "timeZone") + (schedule.get("paused").asBoolean() ? " (paused)" : "");
            table.row(text(job, "name"), when, time(job.get("nextFireTime")),
                    present(last) ? last.get("id").asLong() : null, present(last) ? text(last, "status") : null,
                    present(last) ? time(last.get("endTime")) : null,
                    present(running) ? "#" + running.get("id").asLong() : "");
        }
        out.print(table.render());
    }

    private void launch(String job, Map<String, String> parameters) {
        accepted(client.post("/api/ops/jobs/" + path(job) + "/executions", Map.of("parameters", new LinkedHashMap<>(parameters))),
                "Launched");
    }

    private void executions(Args a) {
        String job = a.required(0, "a JOB name");
        StringBuilder query = new StringBuilder();
        for (String option : new String[] {"status", "limit", "after"}) {
            String value = a.options().get(option);
            if (value != null) {
                query.append(query.isEmpty() ? '?' : '&').append(option).append('=').append(path(value));
            }
        }
        JsonNode page = client.get("/api/ops/jobs/" + path(job) + "/executions" + query);
        Table table = new Table("ID", "STATUS", "EXIT", "STARTED", "DURATION", "NODE", "DESCRIPTION");
        for (JsonNode e : page.get("items")) {
            table.row(e.get("id").asLong(), text(e, "status"), text(e, "exitCode"), time(e.get("startTime")),
                    duration(e.get("durationMillis")), text(e, "node"), text(e, "exitDescription"));
        }
        out.print(table.render());
        if (present(page.get("nextCursor"))) {
            out.println("more: ccp executions " + job + " --after " + page.get("nextCursor").asString());
        }
    }

    private void show(long id) {
        JsonNode e = client.get("/api/ops/executions/" + id);
        Table summary = new Table("EXECUTION", "JOB", "INSTANCE", "STATUS", "EXIT", "STARTED", "ENDED", "DURATION", "NODE");
        summary.row(e.get("id").asLong(), text(e, "jobName"), e.get("instanceId").asLong(), text(e, "status"),
                text(e, "exitCode"), time(e.get("startTime")), time(e.get("endTime")), duration(e.get("durationMillis")),
                text(e, "node"));
        out.print(summary.render());
        if (present(e.get("exitDescription"))) {
            out.println();
            out.println("Exit description: " + text(e, "exitDescription"));
        }
        out.println();
        Table parameters = new Table("PARAMETER", "VALUE", "TYPE", "IDENTIFYING");
        for (JsonNode p : e.get("parameters")) {
            parameters.row(text(p, "name"), text(p, "value"), text(p, "type"), p.get("identifying").asBoolean() ? "yes" : "no");
        }
        out.print(parameters.render());
        out.println();
        Table steps = new Table("STEP", "STATUS", "READ", "WRITE", "FILTER", "SKIP", "COMMIT", "ROLLBACK", "DURATION",
                "COUNTS", "FAILURE");
        for (JsonNode s : e.get("steps")) {
            StringBuilder counts = new StringBuilder();
            JsonNode own = s.path("counts");
            for (String name : own.propertyNames()) {
                counts.append(counts.isEmpty() ? "" : " ").append(name).append('=').append(own.get(name).asLong());
            }
            steps.row(text(s, "name"), text(s, "status"), s.get("readCount").asLong(), s.get("writeCount").asLong(),
                    s.get("filterCount").asLong(), s.get("skipCount").asLong(), s.get("commitCount").asLong(),
                    s.get("rollbackCount").asLong(), duration(s.get("durationMillis")), counts.toString(), text(s, "failure"));
        }
        out.print(steps.render());
    }

    /** Streams GET /api/finance/payouts.csv into a file (the role finance is needed). */
    private void payoutsCsv(Args a) {
        StringBuilder query = new StringBuilder();
        for (String name : List.of("from", "to", "status", "provider", "batch")) {
            String value = a.options().get(name);
            if (value != null) {
                query.append(query.isEmpty() ? '?' : '&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        java.nio.file.Path file = java.nio.file.Path.of(a.options().getOrDefault("out",
                "payouts-v1-" + java.time.LocalDate.now(zone) + ".csv"));
        long bytes = client.download("/api/finance/payouts.csv" + query, file);
        out.println("Wrote " + file + " (" + bytes + " bytes).");
    }

    private void schedules() {
        Table table = new Table("JOB", "CRON", "TIME ZONE", "STATE", "NEXT FIRE", "PREVIOUS FIRE", "SET BY");
        for (JsonNode s : client.get("/api/ops/schedules").get("items")) {
            table.row(text(s, "jobName"), text(s, "cron"), text(s, "timeZone"), text(s, "state"), time(s.get("nextFireTime")),
                    time(s.get("previousFireTime")), text(s, "source"));
        }
        out.print(table.render());
    }

    private void accepted(JsonNode body, String verb) {
        long id = body.get("executionId").asLong();
        out.println(verb + " " + text(body, "jobName") + ": execution " + id + " (" + text(body, "status") + ")."
                + " Follow it with  ccp show " + id);
    }

    private void scheduleChanged(JsonNode s) {
        out.println("Schedule of " + text(s, "jobName") + ": " + text(s, "cron") + " " + text(s, "timeZone") + ", "
                + text(s, "state") + (present(s.get("nextFireTime")) ? ", next fire " + time(s.get("nextFireTime")) : "") + ".");
    }

    /** The problem's detail, the fields at fault, and what the operator can do about it. */
    static String describe(ApiError e) {
        StringBuilder message = new StringBuilder(e.getMessage());
        if (e.problem != null && e.problem.has("errors")) {
            for (JsonNode f : e.problem.get("errors")) {
                if (e.problem.get("errors").size() > 1) {
                    message.append("\n  ").append(f.get("field").asString()).append(": ").append(f.get("message").asString());
                }
            }
        }
        String hint = switch (e.status) {
            case 401 -> e.getMessage().contains("ccp login") ? null : "log in again:  ccp login EMAIL";
            case 403 -> "your account needs the operator (or admin) role";
            case 404 -> "check the name or id:  ccp jobs,  ccp executions JOB";
            case 409 -> "check the current state:  ccp show ID  or  ccp jobs";
            case 400 -> "see the job's parameters:  ccp jobs";
            default -> null;
        };
        if (e.status >= 500) {
            hint = "the server failed; its log has the details";
        }
        if (e.status > 0) {
            String type = e.problem != null && e.problem.hasNonNull("type") ? e.problem.get("type").asString() : null;
            message.insert(0, "[" + e.status + (type == null ? "" : " " + type.substring(type.lastIndexOf('/') + 1)) + "] ");
        }
        return hint == null ? message.toString() : message + "\n  -> " + hint;
    }

    private String time(JsonNode value) {
        if (!present(value)) {
            return null;
        }
        return TIME.format(Instant.parse(value.asString()).atZone(zone));
    }

    static String duration(JsonNode millis) {
        if (!present(millis)) {
            return null;
        }
        Duration d = Duration.ofMillis(millis.asLong());
        if (d.toMinutes() >= 60) {
            return d.toHours() + "h" + String.format("%02dm", d.toMinutesPart());
        }
        if (d.getSeconds() >= 60) {
            return d.toMinutes() + "m" + String.format("%02ds", d.toSecondsPart());
        }
        return d.getSeconds() >= 1 ? String.format("%d.%01d s", d.getSeconds(), d.toMillisPart() / 100) : d.toMillis() + " ms";
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return present(value) ? value.asString() : null;
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

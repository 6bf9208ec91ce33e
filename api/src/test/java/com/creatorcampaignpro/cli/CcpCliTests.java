package com.creatorcampaignpro.cli;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI against a fake platform speaking the real API's JSON and problem+json. */
class CcpCliTests {
    @TempDir
    Path home;

    private final MockWebServer server = new MockWebServer();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path credentials;
    private CcpCli cli;

    @BeforeEach
    void start() throws Exception {
        server.start();
        credentials = home.resolve("ccp").resolve("credentials");
        cli = new CcpCli(new OpsClient(server.url("/").toString(), credentials), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("CCP_PASSWORD", "correct horse battery")::get,
                ZoneOffset.UTC);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code)
                .addHeader("Content-Type", code >= 400 ? "application/problem+json" : "application/json").body(body).build();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private RecordedRequest next() throws InterruptedException {
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    private void loggedIn() throws Exception {
        server.enqueue(json(200, "{\"accessToken\":\"access-1\",\"refreshToken\":\"refresh-1\"}"));
        assertThat(cli.run("login", "ops@example.com")).isZero();
        next();
        out.reset();
    }

    @Test
    void loginKeepsTheTokensReadableByTheOwnerOnly() throws Exception {
        server.enqueue(json(200, "{\"accessToken\":\"access-1\",\"refreshToken\":\"refresh-1\"}"));

        assertThat(cli.run("login", "ops@example.com")).isZero();

        RecordedRequest login = next();
        assertThat(login.getTarget()).isEqualTo("/api/auth/login");
        assertThat(login.getBody().utf8()).contains("\"email\":\"ops@example.com\"").contains("correct horse battery");
        assertThat(Files.readString(credentials)).contains("accessToken=access-1").contains("refreshToken=refresh-1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        assertThat(out()).contains("Logged in");
    }

    @Test
    void jobsArePrintedAsAnAlignedTable() throws Exception {
        loggedIn();
        server.enqueue(json(200, """
                {"items":[
                 {"name":"housekeepingJob","schedule":{"cron":"0 15 3 * * ?","timeZone":"UTC","paused":false},
                  "nextFireTime":"2026-11-26T03:15:00Z","runningExecution":null,
                  "lastExecution":{"id":12,"status":"COMPLETED","endTime":"2026-11-25T03:15:02Z"}},
                 {"name":"flakyJob","schedule":null,"nextFireTime":null,"runningExecution":{"id":40},"lastExecution":null}]}
                """));

        assertThat(cli.run("jobs")).isZero();

        assertThat(next().getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
        assertThat(out()).isEqualTo("""
                JOB              SCHEDULE          NEXT FIRE            LAST  STATUS     ENDED                RUNNING
                housekeepingJob  0 15 3 * * ? UTC  2026-11-26 03:15:00    12  COMPLETED  2026-11-25 03:15:02  -
                flakyJob         manual            -                       -  -          -                    #40
                """);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheRequestRepeated() throws Exception {
        loggedIn();
        server.enqueue(json(401, "{\"type\":\"https://creatorcampaignpro.com/problems/invalid-token\",\"status\":401,\"detail\":\"expired\"}"));
        server.enqueue(json(200, "{\"accessToken\":\"access-2\",\"refreshToken\":\"refresh-2\"}"));
        server.enqueue(json(202, "{\"executionId\":77,\"jobName\":\"housekeepingJob\",\"status\":\"STARTING\"}"));

        assertThat(cli.run("launch", "housekeepingJob", "batchSize=100")).isZero();

        RecordedRequest first = next();
        assertThat(first.getTarget()).isEqualTo("/api/ops/jobs/housekeepingJob/executions");
        assertThat(first.getBody().utf8()).isEqualTo("{\"parameters\":{\"batchSize\":\"100\"}}");
        RecordedRequest refresh = next();
        assertThat(refresh.getTarget()).isEqualTo("/api/auth/refresh");
        assertThat(refresh.getBody().utf8()).contains("refresh-1");
        assertThat(next().getHeaders().get("Authorization")).isEqualTo("Bearer access-2");
        assertThat(Files.readString(credentials)).contains("accessToken=access-2").contains("refreshToken=refresh-2");
        assertThat(out()).contains("Launched housekeepingJob: execution 77 (STARTING). Follow it with  ccp show 77");
    }

    @Test
    void aRefusalPrintsTheProblemAndWhatToDo() throws Exception {
        loggedIn();
        server.enqueue(json(409, """
                {"type":"https://creatorcampaignpro.com/problems/job-already-running","status":409,
                 "detail":"housekeepingJob is already running as execution 41 (STARTED); wait for it or stop it"}
                """));

        assertThat(cli.run("launch", "housekeepingJob")).isEqualTo(1);

        assertThat(err()).contains("[409 job-already-running] housekeepingJob is already running as execution 41")
                .contains("-> check the current state");
    }

    @Test
    void withoutLoginOrWithBadArgumentsItSaysWhatToRun() {
        assertThat(cli.run("jobs")).isEqualTo(1);
        assertThat(err()).contains("not logged in: run  ccp login EMAIL");
        assertThat(cli.run("show", "twelve")).isEqualTo(2);
        assertThat(err()).contains("'twelve' is not an execution id").contains("usage: ccp");
        assertThat(cli.run("frobnicate")).isEqualTo(2);
    }

    @Test
    void anExecutionIsShownWithItsParametersAndSteps() throws Exception {
        loggedIn();
        server.enqueue(json(200, """
                {"id":9,"jobName":"flakyJob","instanceId":4,"status":"FAILED","exitCode":"FAILED",
                 "exitDescription":"java.lang.IllegalStateException: finish failed on purpose",
                 "parameters":[{"name":"ccp.run","value":"manual:2026-11-25T10:00:00Z","type":"String","identifying":true}],
                 "node":"vm:42:ab","createTime":"2026-11-25T10:00:00Z","startTime":"2026-11-25T10:00:00Z",
                 "endTime":"2026-11-25T10:00:01.500Z","durationMillis":1500,
                 "steps":[{"name":"prepare","status":"COMPLETED","readCount":0,"writeCount":3,"filterCount":0,"skipCount":0,
                           "commitCount":1,"rollbackCount":0,"durationMillis":20,"failure":null},
                          {"name":"finish","status":"FAILED","readCount":0,"writeCount":0,"filterCount":0,"skipCount":0,
                           "commitCount":0,"rollbackCount":1,"durationMillis":5,"failure":"finish failed on purpose"}]}
                """));

        assertThat(cli.run("show", "9")).isZero();

        assertThat(next().getTarget()).isEqualTo("/api/ops/executions/9");
        assertThat(out()).contains("Exit description: java.lang.IllegalStateException: finish failed on purpose")
                .contains("ccp.run    manual:2026-11-25T10:00:00Z  String  yes")
                .contains("STEP     STATUS     READ  WRITE  FILTER  SKIP  COMMIT  ROLLBACK  DURATION  COUNTS  FAILURE")
                .contains("finish   FAILED        0      0       0     0       0         1      5 ms  -       finish failed on purpose");
    }

    @Test
    void payoutsCsvStreamsTheExportIntoAFileWithTheFilters() throws Exception {
        loggedIn();
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/csv")
                .body("payment_id,batch_id\r\nabc,def\r\n").build());
        Path file = home.resolve("out.csv");

        assertThat(cli.run("payouts-csv", "--from", "2026-12-01", "--provider", "paypal", "--out", file.toString())).isZero();

        assertThat(next().getTarget()).isEqualTo("/api/finance/payouts.csv?from=2026-12-01&provider=paypal");
        assertThat(Files.readString(file)).isEqualTo("payment_id,batch_id\r\nabc,def\r\n");
        assertThat(out()).contains("Wrote " + file);
    }

    @Test
    void payoutsCsvRefusedLeavesNoFile() throws Exception {
        loggedIn();
        server.enqueue(json(403, "{\"status\":403,\"detail\":\"finance only\"}"));
        Path file = home.resolve("refused.csv");

        assertThat(cli.run("payouts-csv", "--out", file.toString())).isEqualTo(1);

        assertThat(file).doesNotExist();
        assertThat(err()).contains("finance only");
    }
}

package com.creatorcampaignpro.auth;

import com.creatorcampaignpro.testing.ApiIntegrationTest;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Parallel wrong passwords against one account, each from its own address: every attempt is
 * counted before its password is checked, so exactly the limit (5) are checked and answered 401,
 * the rest 429. (When the limit was read before bcrypt and the failure written after, all 12 were
 * checked.)
 */
class LoginRaceIntegrationTests extends ApiIntegrationTest {
    private static final int PARALLEL = 12;

    @Autowired
    Jdbi jdbi;
    @Autowired
    AuthProperties properties;

    @Test
    void parallelGuessesNeverExceedTheAccountLimit() throws Exception {
        Account victim = influencer();
        int limit = properties.loginLimit().perAccountFailures();
        assertThat(limit).isLessThan(PARALLEL);

        CyclicBarrier start = new CyclicBarrier(PARALLEL);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                Callable<Integer> guess = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return mvc.perform(fromRandomClient(post("/api/auth/login")).contentType(MediaType.APPLICATION_JSON)
                                    .content(json(Map.of("email", victim.email(), "password", "wrong guess " + Math.random()))))
                            .andReturn().getResponse().getStatus();
                };
                answers.add(pool.submit(guess));
            }
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses.stream().filter(s -> s == 401).count()).as(statuses.toString()).isEqualTo(limit);
        assertThat(statuses.stream().filter(s -> s == 429).count()).as(statuses.toString()).isEqualTo(PARALLEL - limit);
        int recordedFailures = jdbi.withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM login_attempts WHERE account_key = :account AND NOT succeeded")
                .bind("account", victim.email().toLowerCase(Locale.ROOT)).mapTo(Integer.class).one());
        assertThat(recordedFailures).isEqualTo(limit);
    }

    @Test
    void aRightPasswordAfterAFailureStillLogsInAndClearsTheFailures() throws Exception {
        Account user = marketer();
        int wrong = mvc.perform(fromRandomClient(post("/api/auth/login")).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("email", user.email(), "password", "not the password")))).andReturn().getResponse().getStatus();
        int right = mvc.perform(fromRandomClient(post("/api/auth/login")).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("email", user.email(), "password", PASSWORD)))).andReturn().getResponse().getStatus();
        assertThat(List.of(wrong, right)).containsExactly(401, 200);
        int failures = jdbi.withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM login_attempts WHERE account_key = :account AND NOT succeeded")
                .bind("account", user.email().toLowerCase(Locale.ROOT)).mapTo(Integer.class).one());
        assertThat(failures).isZero();
    }
}

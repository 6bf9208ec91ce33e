package com.creatorcampaignpro.testing;

import com.creatorcampaignpro.CcpApplication;
import com.creatorcampaignpro.db.testing.Fixtures;
import com.creatorcampaignpro.db.testing.PostgresExtension;
import com.creatorcampaignpro.db.testing.TestDatabase;
import com.creatorcampaignpro.user.UserDao;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Base of the API's integration tests: the whole application on the run's fresh PostgreSQL
 * database, driven through MockMvc. Tests isolate themselves by registering their own users.
 */
@SpringBootTest(classes = CcpApplication.class)
@AutoConfigureMockMvc
@ExtendWith(PostgresExtension.class)
public abstract class ApiIntegrationTest {
    protected static final String PASSWORD = "correct horse battery";

    /** Rows straight into the database (campaigns, invitations, content, payees, payments) for the setup of a test. */
    protected final Fixtures fixtures = Fixtures.shared();
    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected UserDao userDao;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase db = TestDatabase.shared();
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
    }

    /** Hands this test's MockMvc and beans to a helper built outside Spring (another test's fixtures). */
    public void shareWith(ApiIntegrationTest other) {
        other.mvc = mvc;
        other.json = json;
        other.userDao = userDao;
    }

    /** A registered, logged-in user. */
    public record Account(UUID id, String email, String accessToken, String refreshToken) {
        public String bearer() {
            return "Bearer " + accessToken;
        }
    }

    protected static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** Each client gets its own address so per-client login limits never couple two tests. */
    protected static MockHttpServletRequestBuilder fromRandomClient(MockHttpServletRequestBuilder request) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String address = "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
        return request.with(req -> {
            req.setRemoteAddr(address);
            return req;
        });
    }

    protected Account register(String userType) throws Exception {
        String email = uniqueEmail(userType);
        JsonNode body = readJson(mvc.perform(fromRandomClient(post("/api/auth/register"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("email", email, "password", PASSWORD, "userType", userType,
                                "firstName", "Test", "lastName", userType))))
                .andExpect(status().isCreated()));
        return new Account(UUID.fromString(body.get("user").get("id").asString()), email,
                body.get("accessToken").asString(), body.get("refreshToken").asString());
    }

    protected Account marketer() throws Exception {
        return register("marketer");
    }

    protected Account influencer() throws Exception {
        return register("influencer");
    }

    /**
     * A user holding a staff role (operator, finance, admin) on top of being a marketer: granted in
     * the database, then logged in again so the access token carries the role.
     */
    protected Account staff(String role) throws Exception {
        Account base = marketer();
        userDao.grantRole(base.id(), role, null);
        JsonNode body = readJson(mvc.perform(fromRandomClient(post("/api/auth/login"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(Map.of("email", base.email(), "password", PASSWORD))))
                .andExpect(status().isOk()));
        return new Account(base.id(), base.email(), body.get("accessToken").asString(), body.get("refreshToken").asString());
    }

    protected String json(Object value) {
        return json.writeValueAsString(value);
    }

    protected JsonNode readJson(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}

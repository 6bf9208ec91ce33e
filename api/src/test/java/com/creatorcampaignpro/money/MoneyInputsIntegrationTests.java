package com.creatorcampaignpro.money;

import com.creatorcampaignpro.testing.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every amount and currency a client sends is bounded by ccp.money.* (defaults: 10,000,000,000 minor
 * units; USD, EUR, GBP, CAD, AUD): campaign budgets, invitation rates, content rates. Each refusal is
 * a 400 naming the field.
 */
class MoneyInputsIntegrationTests extends ApiIntegrationTest {
    private static final long MAX = 10_000_000_000L;

    @Test
    void campaignBudgetsAndCurrenciesAreBounded() throws Exception {
        Account marketer = marketer();
        createCampaign(marketer, campaign(MAX, "EUR")).andExpect(status().isCreated());
        createCampaign(marketer, campaign(MAX + 1, "EUR")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("budget"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(Long.toString(MAX))));
        createCampaign(marketer, campaign(Long.MAX_VALUE, "EUR")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("budget"));
        createCampaign(marketer, campaign(-1, "EUR")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("budget"));
        // XXX and JPY are ISO-4217 codes, but not ones the payout providers pay out here; "eur" is not as listed.
        for (String currency : List.of("XXX", "JPY", "eur", "EURO", "")) {
            createCampaign(marketer, campaign(1000, currency)).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("currency"))
                    .andExpect(jsonPath("$.errors[0].message").value(containsString("USD, EUR, GBP, CAD, AUD")));
        }
        Map<String, Object> noCurrency = campaign(1000, null);
        createCampaign(marketer, noCurrency).andExpect(status().isCreated()).andExpect(jsonPath("$.currency").value("USD"));

        String id = readJson(createCampaign(marketer, campaign(1000, "GBP")).andExpect(status().isCreated())).get("id").asString();
        mvc.perform(put("/api/campaigns/" + id).header("Authorization", marketer.bearer())
                        .contentType(MediaType.APPLICATION_JSON).content(json(campaign(MAX + 1, "GBP"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("budget"));
        mvc.perform(put("/api/campaigns/" + id).header("Authorization", marketer.bearer())
                        .contentType(MediaType.APPLICATION_JSON).content(json(campaign(1000, "CHF"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("currency"));
    }

    @Test
    void invitationRatesAreBoundedByTheMaximumAndTheCampaignsBudget() throws Exception {
        Account marketer = marketer();
        Account influencer = influencer();
        String campaignId = readJson(createCampaign(marketer, campaign(250_000, "EUR")).andExpect(status().isCreated()))
                .get("id").asString();
        // The case: a rate of 10^11 on a 250,000 budget.
        invite(marketer, campaignId, influencer, 100_000_000_000L, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rateAmount"));
        invite(marketer, campaignId, influencer, 250_001, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rateAmount"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("budget")));
        invite(marketer, campaignId, influencer, -5, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rateAmount"));
        invite(marketer, campaignId, influencer, 1000, "XXX").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("currency"));
        invite(marketer, campaignId, influencer, 250_000, null).andExpect(status().isCreated())
                .andExpect(jsonPath("$.currency").value("EUR"));
    }

    @Test
    void contentRatesAreBounded() throws Exception {
        Account influencer = influencer();
        rates(influencer, MAX + 1, "USD").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rates[0].amount"));
        rates(influencer, 1000, "XXX").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rates[0].currency"));
        rates(influencer, 1000, "JPY").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rates[0].currency"));
        rates(influencer, MAX, "CAD").andExpect(status().isOk());
    }

    private static Map<String, Object> campaign(long budget, String currency) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Bounded");
        body.put("budget", budget);
        if (currency != null) {
            body.put("currency", currency);
        }
        return body;
    }

    private ResultActions createCampaign(Account marketer, Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/campaigns").header("Authorization", marketer.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(body)));
    }

    private ResultActions invite(Account marketer, String campaignId, Account influencer, long rate, String currency) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("influencerId", influencer.id().toString());
        body.put("rateAmount", rate);
        if (currency != null) {
            body.put("currency", currency);
        }
        return mvc.perform(post("/api/campaigns/" + campaignId + "/invite-influencer").header("Authorization", marketer.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(body)));
    }

    private ResultActions rates(Account influencer, long amount, String currency) throws Exception {
        return mvc.perform(post("/api/influencers/rates").header("Authorization", influencer.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("rates", List.of(Map.of(
                        "platform", "instagram", "contentType", "reel", "amount", amount, "currency", currency))))));
    }
}

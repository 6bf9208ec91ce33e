package com.creatorcampaignpro.db.local;

/** The database the app will use, and a line saying which one for the startup banner. */
public record ResolvedDatabase(String jdbcUrl, String username, String password, String description) {

    @Override
    public String toString() {
        // Records print every component; this one ends up in logs.
        return "ResolvedDatabase[jdbcUrl=" + Databases.redactUrl(jdbcUrl) + ", username=" + username + ", password="
                + (password == null || password.isEmpty() ? "" : "***") + ", description=" + description + "]";
    }
}

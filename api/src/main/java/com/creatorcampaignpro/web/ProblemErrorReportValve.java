package com.creatorcampaignpro.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Tomcat's own error pages (a request it refuses before any servlet: an encoded slash or NUL in the
 * path, a header or query over its limits, an unparseable request line) as problem+json instead of
 * HTML. Instantiated by Tomcat from its class name, so it builds the body without Spring.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String type = status >= 500 ? Problems.INTERNAL.toString() : Problems.BASE + "bad-request";
        String detail = status >= 500 ? "an unexpected error occurred"
                : "the server refused the request as sent (" + status + " " + title
                + "): check the URL encoding, the size of the headers and of the query string";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response was committed: nothing more to say.
        }
    }
}

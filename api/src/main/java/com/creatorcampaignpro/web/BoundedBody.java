package com.creatorcampaignpro.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A request whose body (JSON, a webhook's text) may be at most {@link #MAX_BYTES}: a body announced
 * larger is refused before it is read ({@link RequestInputFilter}); a chunked one is counted as it
 * is read and refused when it passes the limit. Field bounds are checked only after Jackson has read
 * the whole value, so without this a 100 MB string would be held in memory first.
 */
final class BoundedBody extends HttpServletRequestWrapper {
    /** Every JSON body the API takes is far smaller (the largest, a campaign, is tens of KB at most). */
    static final long MAX_BYTES = 1024 * 1024;

    private ServletInputStream stream;

    BoundedBody(HttpServletRequest request) {
        super(request);
    }

    static ProblemDetail problem() {
        ProblemDetail problem = Problems.validation(List.of(new Problems.FieldError("body",
                "is larger than the " + MAX_BYTES + " bytes this API reads")));
        problem.setStatus(HttpStatus.CONTENT_TOO_LARGE);
        return problem;
    }

    /** Thrown while reading past the limit; the problem handler answers it as {@link #problem()}. */
    static final class TooLargeException extends IOException {
        TooLargeException() {
            super("request body larger than " + MAX_BYTES + " bytes");
        }
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TooLargeException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new Counting(super.getInputStream());
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private long read;

        Counting(ServletInputStream in) {
            this.in = in;
        }

        private int counted(int n) throws TooLargeException {
            if (n > 0) {
                read += n;
                if (read > MAX_BYTES) {
                    throw new TooLargeException();
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return counted(in.read(buffer, offset, length));
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}

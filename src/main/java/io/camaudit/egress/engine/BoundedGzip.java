package io.camaudit.egress.engine;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * A gzip stream that refuses to inflate more than {@link #MAX_RATIO} times the compressed bytes
 * read (after the first megabyte), so that a gzip bomb is stopped and named, not followed. Logs and
 * flow exports compress ten or twenty to one.
 */
final class BoundedGzip extends FilterInputStream {

    static final int MAX_RATIO = 200;
    private static final long GRACE = 1L << 20;

    private final Counting compressed;
    private long inflated;

    private BoundedGzip(Counting compressed) throws IOException {
        super(new GZIPInputStream(compressed, 65_536));
        this.compressed = compressed;
    }

    static InputStream of(InputStream raw) throws IOException {
        return new BoundedGzip(new Counting(raw));
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            check(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            check(n);
        }
        return n;
    }

    private void check(int n) throws IOException {
        inflated += n;
        if (inflated > GRACE && inflated > compressed.count * MAX_RATIO) {
            throw new IOException("the gzip stream inflates more than " + MAX_RATIO + " times its size (a gzip bomb?),"
                    + " stopped after " + inflated + " bytes");
        }
    }

    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}

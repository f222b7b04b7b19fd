package io.camaudit.egress.engine;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * The A and AAAA answers of a DNS response (RFC 1035), read defensively: names are at most 255
 * characters, compression pointers may only point backwards and at most 32 are followed, and a
 * message that lies about its counts simply ends the reading.
 */
final class DnsMessage {

    interface Answers {
        void answer(String name, Ip address, long ttl);
    }

    private DnsMessage() {}

    /** Reports each answer for the first question; returns how many. */
    static int answers(ByteBuffer m, int start, int end, Answers out) {
        if (end - start < 12) {
            return 0;
        }
        int flags = m.getShort(start + 2) & 0xFFFF;
        if ((flags & 0x8000) == 0) {
            return 0; // a query, not a response
        }
        int questions = m.getShort(start + 4) & 0xFFFF;
        int answers = m.getShort(start + 6) & 0xFFFF;
        int[] cursor = {start + 12};
        String question = null;
        for (int i = 0; i < questions && i < 4; i++) {
            String name = name(m, start, end, cursor);
            if (name == null || cursor[0] + 4 > end) {
                return 0;
            }
            question = question == null ? name : question;
            cursor[0] += 4;
        }
        if (question == null) {
            return 0;
        }
        int found = 0;
        for (int i = 0; i < answers && i < 64; i++) {
            if (name(m, start, end, cursor) == null || cursor[0] + 10 > end) {
                return found;
            }
            int type = m.getShort(cursor[0]) & 0xFFFF;
            long ttl = m.getInt(cursor[0] + 4) & 0xFFFF_FFFFL;
            int length = m.getShort(cursor[0] + 8) & 0xFFFF;
            int data = cursor[0] + 10;
            if (data + length > end) {
                return found;
            }
            if (type == 1 && length == 4) {
                out.answer(question, Ip.v4(m.getInt(data)), ttl);
                found++;
            } else if (type == 28 && length == 16) {
                out.answer(question, Ip.v6(m.getLong(data), m.getLong(data + 8)), ttl);
                found++;
            }
            cursor[0] = data + length;
        }
        return found;
    }

    /** Reads a name at the cursor (moving it past the name), or null if it is malformed. */
    private static String name(ByteBuffer m, int start, int end, int[] cursor) {
        StringBuilder name = new StringBuilder();
        int p = cursor[0];
        int jumps = 0;
        int resume = -1;
        while (true) {
            if (p >= end) {
                return null;
            }
            int length = m.get(p) & 0xFF;
            if (length == 0) {
                p++;
                break;
            }
            if ((length & 0xC0) == 0xC0) {
                if (p + 1 >= end || ++jumps > 32) {
                    return null;
                }
                int target = start + (((length & 0x3F) << 8) | (m.get(p + 1) & 0xFF));
                if (target >= p) {
                    return null; // pointers only point back
                }
                if (resume < 0) {
                    resume = p + 2;
                }
                p = target;
                continue;
            }
            if ((length & 0xC0) != 0 || p + 1 + length > end || name.length() + length > 255) {
                return null;
            }
            for (int i = 0; i < length; i++) {
                char c = (char) (m.get(p + 1 + i) & 0xFF);
                name.append(c > 0x20 && c < 0x7F ? c : '?');
            }
            name.append('.');
            p += 1 + length;
        }
        cursor[0] = resume >= 0 ? resume : p;
        return name.length() == 0 ? "." : name.substring(0, name.length() - 1).toLowerCase(Locale.ROOT);
    }
}

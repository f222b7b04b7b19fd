package io.camaudit.egress.engine;

import java.util.List;

/**
 * A NetFlow v9 or IPFIX template: the fields of its data records in order. A field of length
 * {@link #VARIABLE} (IPFIX only) carries its length in the record; {@link #fixedLength()} is the
 * record length when no field does, else -1; {@link #minimumLength()} is the least a record takes
 * (padding at the end of a set is shorter than it).
 */
record Template(
        int id,
        List<Field> fields,
        int fixedLength,
        int minimumLength,
        boolean options,
        int[] elements,
        int[] lengths,
        @org.jspecify.annotations.Nullable Layout layout) {

    static final int VARIABLE = 65_535;

    /** One field specifier: the information element, its enterprise (0 for IANA's), its length in the record. */
    record Field(int element, long enterprise, int length) {}

    /**
     * Where the field specifiers starting at {@code p} end, if they specify exactly this template's
     * fields (no further than {@code to}); else -1.
     */
    int specifiersEnd(java.nio.ByteBuffer m, int p, int to, boolean ipfix) {
        for (Field field : fields) {
            if (to - p < 4) {
                return -1;
            }
            int element = m.getShort(p) & 0xFFFF;
            int length = m.getShort(p + 2) & 0xFFFF;
            p += 4;
            long enterprise = 0;
            if (ipfix && (element & 0x8000) != 0) {
                if (to - p < 4) {
                    return -1;
                }
                enterprise = m.getInt(p) & 0xFFFF_FFFFL;
                element &= 0x7FFF;
                p += 4;
            }
            if (element != field.element() || length != field.length() || enterprise != field.enterprise()) {
                return -1;
            }
        }
        return p;
    }

    static Template of(int id, List<Field> fields, boolean options) {
        int minimum = 0;
        boolean variable = false;
        for (Field field : fields) {
            variable |= field.length() == VARIABLE;
            minimum += field.length() == VARIABLE ? 1 : field.length();
        }
        // The fields as arrays, read for every record: IANA's element numbers (-1 for an enterprise's) and lengths.
        int[] elements = new int[fields.size()];
        int[] lengths = new int[fields.size()];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = fields.get(i).enterprise() == 0 ? fields.get(i).element() : -1;
            lengths[i] = fields.get(i).length();
        }
        return new Template(
                id,
                List.copyOf(fields),
                variable ? -1 : minimum,
                minimum,
                options,
                elements,
                lengths,
                variable ? null : Layout.of(elements, lengths));
    }
}

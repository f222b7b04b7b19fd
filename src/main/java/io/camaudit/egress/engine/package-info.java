/**
 * The egress analysis in plain Java, fed by a stream of flow records: the parsers of the real
 * formats (NetFlow v5 and v9, IPFIX messages and files), each bounded and naming the offset of
 * what it cannot read.
 */
@NullMarked
@NamedInterface("engine")
package io.camaudit.egress.engine;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

package io.camaudit.egress.engine;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes classic libpcap files of Ethernet frames carrying IPv4 UDP or TCP packets, for tests that
 * hand real captures to real peers (nfpcapd) and to camaudit. A test tool: files only, nothing is sent.
 */
final class PcapWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PcapWriter() {
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4)
                .putShort((short) 2)
                .putShort((short) 4)
                .putInt(0)
                .putInt(0)
                .putInt(65_535)
                .putInt(1);
        out.writeBytes(header.array());
    }

    /** One packet from source to destination at the second given; protocol 6 (TCP) or 17 (UDP). */
    PcapWriter packet(
            long seconds,
            String source,
            String destination,
            int sourcePort,
            int destinationPort,
            int protocol,
            int payload,
            String sourceMac) {
        return packet(
                seconds, source, destination, sourcePort, destinationPort, protocol, new byte[payload], sourceMac);
    }

    /** The same with the payload's bytes given. */
    PcapWriter packet(
            long seconds,
            String source,
            String destination,
            int sourcePort,
            int destinationPort,
            int protocol,
            byte[] data,
            String sourceMac) {
        int payload = data.length;
        ByteBuffer l4;
        if (protocol == 17) {
            l4 = ByteBuffer.allocate(8 + payload);
            l4.putShort((short) sourcePort)
                    .putShort((short) destinationPort)
                    .putShort((short) (8 + payload))
                    .putShort((short) 0)
                    .put(data);
        } else {
            l4 = ByteBuffer.allocate(20 + payload);
            l4.putShort((short) sourcePort)
                    .putShort((short) destinationPort)
                    .putInt(1)
                    .putInt(0)
                    .put((byte) 0x50)
                    .put((byte) 0x18)
                    .putShort((short) 65_535)
                    .putShort((short) 0)
                    .putShort((short) 0)
                    .put(data);
        }
        ByteBuffer ip = ByteBuffer.allocate(20);
        ip.put((byte) 0x45)
                .put((byte) 0)
                .putShort((short) (20 + l4.capacity()))
                .putShort((short) 1)
                .putShort((short) 0)
                .put((byte) 64)
                .put((byte) protocol)
                .putShort((short) 0)
                .put(address(source))
                .put(address(destination));
        byte[] ipBytes = ip.array();
        int checksum = checksum(ipBytes);
        ipBytes[10] = (byte) (checksum >> 8);
        ipBytes[11] = (byte) checksum;
        ByteBuffer frame = ByteBuffer.allocate(14 + 20 + l4.capacity());
        frame.put(mac("00:11:22:33:44:55"))
                .put(mac(sourceMac))
                .putShort((short) 0x0800)
                .put(ipBytes)
                .put(l4.array());
        ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        record.putInt((int) seconds).putInt(0).putInt(frame.capacity()).putInt(frame.capacity());
        out.writeBytes(record.array());
        out.writeBytes(frame.array());
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private static byte[] address(String dotted) {
        String[] parts = dotted.split("\\.");
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) Integer.parseInt(parts[i]);
        }
        return b;
    }

    private static byte[] mac(String text) {
        String[] parts = text.split(":");
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return b;
    }

    private static int checksum(byte[] header) {
        int sum = 0;
        for (int i = 0; i < header.length; i += 2) {
            sum += ((header[i] & 0xFF) << 8) | (header[i + 1] & 0xFF);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return ~sum & 0xFFFF;
    }
}

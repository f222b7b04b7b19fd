package io.camaudit.returns.engine;

import io.camaudit.register.Capability;
import io.camaudit.register.DeviceFacts;
import io.camaudit.register.DeviceStatus;
import io.camaudit.register.IpAddress;
import io.camaudit.register.MacAddress;
import io.camaudit.register.SiteKind;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * The devices a preview read, kept in a compact binary file so that the commit need not parse the
 * return again (reading an XLSX sheet costs several times what writing this file and reading it
 * back does). The file ends with the device count and a CRC-32 of everything before it; a spool
 * that is missing, of another format version, cut short or altered reads as absent, and the
 * caller falls back to the return itself.
 */
public final class ReturnSpool {

    /** Changes whenever the layout does, so that a spool written by another version is not misread. */
    private static final long MAGIC = 0x43414d53504c_0001L; // "CAMSPL" and the version, 1

    private static final byte DEVICE = 1;
    private static final byte END = 0;

    /** The end mark, the device count and the checksum. */
    private static final int TRAILER = 1 + Long.BYTES + Long.BYTES;

    private ReturnSpool() {}

    /** Writes the devices handed to it; {@link #close} with the count makes the spool valid. */
    public static final class Writer implements Consumer<List<ReturnDevice>>, AutoCloseable {
        private final Path target;
        private final Path temp;
        private final CRC32 crc = new CRC32();
        private final DataOutputStream out;
        private long count;
        private boolean finished;

        private Writer(Path target) throws IOException {
            this.target = target;
            this.temp = Files.createTempFile(target.getParent(), "spool-", ".part");
            this.out = new DataOutputStream(
                    new CheckedOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16), crc));
            out.writeLong(MAGIC);
        }

        @Override
        public void accept(List<ReturnDevice> devices) {
            try {
                for (ReturnDevice device : devices) {
                    out.writeByte(DEVICE);
                    write(out, device);
                    count++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the preview's spool could not be written", e);
            }
        }

        /** Seals the spool and puts it in place; until then it does not exist under its name. */
        public void finish() {
            try {
                out.writeByte(END);
                out.writeLong(count);
                out.flush();
                long sum = crc.getValue();
                out.writeLong(sum);
                out.close();
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                finished = true;
            } catch (IOException e) {
                throw new UncheckedIOException("the preview's spool could not be written", e);
            }
        }

        @Override
        public void close() {
            if (!finished) {
                try {
                    out.close();
                } catch (IOException e) {
                    // Discarded below either way.
                }
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // A stray .part file is harmless: it is never read.
                }
            }
        }
    }

    /** Starts a spool that will appear at {@code target} when finished. */
    public static Writer writer(Path target) {
        try {
            return new Writer(target);
        } catch (IOException e) {
            throw new UncheckedIOException("the preview's spool could not be created", e);
        }
    }

    /**
     * Checks the spool whole (format, count and checksum) before handing anything on, then passes
     * its devices to {@code devices} in lists of at most {@code chunkSize}.
     *
     * @return false, having handed on nothing, if the spool is absent, of another version, or does
     *     not hold exactly {@code expectedDevices} intact devices
     */
    public static boolean read(Path spool, long expectedDevices, int chunkSize, Consumer<List<ReturnDevice>> devices) {
        if (!Files.isRegularFile(spool) || !intact(spool, expectedDevices)) {
            return false;
        }
        try (DataInputStream in = open(spool)) {
            in.readLong();
            List<ReturnDevice> chunk = new ArrayList<>(chunkSize);
            while (in.readByte() == DEVICE) {
                chunk.add(readDevice(in));
                if (chunk.size() == chunkSize) {
                    devices.accept(chunk);
                    chunk = new ArrayList<>(chunkSize);
                }
            }
            if (!chunk.isEmpty()) {
                devices.accept(chunk);
            }
            return true;
        } catch (IOException e) {
            // It was intact a moment ago; something changed it under us.
            throw new UncheckedIOException("the preview's spool " + spool.getFileName() + " changed while read", e);
        }
    }

    /**
     * Checks the trailer (end mark, device count) and the checksum of everything before it, without
     * decoding a device: the decoding pass that follows then meets only bytes this run wrote.
     */
    private static boolean intact(Path spool, long expectedDevices) {
        try (FileChannel channel = FileChannel.open(spool, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < Long.BYTES + TRAILER) {
                return false;
            }
            ByteBuffer trailer = ByteBuffer.allocate(TRAILER);
            channel.read(trailer, size - TRAILER);
            trailer.flip();
            if (trailer.get() != END || trailer.getLong() != expectedDevices) {
                return false;
            }
            long expectedSum = trailer.getLong();
            CRC32 crc = new CRC32();
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            long remaining = size - Long.BYTES;
            long position = 0;
            while (remaining > 0) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
                int n = channel.read(buffer, position);
                if (n <= 0) {
                    return false;
                }
                buffer.flip();
                crc.update(buffer);
                position += n;
                remaining -= n;
            }
            ByteBuffer magic = ByteBuffer.allocate(Long.BYTES);
            channel.read(magic, 0);
            return crc.getValue() == expectedSum && magic.flip().getLong() == MAGIC;
        } catch (IOException e) {
            return false;
        }
    }

    private static DataInputStream open(Path spool) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(spool), 1 << 16);
        return new DataInputStream(in);
    }

    private static void write(DataOutputStream out, ReturnDevice device) throws IOException {
        ReturnRow row = device.row();
        DeviceFacts facts = row.facts();
        out.writeLong(row.rowNumber());
        string(out, row.siteName());
        string(out, row.address());
        string(out, row.postcode());
        string(out, row.siteKind() == null ? null : row.siteKind().name());
        out.writeBoolean(row.sensitive());
        string(out, row.systemName());
        out.writeInt(row.quantity());
        string(out, device.naturalKey());
        string(out, facts.manufacturer());
        string(out, facts.brand());
        string(out, facts.model());
        string(out, facts.firmware());
        string(out, facts.serialNumber());
        string(out, facts.macAddress() == null ? null : facts.macAddress().value());
        string(out, facts.ipAddress() == null ? null : facts.ipAddress().value());
        string(out, facts.assetTag());
        out.writeShort(facts.capabilities().size());
        for (Capability capability : facts.capabilities()) {
            string(out, capability.name());
        }
        string(out, facts.status().name());
        date(out, facts.installedOn());
        date(out, facts.statusChangedOn());
    }

    private static ReturnDevice readDevice(DataInputStream in) throws IOException {
        long rowNumber = in.readLong();
        String siteName = string(in);
        String address = string(in);
        String postcode = string(in);
        String siteKind = string(in);
        boolean sensitive = in.readBoolean();
        String systemName = string(in);
        int quantity = in.readInt();
        String naturalKey = string(in);
        String manufacturer = string(in);
        String brand = string(in);
        String model = string(in);
        String firmware = string(in);
        String serial = string(in);
        String mac = string(in);
        String ip = string(in);
        String assetTag = string(in);
        int capabilityCount = in.readShort();
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (int i = 0; i < capabilityCount; i++) {
            capabilities.add(Capability.valueOf(string(in)));
        }
        DeviceStatus status = DeviceStatus.valueOf(string(in));
        LocalDate installedOn = date(in);
        LocalDate statusChangedOn = date(in);
        DeviceFacts facts = new DeviceFacts(
                manufacturer,
                brand,
                model,
                firmware,
                serial,
                mac == null ? null : new MacAddress(mac),
                ip == null ? null : new IpAddress(ip),
                assetTag,
                capabilities,
                status,
                installedOn,
                statusChangedOn);
        ReturnRow row = new ReturnRow(
                rowNumber,
                siteName,
                address,
                postcode,
                siteKind == null ? null : SiteKind.valueOf(siteKind),
                sensitive,
                systemName,
                facts,
                quantity);
        if (naturalKey == null) {
            throw new IOException("a spooled device has no natural key");
        }
        return new ReturnDevice(row, naturalKey);
    }

    private static void string(DataOutputStream out, @Nullable String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static @Nullable String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        // Cells are at most a few thousand characters (ReturnLimits); anything longer is damage.
        if (length < 0 || length > 64 * 1024) {
            throw new IOException("a spooled text is " + length + " bytes long");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static void date(DataOutputStream out, @Nullable LocalDate date) throws IOException {
        out.writeLong(date == null ? Long.MIN_VALUE : date.toEpochDay());
    }

    private static @Nullable LocalDate date(DataInputStream in) throws IOException {
        long day = in.readLong();
        return day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day);
    }
}

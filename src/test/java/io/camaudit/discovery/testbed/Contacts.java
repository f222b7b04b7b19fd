package io.camaudit.discovery.testbed;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every connection and datagram the emulated devices received: which device address, which port. */
public final class Contacts {

    public record Contact(String deviceAddress, int port, String protocol) {}

    private final List<Contact> contacts = new CopyOnWriteArrayList<>();

    void record(InetAddress device, int port, String protocol) {
        contacts.add(new Contact(device.getHostAddress(), port, protocol));
    }

    public List<Contact> all() {
        return List.copyOf(contacts);
    }

    public List<Contact> to(String deviceAddress) {
        return contacts.stream()
                .filter(c -> c.deviceAddress().equals(deviceAddress))
                .toList();
    }
}

package io.camaudit.discovery.testbed;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every connection and datagram the emulated devices received: which device address, which port. */
public final class Contacts {

    public record Contact(String deviceAddress, int port, String protocol) {}

    /** One HTTP, RTSP or SOAP request a device received: its request line and, for a POST, its body. */
    public record Request(String deviceAddress, int port, String line, String body) {}

    private final List<Contact> contacts = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    void request(InetAddress device, int port, String line, String body) {
        requests.add(new Request(device.getHostAddress(), port, line, body));
    }

    /** Every request received, so that tests can prove that only reads were sent. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

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

package io.camaudit.support;

import io.camaudit.account.Accounts;
import io.camaudit.register.Organisation;
import io.camaudit.register.OrganisationDraft;
import io.camaudit.register.Region;
import io.camaudit.register.Register;
import io.camaudit.register.Sector;
import io.camaudit.shared.Role;
import io.camaudit.shared.Viewer;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;

/** Builds the organisations and accounts a test needs, through the application's own services. */
@TestComponent
public class Estates {

    public static final Viewer ADMIN = new Viewer("test-admin", Role.ADMINISTRATOR, null);

    private final Register register;
    private final Accounts accounts;

    Estates(Register register, Accounts accounts) {
        this.register = register;
        this.accounts = accounts;
    }

    public Organisation organisation(String name) {
        return register.createOrganisation(
                ADMIN,
                new OrganisationDraft(
                        name + " " + UUID.randomUUID().toString().substring(0, 8),
                        Sector.LOCAL_AUTHORITY,
                        Region.NORTH_WEST,
                        null));
    }

    /** An in-service device the officer declares at an address, with what the body declared it can do. */
    public io.camaudit.register.Device camera(
            Viewer officer,
            Organisation body,
            String make,
            String model,
            String ip,
            java.util.Set<io.camaudit.register.Capability> declared) {
        return register.createDevice(
                officer,
                body.id(),
                new io.camaudit.register.DeviceDraft(
                        null,
                        null,
                        new io.camaudit.register.DeviceFacts(
                                make,
                                null,
                                model,
                                null,
                                null,
                                null,
                                io.camaudit.register.IpAddress.of(ip),
                                null,
                                declared,
                                io.camaudit.register.DeviceStatus.IN_SERVICE,
                                null,
                                null)));
    }

    public static Viewer officerOf(Organisation organisation) {
        return new Viewer("officer-" + organisation.id(), Role.OFFICER, organisation.id());
    }

    /**
     * Makes a real account, replaces the password it was given (as its holder must at the first
     * sign-in) and returns its username and password.
     */
    public Credentials account(Role role, Long organisationId) {
        Credentials given = accountWithGivenPassword(role, organisationId);
        String chosen = given.password() + "-chosen";
        accounts.changePassword(new Viewer(given.username(), role, organisationId), given.password(), chosen);
        return new Credentials(given.username(), chosen);
    }

    /** Makes a real account and returns the password it was given, which it must change. */
    public Credentials accountWithGivenPassword(Role role, Long organisationId) {
        String username =
                role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password =
                accounts.create(ADMIN, username, username, role, organisationId).secret();
        return new Credentials(username, password);
    }

    public record Credentials(String username, String password) {}
}

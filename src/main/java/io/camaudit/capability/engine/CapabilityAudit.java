package io.camaudit.capability.engine;

import io.camaudit.discovery.engine.HostReport;
import io.camaudit.discovery.engine.Identifier;
import io.camaudit.discovery.engine.ScopedNetwork;
import io.camaudit.discovery.engine.Survey;
import java.net.Inet4Address;
import java.time.Clock;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A capability audit of a scope: each address is surveyed as the discovery feature does (with the
 * same scope guard, pacing and politeness), and each host that answers is then read for what it
 * can do and what is switched on. It runs on the survey's own threads, so the same bound on hosts
 * at a time holds; it can be cancelled from another thread.
 */
public final class CapabilityAudit {

    /** Told of each device audited, of progress, and of hosts that failed; called from the audit's threads. */
    public interface Listener {
        void device(DeviceAudit audit);

        default void progress(long done, long total) {}

        default void failed(Inet4Address address, RuntimeException error) {}
    }

    /** Per address: the credentials the body gave for it (or null), and what it declared (null: not in the register). */
    public interface Knowledge {
        @Nullable
        AuditCredentials credentials(Inet4Address address);

        @Nullable
        Set<String> declared(Inet4Address address);

        static Knowledge of(@Nullable AuditCredentials credentials) {
            return new Knowledge() {
                @Override
                public @Nullable AuditCredentials credentials(Inet4Address address) {
                    return credentials;
                }

                @Override
                public @Nullable Set<String> declared(Inet4Address address) {
                    return null;
                }
            };
        }

        static Knowledge of(
                Function<Inet4Address, @Nullable AuditCredentials> credentials,
                Function<Inet4Address, @Nullable Set<String>> declared) {
            return new Knowledge() {
                @Override
                public @Nullable AuditCredentials credentials(Inet4Address address) {
                    return credentials.apply(address);
                }

                @Override
                public @Nullable Set<String> declared(Inet4Address address) {
                    return declared.apply(address);
                }
            };
        }
    }

    private final Survey survey;
    private final DeviceReader reader;
    private final Knowledge knowledge;

    /**
     * @param network the scope guard; its settings' ports should include {@link #ports(Indicators)}
     *     so that the services the rules name are seen
     */
    public CapabilityAudit(
            ScopedNetwork network,
            Identifier identifier,
            Indicators indicators,
            Vulnerabilities vulnerabilities,
            Knowledge knowledge,
            String userAgent,
            Clock clock) {
        this.survey = new Survey(network, identifier, userAgent);
        this.reader = new DeviceReader(network, indicators, vulnerabilities, userAgent, clock);
        this.knowledge = knowledge;
    }

    /** The survey's camera ports and the ports the indicator rules name, in order. */
    public static java.util.List<Integer> ports(Indicators indicators) {
        java.util.Set<Integer> ports =
                new java.util.TreeSet<>(io.camaudit.discovery.engine.SurveySettings.CAMERA_PORTS);
        indicators.documents("tcp").forEach(p -> ports.add(Integer.parseInt(p)));
        return java.util.List.copyOf(ports);
    }

    public void cancel() {
        survey.cancel();
    }

    public Survey.Outcome run(Listener listener) throws InterruptedException {
        return survey.run(new Survey.Listener() {
            @Override
            public void host(HostReport report) {
                try {
                    Inet4Address address = report.address();
                    listener.device(reader.read(report, knowledge.credentials(address), knowledge.declared(address)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void progress(long done, long total) {
                listener.progress(done, total);
            }

            @Override
            public void failed(Inet4Address address, RuntimeException error) {
                listener.failed(address, error);
            }
        });
    }
}

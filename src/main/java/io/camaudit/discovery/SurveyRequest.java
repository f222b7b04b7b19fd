package io.camaudit.discovery;

import io.camaudit.discovery.engine.OnvifCredentials;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a survey is asked to cover and how hard it may work. ONVIF credentials, if any, live only
 * in memory for the survey's run: they are never stored, logged or shown.
 */
public record SurveyRequest(
        List<String> scope,
        List<String> exclude,
        int packetsPerSecond,
        int concurrentHosts,
        @Nullable OnvifCredentials credentials) {

    public static final int MAX_RATE = 2_000;
    public static final int MAX_CONCURRENCY = 256;

    public SurveyRequest {
        scope = List.copyOf(scope);
        exclude = List.copyOf(exclude);
    }

    @Override
    public String toString() {
        return "SurveyRequest[scope=" + scope + ", exclude=" + exclude + ", rate=" + packetsPerSecond + ", concurrency="
                + concurrentHosts + ", credentials=" + (credentials == null ? "none" : "given") + "]";
    }
}

package io.camaudit.capability.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camaudit.capability.engine.FeatureState.Standing;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The capability matrix: what documents say, set beside what the body declared, and the changes since. */
class MatrixTest {

    private final Matrix matrix = new Matrix(Indicators.bundled());
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private static Document isapi(String path, String... entries) {
        List<Document.Entry> list = new java.util.ArrayList<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            list.add(new Document.Entry(entry.substring(0, eq), entry.substring(eq + 1)));
        }
        return new Document("isapi", path, "GET " + path, Document.Status.READ, list, "", AT);
    }

    @Test
    void presentButOffIsDormantAndOnButUndeclaredIsFlagged() {
        List<FeatureState> states = matrix.assess(
                List.of(
                        isapi("/ISAPI/Smart/capabilities", "SmartCap/isSupportFaceDetect=true"),
                        isapi("/ISAPI/Smart/FaceDetect/1", "FaceDetect/enabled=false"),
                        isapi("/ISAPI/Streaming/channels/101", "StreamingChannel/Audio/enabled=true"),
                        isapi("/ISAPI/System/Network/EZVIZ", "EZVIZ/enabled=true")),
                Set.of("FACE_RECOGNITION"));
        assertThat(state(states, Feature.FACE_DETECTION).standing()).isEqualTo(Standing.DORMANT);
        assertThat(state(states, Feature.AUDIO).standing()).isEqualTo(Standing.UNDECLARED);
        assertThat(state(states, Feature.CLOUD_LINK).standing()).isEqualTo(Standing.ON);
        assertThat(state(states, Feature.CLOUD_LINK).concern()).isTrue();
        assertThat(state(states, Feature.THERMAL).standing()).isEqualTo(Standing.UNKNOWN);
    }

    @Test
    void declaredButAbsentIsNamedAndNotDeclaringIsNotUndeclaredWhereThereIsNoRegisterEntry() {
        List<FeatureState> declared = matrix.assess(
                List.of(isapi("/ISAPI/Smart/capabilities", "SmartCap/isSupportFaceDetect=false")),
                Set.of("FACE_RECOGNITION"));
        assertThat(state(declared, Feature.FACE_DETECTION).standing()).isEqualTo(Standing.DECLARED_NOT_FOUND);
        List<FeatureState> unregistered = matrix.assess(
                List.of(isapi("/ISAPI/Streaming/channels/101", "StreamingChannel/Audio/enabled=true")), null);
        assertThat(state(unregistered, Feature.AUDIO).standing()).isEqualTo(Standing.ON);
        assertThat(state(unregistered, Feature.AUDIO).declared()).isEqualTo(Tristate.UNKNOWN);
    }

    @Test
    void unreadDocumentsSayNothing() {
        Document refused = Document.status(
                "isapi",
                "/ISAPI/System/Network/EZVIZ",
                "GET /ISAPI/System/Network/EZVIZ",
                Document.Status.UNAUTHORISED,
                AT);
        assertThat(state(matrix.assess(List.of(refused), Set.of()), Feature.CLOUD_LINK)
                        .standing())
                .isEqualTo(Standing.UNKNOWN);
    }

    @Test
    void aFeatureSwitchedOnSinceTheLastAuditIsAWorseChange() {
        List<FeatureState> before =
                matrix.assess(List.of(isapi("/ISAPI/Smart/FaceDetect/1", "FaceDetect/enabled=false")), Set.of());
        List<FeatureState> after =
                matrix.assess(List.of(isapi("/ISAPI/Smart/FaceDetect/1", "FaceDetect/enabled=true")), Set.of());
        List<AuditChanges.Change> changes = AuditChanges.between(before, after, Set.of(), Set.of("hik-36260"));
        assertThat(changes)
                .extracting(AuditChanges.Change::description)
                .containsExactly(
                        "Face detection and capture was switched on", "hik-36260 now matches its model and firmware");
        assertThat(changes).allMatch(AuditChanges.Change::worse);
        assertThat(AuditChanges.between(after, before, Set.of("hik-36260"), Set.of()))
                .extracting(AuditChanges.Change::worse)
                .containsExactly(false, false);
    }

    @Test
    void dahuaTablesAreFlattenedAndTheirRulesPaired() {
        List<Document.Entry> entries = Flatten.keyValues("table.Encode[0].MainFormat[0].AudioEnable=true\r\n"
                + "table.VideoAnalyseRule[0][3].Type=FaceRecognition\r\ntable.VideoAnalyseRule[0][3].Enable=true\r\n"
                + "garbage line\r\n=novalue\r\n");
        assertThat(entries)
                .contains(
                        new Document.Entry("table/Encode/0/MainFormat/0/AudioEnable", "true"),
                        new Document.Entry("rule/FaceRecognition/Enable", "true"));
    }

    @Test
    void digestAnswersFollowRfc2617sWorkedExample() {
        DigestAuth.Challenge challenge =
                new DigestAuth.Challenge("testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093", null, "MD5", true);
        String header = DigestAuth.authorization(
                challenge, new AuditCredentials("Mufasa", "Circle Of Life"), "GET", "/dir/index.html", 1, "0a4f113b");
        assertThat(header)
                .contains("response=\"6629fae49393a05397450978507c4ef1\"")
                .doesNotContain("Circle");
        assertThat(DigestAuth.challenge(List.of(
                        "Basic realm=\"x\"",
                        "Digest qop=\"auth\", realm=\"IP Camera(C1234)\", nonce=\"4e54\", stale=\"FALSE\"")))
                .isEqualTo(new DigestAuth.Challenge("IP Camera(C1234)", "4e54", null, "MD5", true));
    }

    private static FeatureState state(List<FeatureState> states, Feature feature) {
        return states.stream().filter(s -> s.feature() == feature).findFirst().orElseThrow();
    }
}

package io.camaudit.web.govuk;

import static io.camaudit.web.TestPrincipals.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.camaudit.support.Estates;
import io.camaudit.support.IntegrationTest;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our Thymeleaf versions of GOV.UK components render what govuk-frontend's own Nunjucks macros
 * render for the same options: each case is one of the fixtures govuk-frontend ships with the
 * release we serve (in its WebJar), compared as parsed HTML (attribute order, class order and
 * white space aside).
 */
@IntegrationTest
@Import(FixtureController.class)
class GovukFixturesTest {

    private static final String FIXTURES =
            "/META-INF/resources/webjars/govuk-frontend/%s/dist/govuk/components/%s/fixtures.json";

    @Autowired
    MockMvc mvc;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "input, default",
        "input, with hint text",
        "input, with error message",
        "input, with error and hint",
        "textarea, default",
        "textarea, with hint",
        "textarea, with error message",
        "select, with hint text and error message"
    })
    void ourFormFieldRendersWhatGovukFrontendDoes(String component, String name) throws Exception {
        JsonNode fixture = fixture(component, name);
        JsonNode options = fixture.get("options");
        MockHttpServletRequestBuilder request = get("/test/govuk/" + component)
                .with(as(Estates.ADMIN))
                .param("label", options.get("label").get("text").asString());
        if (options.has("hint")) {
            request.param("hint", options.get("hint").get("text").asString());
        }
        if (options.has("errorMessage")) {
            request.param(
                    "error",
                    "reference:" + options.get("errorMessage").get("text").asString());
        }
        if (options.has("items")) {
            for (JsonNode item : options.get("items")) {
                request.param(
                        "option",
                        item.get("value").asString() + ":" + item.get("text").asString());
            }
        }
        // The macro takes an id and a name; ours binds a form field, whose name is both.
        String expected = fixture.get("html").asString();
        String id = options.has("id")
                ? options.get("id").asString()
                : options.get("name").asString();
        expected = expected.replace("\"" + options.get("name").asString() + "\"", "\"reference\"")
                .replace(id, "reference");
        assertRendersAs(request, expected);
    }

    @ParameterizedTest(name = "error-summary: {0}")
    @CsvSource({"default", "without links"})
    void ourErrorSummaryRendersWhatGovukFrontendDoes(String name) throws Exception {
        JsonNode fixture = fixture("error-summary", name);
        MockHttpServletRequestBuilder request = get("/test/govuk/error-summary").with(as(Estates.ADMIN));
        String expected = fixture.get("html").asString();
        List<String> fields = List.of("reference", "site");
        int linked = 0;
        for (JsonNode item : fixture.get("options").get("errorList")) {
            if (item.has("href")) {
                String field = fields.get(linked++);
                request.param("error", field + ":" + item.get("text").asString());
                expected = expected.replace("\"" + item.get("href").asString() + "\"", "\"#" + field + "\"");
            } else {
                request.param("error", ":" + item.get("text").asString());
            }
        }
        assertRendersAs(request, expected);
    }

    /**
     * Checkboxes differ from govuk-frontend's on purpose (the small variant, Spring's ids and its
     * hidden "_field" marker), so they are checked for what matters: the fieldset names its hint
     * and its error for screen readers, and every label belongs to its box.
     */
    @org.junit.jupiter.api.Test
    void checkboxesTellScreenReadersTheirHintAndErrorAndLabelEveryBox() throws Exception {
        String page = mvc.perform(get("/test/govuk/checkboxes")
                        .with(as(Estates.ADMIN))
                        .param("label", "Declared capabilities")
                        .param("hint", "Select all that apply")
                        .param("error", "kinds:Select at least one")
                        .param("option", "FACE:Face recognition")
                        .param("option", "AUDIO:Audio"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Element group = Jsoup.parse(page).getElementById("under-test").child(0);

        assertThat(group.select("fieldset").attr("aria-describedby")).isEqualTo("kinds-hint kinds-error");
        assertThat(group.getElementById("kinds-hint")).isNotNull();
        assertThat(group.getElementById("kinds-error").text()).isEqualTo("Error: Select at least one");
        List<Element> boxes = group.select("input.govuk-checkboxes__input");
        assertThat(boxes).hasSize(2);
        for (Element box : boxes) {
            Element label = group.selectFirst("label[for=" + box.id() + "]");
            assertThat(label).as("label for " + box.id()).isNotNull();
        }
        assertThat(group.select("label").eachText()).containsExactly("Face recognition", "Audio");
    }

    private void assertRendersAs(MockHttpServletRequestBuilder request, String expectedHtml) throws Exception {
        String page = mvc.perform(request).andReturn().getResponse().getContentAsString();
        Element rendered = Jsoup.parse(page).getElementById("under-test").child(0);
        Element wanted = Jsoup.parseBodyFragment(expectedHtml).body().child(0);
        assertThat(canonical(rendered)).isEqualTo(canonical(wanted));
    }

    private static JsonNode fixture(String component, String name) throws Exception {
        String version = govukFrontendVersion();
        try (InputStream in = GovukFixturesTest.class.getResourceAsStream(FIXTURES.formatted(version, component))) {
            JsonNode all = JsonMapper.builder().build().readTree(in);
            for (JsonNode fixture : all.get("fixtures")) {
                if (fixture.get("name").asString().equals(name)) {
                    return fixture;
                }
            }
        }
        throw new IllegalArgumentException("govuk-frontend has no " + component + " fixture named " + name);
    }

    private static String govukFrontendVersion() throws Exception {
        try (InputStream in = GovukFixturesTest.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/govuk-frontend/pom.properties")) {
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }

    /** An element as text with sorted attributes and classes and collapsed white space. */
    private static String canonical(Element element) {
        StringBuilder out = new StringBuilder();
        write(element, out);
        return out.toString();
    }

    private static void write(Node node, StringBuilder out) {
        if (node instanceof TextNode text) {
            String collapsed = text.text().replaceAll("\\s+", " ");
            if (!collapsed.isBlank()) {
                out.append(collapsed.strip()).append('\n');
            }
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        Map<String, String> attributes = new TreeMap<>();
        for (Attribute attribute : element.attributes()) {
            if (attribute.getKey().equals("value") && attribute.getValue().isEmpty()) {
                continue; // a bound field writes value="" where the macro writes none: the same input
            }
            String value = attribute.getKey().equals("class")
                    ? String.join(
                            " ",
                            new TreeSet<>(List.of(attribute.getValue().trim().split("\\s+"))))
                    : attribute.getValue();
            attributes.put(attribute.getKey(), value);
        }
        out.append('<').append(element.tagName()).append(' ').append(attributes).append(">\n");
        List<Node> children = new ArrayList<>(element.childNodes());
        children.forEach(child -> write(child, out));
        out.append("</").append(element.tagName()).append(">\n");
    }
}

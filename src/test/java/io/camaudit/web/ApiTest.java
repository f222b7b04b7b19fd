package io.camaudit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.camaudit.account.Accounts;
import io.camaudit.account.NewSecret;
import io.camaudit.register.Organisation;
import io.camaudit.shared.Role;
import io.camaudit.support.Estates;
import io.camaudit.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class ApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Estates estates;

    @Autowired
    Accounts accounts;

    @Autowired
    JsonMapper json;

    Organisation council;
    String token;

    @BeforeEach
    void setUp() {
        council = estates.organisation("Api Council");
        Estates.Credentials officer = estates.account(Role.OFFICER, council.id());
        NewSecret secret = accounts.createToken(
                accounts.credentials(officer.username()).orElseThrow().account().viewer(), "script", null);
        token = secret.secret();
    }

    @Test
    void aScriptWithATokenImportsAReturnWithoutASession() throws Exception {
        MockMultipartFile file = new MockMultipartFile(
                "file",
                "return.csv",
                "text/csv",
                "Site,Manufacturer,Model,Serial number\nDepot,Dahua,IPC-HDW2431T-AS-S2,D-1\n"
                        .getBytes(StandardCharsets.UTF_8));
        String body = mvc.perform(multipart("/api/v1/organisations/" + council.id() + "/imports")
                        .file(file)
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PREVIEWED"))
                .andExpect(jsonPath("$.report.devices").value(1))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = json.readTree(body).get("id").asLong();
        mvc.perform(post("/api/v1/imports/" + id + "/commit").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.createdCount").value(1));
        mvc.perform(get("/api/v1/devices").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.devices[0].serialNumber").value("D-1"))
                .andExpect(jsonPath("$.devices[0].provenance.kind").value("IMPORTED"));
    }

    @Test
    void aRevokedTokenNoLongerWorks() throws Exception {
        mvc.perform(get("/api/v1/organisations").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        var account = accounts.authenticateToken(token).orElseThrow();
        long tokenId = accounts.tokens(account.viewer()).get(0).id();
        accounts.revokeToken(account.viewer(), tokenId);
        mvc.perform(get("/api/v1/organisations").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void badInputIsAProblemDetailNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/organisations/" + council.id() + "/devices")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"manufacturer\":\"Hikvision\",\"macAddress\":\"nope\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value("\"nope\" is not a MAC address (expected six hex pairs, such as 44:19:B6:01:02:03)"));
    }

    /**
     * The OpenAPI document in docs/openapi.json is the API's contract: this test fails when the
     * served operations or schemas differ from it. Run with -Dopenapi.update=true to rewrite the file.
     */
    @Test
    void theServedOpenApiDocumentMatchesTheOneInTheRepository() throws Exception {
        String served = mvc.perform(get("/v3/api-docs").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Path committed = Path.of("docs/openapi.json");
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(
                    committed, json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(served)) + "\n");
        }
        JsonNode servedDoc = json.readTree(served);
        JsonNode committedDoc = json.readTree(Files.readString(committed));
        assertThat(operations(servedDoc)).isEqualTo(operations(committedDoc));
        assertThat(servedDoc.get("components").get("schemas"))
                .as("the request and response schemas of docs/openapi.json")
                .isEqualTo(committedDoc.get("components").get("schemas"));
        assertThat(operations(json.readTree(served))).contains("GET /api/v1/devices", "POST /api/v1/imports/{id}/undo");
    }

    private static Set<String> operations(JsonNode doc) {
        Set<String> operations = new TreeSet<>();
        doc.get("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(method -> operations.add(method.getKey().toUpperCase() + " " + path.getKey())));
        return operations;
    }
}

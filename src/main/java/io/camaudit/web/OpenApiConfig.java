package io.camaudit.web;

import io.camaudit.shared.Viewer;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's description; docs/openapi.json in the repository is its reviewed copy. */
@Configuration
@ConditionalOnWebApplication
class OpenApiConfig {

    static {
        // The signed-in viewer is resolved from the session or token, never sent as a parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Viewer.class);
    }

    @Bean
    OpenAPI camauditOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("camaudit API")
                        .version("v1")
                        .description("The register of UK public bodies' surveillance cameras. Authenticate with"
                                + " 'Authorization: Bearer TOKEN' (make a token under Your account, or with"
                                + " 'camaudit user token'). Officers see only their own organisation."))
                .components(new Components()
                        .addSecuritySchemes(
                                "token",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An API token, cam_…")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}

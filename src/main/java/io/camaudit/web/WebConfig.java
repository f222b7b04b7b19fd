package io.camaudit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.BindingResult;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Static assets from the GOV.UK Frontend WebJar, and the {@code Viewer} handler parameter. */
@Configuration
@ConditionalOnWebApplication
class WebConfig implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ViewerArgumentResolver());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ErrorTitleInterceptor());
    }

    /** Sets "hasErrors" for the layout, so that a page re-shown with errors has a title starting "Error:". */
    static final class ErrorTitleInterceptor implements HandlerInterceptor {
        @Override
        public void postHandle(
                HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable ModelAndView mav) {
            if (mav == null) {
                return;
            }
            boolean errors = mav.getModel().values().stream()
                    .anyMatch(value -> value instanceof BindingResult result && result.hasErrors());
            String view = mav.getViewName();
            if (errors && (view == null || !view.startsWith("redirect:"))) {
                mav.addObject("hasErrors", true);
            }
        }
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String dist = "classpath:/META-INF/resources/webjars/govuk-frontend/" + govukFrontendVersion() + "/dist/govuk/";
        // The precompiled stylesheet refers to its fonts and images under /assets/.
        registry.addResourceHandler("/govuk/**").addResourceLocations(dist);
        registry.addResourceHandler("/assets/**").addResourceLocations(dist + "assets/");
    }

    static String govukFrontendVersion() {
        try (InputStream in =
                WebConfig.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/govuk-frontend/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the govuk-frontend WebJar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("the govuk-frontend WebJar cannot be read", e);
        }
    }
}

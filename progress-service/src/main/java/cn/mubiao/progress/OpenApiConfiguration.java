package cn.mubiao.progress;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /api/progress/openapi}: every call needs a Keycloak bearer token. */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI progressServiceApi() {
        return new OpenAPI()
                .info(new Info().title("Mubiao progress-service / 进度报送服务").version("v1")
                        .description("进度报告（草稿、提交、更正）、佐证材料、监控单位认定、统计数据优先、逐级汇总、报送日历、DHIS2 dataValueSets 数据交换。"
                                + " Reports (drafts, submissions, corrections), evidence, verification, statistics precedence,"
                                + " roll-up, reporting calendar, DHIS2 dataValueSets exchange."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}

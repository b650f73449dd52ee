package cn.mubiao.target;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /api/targets/openapi}: every call needs a Keycloak bearer token. */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI targetServiceApi() {
        return new OpenAPI()
                .info(new Info().title("Mubiao target-service / 目标体系服务").version("v1")
                        .description("单位、年度目标计划、目标分解、下达与责任书、目标调整、Excel导入导出、省市对接。"
                                + " Units, annual plans, decomposition, issue and letters, adjustments, Excel, provincial alignment."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}

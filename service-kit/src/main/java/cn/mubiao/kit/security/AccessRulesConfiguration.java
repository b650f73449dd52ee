package cn.mubiao.kit.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Function rules that hold for every endpoint of every service. */
@AutoConfiguration
public class AccessRulesConfiguration {

    @Bean
    WebMvcConfigurer provinceConfinement() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new ProvinceConfinement());
            }
        };
    }
}

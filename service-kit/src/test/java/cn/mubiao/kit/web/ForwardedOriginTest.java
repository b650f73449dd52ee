package cn.mubiao.kit.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardedOriginTest {

    private static MockHttpServletRequest atTheService() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/progress/dhis2/api/system/info");
        request.setScheme("http");
        request.setServerName("127.0.0.1");
        request.setServerPort(8082);
        return request;
    }

    @Test
    void theGatewaysForwardedProtoAndHostAreTheOriginTheClientUsed() {
        MockHttpServletRequest request = atTheService();
        request.addHeader("X-Forwarded-Proto", "https");
        request.addHeader("X-Forwarded-Host", "mubiao.zhengzhou.gov.cn");

        assertThat(ForwardedOrigin.of(request)).isEqualTo("https://mubiao.zhengzhou.gov.cn");
    }

    @Test
    void aHostTheClientPlantedBeforeTheGatewaysEntryIsNotTaken() {
        MockHttpServletRequest request = atTheService();
        request.addHeader("X-Forwarded-Proto", "http,http");
        request.addHeader("X-Forwarded-Host", "evil.example, localhost:8080");

        assertThat(ForwardedOrigin.of(request)).isEqualTo("http://localhost:8080");
    }

    @Test
    void withoutForwardedHeadersOrWithMalformedOnesItIsTheServicesOwnOrigin() {
        assertThat(ForwardedOrigin.of(atTheService())).isEqualTo("http://127.0.0.1:8082");

        MockHttpServletRequest malformed = atTheService();
        malformed.addHeader("X-Forwarded-Proto", "javascript");
        malformed.addHeader("X-Forwarded-Host", "a/b");
        assertThat(ForwardedOrigin.of(malformed)).isEqualTo("http://127.0.0.1:8082");
    }
}

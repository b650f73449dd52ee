package cn.mubiao.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A routed call as the service and the caller see it ({@code routing.SameLoopRouting}): the service gets the
 * method, path, query, body and repeated headers as sent and its own {@code Host}; the caller gets the service's
 * status, however unusual, and every value of every header but the hop-by-hop ones.
 */
class RoutedCallTest extends GatewayTestSupport {

    @Test
    void theServiceGetsMethodPathQueryBodyAndRepeatedHeadersAsSentWithItsOwnHost() {
        String echo = web.post().uri(b -> b.path("/api/targets/echo/a b").queryParam("q", "x y", "中原").build())
                .header("Authorization", "Bearer " + token())
                .header("X-Multi", "1", "2")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("twelve bytes")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(echo).isNotNull();
        assertThat(echo.split("\n")).containsExactly("POST", "/api/targets/echo/a%20b", "q=x%20y&q=%E4%B8%AD%E5%8E%9F",
                STUB.base().substring("http://".length()), "1,2", "12");
    }

    @Test
    void theCallerGetsTheServicesStatusAndEveryValueOfItsHeaders() {
        web.get().uri("/api/targets/echo?status=299")
                .header("Authorization", "Bearer " + token())
                .exchange()
                .expectStatus().isEqualTo(299)
                .expectHeader().valueEquals("X-Multi", "a", "b")
                .expectHeader().contentType(MediaType.TEXT_PLAIN)
                .expectHeader().exists("X-Request-Id")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
    }

    @Test
    void theServicesHopByHopHeadersStayBetweenItAndTheGateway() {
        web.get().uri("/api/targets/echo?hop")
                .header("Authorization", "Bearer " + token())
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Multi", "a", "b")
                .expectHeader().doesNotExist("Proxy-Authenticate")
                .expectHeader().doesNotExist("X-Application-Context");
    }
}

package cn.mubiao.gateway.routing;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SameLoopRoutingPartsTest {

    @Test
    void theRequestsHeadersGoOverReactorNettysButItsHostStays() {
        org.springframework.http.HttpHeaders relayed = new org.springframework.http.HttpHeaders();
        relayed.add("Host", "gateway.example");
        relayed.add("Authorization", "Bearer t");
        relayed.add("X-Multi", "1");
        relayed.add("X-Multi", "2");
        relayed.add("User-Agent", "curl/8");
        HttpHeaders request = new DefaultHttpHeaders().set("Host", "127.0.0.1:8081").set("User-Agent", "ReactorNetty");

        SameLoopRouting.Filter.relayHeaders(relayed, null, request);

        assertThat(request.getAll("Host")).containsExactly("127.0.0.1:8081");
        assertThat(request.getAll("X-Multi")).containsExactly("1", "2");
        assertThat(request.getAll("User-Agent")).containsExactly("curl/8");
        assertThat(request.get("Authorization")).isEqualTo("Bearer t");
    }

    @Test
    void aRouteThatPreservesTheHostSendsTheCallersHost() {
        org.springframework.http.HttpHeaders relayed = new org.springframework.http.HttpHeaders();
        relayed.add("Host", "gateway.example");
        HttpHeaders request = new DefaultHttpHeaders().set("Host", "127.0.0.1:8081");

        SameLoopRouting.Filter.relayHeaders(relayed, "gateway.example", request);

        assertThat(request.getAll("Host")).isEqualTo(List.of("gateway.example"));
    }

    @Test
    void anAsciiUriGoesAsItIsAndAnyOtherInItsAsciiForm() {
        URI ascii = URI.create("http://127.0.0.1:8081/api/targets/a%2Fb?q=x%20y");
        assertThat(SameLoopRouting.Filter.asciiOnly(ascii)).isSameAs(ascii);

        URI other = URI.create("http://127.0.0.1:8081/api/targets/x?unit=中原区");
        assertThat(SameLoopRouting.Filter.asciiOnly(other))
                .hasToString("http://127.0.0.1:8081/api/targets/x?unit=%E4%B8%AD%E5%8E%9F%E5%8C%BA");
    }
}
